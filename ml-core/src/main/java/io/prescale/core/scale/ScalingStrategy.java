package io.prescale.core.scale;

/**
 * A way of scaling, as the simulator runs it: at the start of each step it sees the demand of earlier steps only
 * (through {@link SimulationView}) and says how many instances should exist. Implementations may keep state
 * between steps; one instance runs one simulation.
 */
public interface ScalingStrategy {
    /** The strategy's name as the backtest reports it. */
    String name();

    /** Desired number of instances (launched, ready or not) from the start of step {@code view.t()}. */
    int desiredInstances(SimulationView view);
}
