package io.prescale.core.scale;

import io.prescale.core.series.TimeSeries;
import java.time.Instant;

/**
 * What a strategy may see at the start of step {@link #t()}: the demand of steps before t (reading step t or
 * later throws), its instances and the world's settings. Owned by the simulator; not thread-safe.
 */
public final class SimulationView {
    private final TimeSeries demand;
    private final SimulationSettings settings;
    int t;
    int total;
    int ready;
    int lastActionStep = -1;

    SimulationView(TimeSeries demand, SimulationSettings settings) {
        this.demand = demand;
        this.settings = settings;
    }

    /** The current step. */
    public int t() {
        return t;
    }

    /** Start of step {@code i}. */
    public Instant timeAt(int i) {
        return demand.timeAt(i);
    }

    /** d_i, the mean demand over step {@code i < t} (NaN for a gap). */
    public double observed(int i) {
        if (i >= t || i < 0) {
            throw new IllegalStateException("step " + i + " is not observable at step " + t);
        }
        return demand.valueAt(i);
    }

    /** The observed demand of steps {@code [max(0, t − steps), t)} as a series. */
    public TimeSeries history(int steps) {
        return demand.slice(Math.max(0, t - steps), t);
    }

    /** Instances that exist now (ready or starting). */
    public int totalInstances() {
        return total;
    }

    /** Instances ready at the start of this step. */
    public int readyInstances() {
        return ready;
    }

    /** The last step at which the count changed, or −1. */
    public int lastActionStep() {
        return lastActionStep;
    }

    public SimulationSettings settings() {
        return settings;
    }
}
