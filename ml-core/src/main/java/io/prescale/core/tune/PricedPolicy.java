package io.prescale.core.tune;

import io.prescale.core.scale.ScalingPolicy;

/**
 * A scaling policy with what a simulation needs beyond it: the load (requests/s) one instance of each band's
 * configuration holds within the SLO, and what one instance of it costs per hour. The capacities come from the
 * capacity model, never from the policy itself, so a hand-written {@code capacityPerInstance} is judged against
 * what its configuration really holds.
 *
 * @param name how reports name the policy, e.g. {@code learned} or {@code hand-written}
 * @param policy the policy the controller runs
 * @param capacityPerInstance per band, requests/s one instance of the band's configuration holds (&gt; 0)
 * @param costPerInstanceHour per band, the cost of one instance of the band's configuration per hour (≥ 0)
 */
public record PricedPolicy(
        String name, ScalingPolicy policy, double[] capacityPerInstance, double[] costPerInstanceHour) {
    public PricedPolicy {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("priced policy name must not be blank, got '" + name + "'");
        }
        java.util.Objects.requireNonNull(policy, "policy");
        capacityPerInstance = capacityPerInstance.clone();
        costPerInstanceHour = costPerInstanceHour.clone();
        int bands = policy.bands().size();
        if (capacityPerInstance.length != bands || costPerInstanceHour.length != bands) {
            throw new IllegalArgumentException("priced policy '" + name + "' needs one capacity and one cost per band ("
                    + bands + "), got " + capacityPerInstance.length + " and " + costPerInstanceHour.length);
        }
        for (int b = 0; b < bands; b++) {
            if (!(capacityPerInstance[b] > 0 && Double.isFinite(capacityPerInstance[b]))) {
                throw new IllegalArgumentException("priced policy '" + name + "' band " + b
                        + " capacity per instance must be a finite number > 0, got " + capacityPerInstance[b]);
            }
            if (!(costPerInstanceHour[b] >= 0 && Double.isFinite(costPerInstanceHour[b]))) {
                throw new IllegalArgumentException("priced policy '" + name + "' band " + b
                        + " cost per instance-hour must be a finite number ≥ 0, got " + costPerInstanceHour[b]);
            }
        }
    }

    /**
     * Prices {@code policy} whose band {@code b} runs {@code configs.get(b)}: capacity and cost of one instance of
     * each configuration on the capacity model (capacity searched up to {@code ceilingRps}; a configuration that holds
     * no load gets a thousandth of a request/s, so it violates wherever it runs).
     */
    public static PricedPolicy of(
            String name,
            ScalingPolicy policy,
            java.util.List<Configuration> configs,
            CapacityModel model,
            double ceilingRps) {
        ConfigSpace space = model.space();
        double[] capacity = new double[configs.size()];
        double[] cost = new double[configs.size()];
        for (int b = 0; b < configs.size(); b++) {
            Configuration one = configs.get(b).with(space.instancesKnob().name(), 1);
            capacity[b] = Math.max(1e-3, model.capacity(one, ceilingRps));
            cost[b] = space.costPerHour(one);
        }
        return new PricedPolicy(name, policy, capacity, cost);
    }

    /**
     * The policy a person writes by hand today: one open band running {@code perInstance} (its count ignored) with
     * {@code capacityPerInstance} = {@code utilisation} × the load one instance of it holds on the capacity model.
     */
    public static PricedPolicy handWritten(
            Configuration perInstance, CapacityModel model, double utilisation, double ceilingRps) {
        ConfigSpace space = model.space();
        Configuration one = perInstance.with(space.instancesKnob().name(), 1);
        double holds = Math.max(1e-3, model.capacity(one, ceilingRps));
        java.util.Map<String, Object> knobs = new java.util.LinkedHashMap<>(space.policyConfig(one));
        knobs.remove(space.instancesKnob().name());
        ScalingPolicy policy = new ScalingPolicy(
                ScalingPolicy.SCHEMA_VERSION,
                space.name() + "-hand-written",
                java.util.List.of(new io.prescale.core.scale.ScalingBand(
                        0,
                        Double.POSITIVE_INFINITY,
                        io.prescale.core.series.LoadProfile.UNIT,
                        knobs,
                        false,
                        null,
                        space.costPerHour(one),
                        utilisation * holds)),
                null,
                null);
        return new PricedPolicy("hand-written", policy, new double[] {holds}, new double[] {space.costPerHour(one)});
    }

    @Override
    public double[] capacityPerInstance() {
        return capacityPerInstance.clone();
    }

    @Override
    public double[] costPerInstanceHour() {
        return costPerInstanceHour.clone();
    }

    double capacity(int band) {
        return capacityPerInstance[band];
    }

    double cost(int band) {
        return costPerInstanceHour[band];
    }
}
