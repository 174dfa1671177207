package io.prescale.core.scale;

/**
 * Limits on the instance count: {@code min ≤ count ≤ max}, and at most {@code maxStep} instances added or
 * removed by one decision (as Nomad's {@code scaling} block and the Autoscaler's {@code max_scale_up/down}).
 */
public record Bounds(int min, int max, int maxStep) {
    public Bounds {
        if (min < 0) {
            throw new IllegalArgumentException("bounds min must be ≥ 0, got " + min);
        }
        if (max < min) {
            throw new IllegalArgumentException("bounds max must be ≥ min " + min + ", got " + max);
        }
        if (maxStep < 1) {
            throw new IllegalArgumentException("bounds maxStep must be ≥ 1, got " + maxStep);
        }
    }

    /** Bounds without a step limit (a step may span the whole range). */
    public static Bounds of(int min, int max) {
        return new Bounds(min, max, Math.max(1, max));
    }

    /** {@code count} clamped into {@code [min, max]}. */
    public int clamp(int count) {
        return Math.max(min, Math.min(max, count));
    }
}
