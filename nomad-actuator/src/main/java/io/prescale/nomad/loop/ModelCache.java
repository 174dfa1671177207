package io.prescale.nomad.loop;

import io.prescale.core.forecast.ForecastModel;
import io.prescale.core.forecast.Forecaster;
import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fitted forecast models by load query (groups with the same query share one), refitted when older than
 * {@code refitEvery}. Thread-safe; two threads may fit the same key at once, and the later fit wins.
 */
final class ModelCache {
    private record Entry(ForecastModel model, Instant fittedAt) {
    }

    private final Forecaster forecaster;
    private final Duration refitEvery;
    private final Map<String, Entry> models = new ConcurrentHashMap<>();

    ModelCache(Forecaster forecaster, Duration refitEvery) {
        this.forecaster = forecaster;
        this.refitEvery = refitEvery;
    }

    /**
     * The model for {@code query}, fitted on {@code history} when missing or stale at {@code now}.
     *
     * @throws IllegalArgumentException when the history cannot be fitted (too short, all gaps)
     */
    ForecastModel model(String query, TimeSeries history, Instant now) {
        Entry e = models.get(query);
        if (e == null || !now.isBefore(e.fittedAt().plus(refitEvery)) || now.isBefore(e.fittedAt())) {
            e = new Entry(forecaster.fit(history), now);
            models.put(query, e);
        }
        return e.model();
    }

    int size() {
        return models.size();
    }
}
