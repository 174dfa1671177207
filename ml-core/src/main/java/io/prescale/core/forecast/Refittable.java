package io.prescale.core.forecast;

import io.prescale.core.series.TimeSeries;

/** A model that refits on newer history cheaper than a fresh fit (warm start, or a kept model choice). */
interface Refittable {
    ForecastModel refit(TimeSeries history);
}
