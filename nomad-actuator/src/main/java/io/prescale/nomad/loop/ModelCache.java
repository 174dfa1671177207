package io.prescale.nomad.loop;

import io.prescale.core.forecast.ForecastModel;
import io.prescale.core.forecast.Forecaster;
import io.prescale.core.scale.RiskBudget;
import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fitted forecast models by key (groups with the same load query, event kinds and risk budget share one),
 * refitted when older than {@code refitEvery}. With a risk budget the quantile it chooses is computed at the same
 * refit and kept with the model. Thread-safe; two threads may fit the same key at once, and the later fit wins.
 */
final class ModelCache {
    /** A fitted model and, with a risk budget, the quantile chosen at its fit (null when none could be chosen). */
    record Fitted(ForecastModel model, RiskBudget.Choice choice) {}

    /** What a risk budget needs at a refit: the budget, the lead in steps, and one instance's capacity. */
    record Budget(RiskBudget budget, int leadSteps, double capacity) {}

    private record Entry(Fitted fitted, Instant fittedAt) {}

    private final Duration refitEvery;
    private final Map<String, Entry> models = new ConcurrentHashMap<>();

    ModelCache(Duration refitEvery) {
        this.refitEvery = refitEvery;
    }

    /**
     * The model for {@code key}, fitted by {@code forecaster} on {@code history} when missing or stale at
     * {@code now}; with {@code budget} (nullable) its quantile is chosen at the same time.
     *
     * @throws IllegalArgumentException when the history cannot be fitted (too short, all gaps)
     */
    Fitted model(String key, Forecaster forecaster, TimeSeries history, Instant now, Budget budget) {
        Entry e = models.get(key);
        if (e == null || !now.isBefore(e.fittedAt().plus(refitEvery)) || now.isBefore(e.fittedAt())) {
            ForecastModel model = forecaster.fit(history);
            RiskBudget.Choice choice = null;
            if (budget != null) {
                try {
                    choice = budget.budget().choose(forecaster, history, budget.leadSteps(), budget.capacity());
                } catch (IllegalArgumentException tooShort) {
                    choice = null;
                }
            }
            e = new Entry(new Fitted(model, choice), now);
            models.put(key, e);
        }
        return e.fitted();
    }

    /** Forgets the models whose key contains {@code marker} (e.g. those fitted on an older calendar). */
    void forget(String marker) {
        models.keySet().removeIf(k -> k.contains(marker));
    }

    int size() {
        return models.size();
    }
}
