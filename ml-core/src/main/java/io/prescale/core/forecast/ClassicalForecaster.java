package io.prescale.core.forecast;

import io.prescale.core.series.TimeSeries;
import java.util.Map;
import java.util.Objects;

/**
 * Base of the forecasters whose point forecast comes from a {@link Predictor}: checks the history, fits the
 * predictor, calibrates its error quantiles on the end of the history and records provenance.
 */
abstract class ClassicalForecaster implements Forecaster {
    protected final ForecastOptions options;

    ClassicalForecaster(ForecastOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Fits the point predictor on {@code training} (at least two finite values). */
    abstract PredictorFit fitPredictor(TimeSeries training);

    /** The options recorded in provenance. */
    Map<String, Object> recordedOptions() {
        return Map.of("horizon", options.horizon());
    }

    @Override
    public ForecastModel fit(TimeSeries history) {
        checkHistory(history);
        PredictorFit fit = fitPredictor(history);
        ModelProvenance provenance = new ModelProvenance(
                name(),
                history.start(),
                history.end(),
                history.size(),
                history.step(),
                recordedOptions(),
                options.seed(),
                fit.version(),
                fit.fallback(),
                fit.facts());
        return CalibratedModel.calibrate(fit.predictor(), history, options.horizon(), provenance);
    }

    static void checkHistory(TimeSeries history) {
        Objects.requireNonNull(history, "history");
        if (Gaps.finiteCount(history.values()) < 2) {
            throw new IllegalArgumentException("history needs at least 2 finite values, got "
                    + Gaps.finiteCount(history.values()) + " of " + history.size());
        }
    }
}
