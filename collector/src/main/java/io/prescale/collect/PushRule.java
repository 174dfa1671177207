package io.prescale.collect;

import io.prescale.core.series.LoadProfile;
import java.time.Duration;
import java.util.Objects;

/**
 * Remote-written samples of the one series that {@code selector} selects are stored as series {@code name}.
 *
 * @param name     the store's series name
 * @param selector which Prometheus series; it must select one (aggregate with a recording rule otherwise)
 * @param step     the scrape or rule-evaluation interval of that series; positive
 * @param unit     what the values mean
 */
public record PushRule(String name, Selector selector, Duration step, LoadProfile.Unit unit) {
    public PushRule {
        CollectConfig.checkName(name);
        Objects.requireNonNull(selector, "selector");
        CollectConfig.checkPositive("step of " + name, step);
        Objects.requireNonNull(unit, "unit");
    }
}
