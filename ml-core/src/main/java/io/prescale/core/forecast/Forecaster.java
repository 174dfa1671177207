package io.prescale.core.forecast;

import io.prescale.core.series.TimeSeries;

/** Fits a forecasting model on history (gaps allowed). Trainer → immutable model, as in Tribuo. */
public interface Forecaster {
    /** The model's name as the CLI spells it ({@code naive}, {@code holt-winters}, {@code auto}…). */
    String name();

    /** Fits on {@code history} and returns an immutable, thread-safe model. */
    ForecastModel fit(TimeSeries history);
}
