package io.prescale.core.tune;

import java.util.List;

/** The per-band grid optimum on the capacity model: the cheapest configuration of the whole grid that holds a load. */
final class GridOptimum {
    private GridOptimum() {}

    /** The cheapest configuration of {@code grid} that holds the SLO at {@code loadRps}, or null when none does. */
    static Configuration cheapest(ConfigSpace space, CapacityModel model, List<Configuration> grid, double loadRps) {
        Configuration best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (Configuration config : grid) {
            double cost = space.costPerHour(config);
            if (cost < bestCost && model.holds(config, loadRps)) {
                best = config;
                bestCost = cost;
            }
        }
        return best;
    }
}
