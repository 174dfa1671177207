package io.prescale.core.tune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configurations the agent chooses among: per-instance variants (every knob but the count) that are not
 * dominated — no other variant is at most as dear per instance and holds at least as much load per instance on
 * the capacity model — times every instance count. Dominated variants can never be the cheapest choice at any load,
 * so pruning them keeps every per-band optimum while shrinking the action space for PPO.
 */
final class ActionSet {
    private final ConfigSpace space;
    private final List<Configuration> variants;
    private final double[] capacityPerInstance;
    private final double[] costPerInstance;
    private final int[] counts;
    private final double maxCost;

    private ActionSet(ConfigSpace space, List<Configuration> variants, double[] capacity, double[] cost, int[] counts) {
        this.space = space;
        this.variants = variants;
        this.capacityPerInstance = capacity;
        this.costPerInstance = cost;
        this.counts = counts;
        double max = 0;
        for (int v = 0; v < variants.size(); v++) {
            max = Math.max(max, cost[v] * counts[counts.length - 1]);
        }
        this.maxCost = max;
    }

    /** Builds the set from the space's grid, with capacities from {@code model} up to {@code ceiling} per instance. */
    static ActionSet of(ConfigSpace space, CapacityModel model, double ceiling, int maxVariants) {
        Knob count = space.instancesKnob();
        Map<String, Configuration> distinct = new LinkedHashMap<>();
        for (Configuration config : space.grid()) {
            Configuration one = config.with(count.name(), 1);
            distinct.putIfAbsent(one.toString(), one);
        }
        List<double[]> scored = new ArrayList<>();
        List<Configuration> all = new ArrayList<>(distinct.values());
        for (int i = 0; i < all.size(); i++) {
            double capacity = model.capacity(all.get(i), ceiling);
            if (capacity > 0) {
                scored.add(new double[] {i, space.costPerHour(all.get(i)), capacity});
            }
        }
        if (scored.isEmpty()) {
            throw new IllegalStateException("no configuration holds the SLO at any load on the capacity model");
        }
        scored.sort(Comparator.<double[]>comparingDouble(s -> s[1]).thenComparingDouble(s -> -s[2]));
        List<double[]> frontier = new ArrayList<>();
        double best = -1;
        for (double[] s : scored) {
            if (s[2] > best) {
                frontier.add(s);
                best = s[2];
            }
        }
        if (frontier.size() > maxVariants) {
            List<double[]> thinned = new ArrayList<>();
            for (int k = 0; k < maxVariants; k++) {
                thinned.add(frontier.get((int) Math.round(k * (frontier.size() - 1) / (double) (maxVariants - 1))));
            }
            frontier = thinned;
        }
        List<Configuration> variants = new ArrayList<>();
        double[] capacity = new double[frontier.size()];
        double[] cost = new double[frontier.size()];
        for (int v = 0; v < frontier.size(); v++) {
            variants.add(all.get((int) frontier.get(v)[0]));
            cost[v] = frontier.get(v)[1];
            capacity[v] = frontier.get(v)[2];
        }
        int[] counts =
                count.levels().stream().mapToInt(d -> (int) Math.round(d)).toArray();
        return new ActionSet(space, variants, capacity, cost, counts);
    }

    int size() {
        return variants.size() * counts.length;
    }

    int variant(int action) {
        return action / counts.length;
    }

    int count(int action) {
        return counts[action % counts.length];
    }

    int variants() {
        return variants.size();
    }

    int maxCount() {
        return counts[counts.length - 1];
    }

    /** The full configuration of {@code action}. */
    Configuration config(int action) {
        return variants.get(variant(action)).with(space.instancesKnob().name(), count(action));
    }

    /** Load (requests/s) that {@code ready} instances of {@code variant} hold within the SLO. */
    double capacity(int variant, double ready) {
        return capacityPerInstance[variant] * ready;
    }

    double capacityPerInstance(int variant) {
        return capacityPerInstance[variant];
    }

    double maxCapacityPerInstance() {
        double max = 0;
        for (double c : capacityPerInstance) {
            max = Math.max(max, c);
        }
        return max;
    }

    /** Cost per hour of {@code action}. */
    double cost(int action) {
        return costPerInstance[variant(action)] * count(action);
    }

    /** Cost per hour of the dearest action. */
    double maxCost() {
        return maxCost;
    }

    boolean restart(int fromVariant, int toVariant) {
        return fromVariant != toVariant && space.restartBetween(variants.get(fromVariant), variants.get(toVariant));
    }

    /** The cheapest action whose capacity holds {@code load}, or the largest one when none does. */
    int cheapestHolding(double load) {
        int best = -1;
        int largest = 0;
        for (int a = 0; a < size(); a++) {
            if (capacity(variant(a), count(a)) >= load && (best < 0 || cost(a) < cost(best))) {
                best = a;
            }
            if (capacity(variant(a), count(a)) > capacity(variant(largest), count(largest))) {
                largest = a;
            }
        }
        return best < 0 ? largest : best;
    }
}
