package io.prescale.core.scale;

/**
 * One strategy's score over the scored range: violating steps (d_t > ready_t·c) and their minutes, the unserved
 * share Σmax(0, d_t − ready_t·c)/Σd_t, instance-hours counted from launch, count changes, and the largest count.
 * {@code ready} and {@code total} are the per-step timelines over the whole series (copies).
 */
public record StrategyResult(
        String name,
        double sloViolationMinutes,
        int violationSteps,
        double unservedShare,
        double instanceHours,
        int actions,
        int maxInstances,
        int[] ready,
        int[] total) {
    public StrategyResult {
        ready = ready.clone();
        total = total.clone();
    }

    @Override
    public int[] ready() {
        return ready.clone();
    }

    @Override
    public int[] total() {
        return total.clone();
    }
}
