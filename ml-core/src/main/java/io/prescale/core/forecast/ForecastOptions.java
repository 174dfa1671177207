package io.prescale.core.forecast;

import java.util.List;
import java.util.Objects;

/**
 * Options every forecaster shares.
 *
 * @param horizon the horizon (steps) the model is tuned and calibrated for; forecasts may ask for more
 * @param seed seed of every random choice
 * @param events known events for the models that use them (Prophet-style)
 * @param lstm options of the LSTM
 */
public record ForecastOptions(int horizon, long seed, List<Event> events, LstmOptions lstm) {
    public ForecastOptions {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1 step, got " + horizon);
        }
        events = List.copyOf(Objects.requireNonNull(events, "events"));
        Objects.requireNonNull(lstm, "lstm");
    }

    /** Horizon 48 steps, seed 1, no events, default LSTM options. */
    public static ForecastOptions defaults() {
        return new ForecastOptions(48, 1, List.of(), LstmOptions.defaults());
    }

    public ForecastOptions withHorizon(int newHorizon) {
        return new ForecastOptions(newHorizon, seed, events, lstm);
    }

    public ForecastOptions withSeed(long newSeed) {
        return new ForecastOptions(horizon, newSeed, events, lstm);
    }

    public ForecastOptions withEvents(List<Event> newEvents) {
        return new ForecastOptions(horizon, seed, newEvents, lstm);
    }

    public ForecastOptions withLstm(LstmOptions newLstm) {
        return new ForecastOptions(horizon, seed, events, newLstm);
    }
}
