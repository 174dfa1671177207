package io.prescale.collect;

import io.prescale.core.series.LoadProfile;
import java.time.Duration;
import java.util.Objects;

/**
 * The PromQL {@code query}, evaluated by {@code query_range} at {@code step}, is stored as series {@code name}.
 *
 * @param name  the store's series name
 * @param query PromQL giving one series (aggregate with {@code sum(…)} or a recording rule otherwise)
 * @param step  the evaluation step; a positive whole number of milliseconds
 * @param unit  what the values mean
 */
public record PullRule(String name, String query, Duration step, LoadProfile.Unit unit) {
    public PullRule {
        CollectConfig.checkName(name);
        Objects.requireNonNull(query, "query");
        PromQlCheck.check(query);
        CollectConfig.checkPositive("step of " + name, step);
        if (step.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("step of " + name + " must be whole milliseconds, got " + step);
        }
        Objects.requireNonNull(unit, "unit");
    }
}
