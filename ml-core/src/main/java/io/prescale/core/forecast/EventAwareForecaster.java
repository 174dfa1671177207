package io.prescale.core.forecast;

import io.prescale.core.series.TimeSeries;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Any forecaster made aware of a calendar of scheduled events: it learns each kind's multiplicative effect
 * from the history ({@link EventEffects}), fits the wrapped forecaster on the history with those effects
 * divided out, and multiplies every forecast quantile by the effect of the events that cover its step. The
 * calendar may reach beyond the history: future occurrences are what it is for. With an empty calendar it is
 * the wrapped forecaster.
 */
public final class EventAwareForecaster implements Forecaster {
    private final Forecaster inner;
    private final EventCalendar calendar;

    public EventAwareForecaster(Forecaster inner, EventCalendar calendar) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** {@code inner} itself when the calendar is empty, else the wrapper. */
    public static Forecaster wrap(Forecaster inner, EventCalendar calendar) {
        return calendar.isEmpty() ? inner : new EventAwareForecaster(inner, calendar);
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public ForecastModel fit(TimeSeries history) {
        EventEffects effects = EventEffects.learn(history, calendar);
        return new Model(inner.fit(effects.deflate(history)), effects);
    }

    /** The wrapped model, its effects, and the provenance of the wrapped model with the effects added. */
    record Model(ForecastModel inner, EventEffects effects) implements ForecastModel {
        @Override
        public QuantileForecast forecast(TimeSeries history, int horizon, double[] levels) {
            QuantileForecast base = inner.forecast(effects.deflate(history), horizon, levels);
            double[][] values = new double[base.horizon()][levels.length];
            for (int h = 0; h < values.length; h++) {
                double factor = effects.factorAt(base.timeAt(h));
                for (int q = 0; q < levels.length; q++) {
                    values[h][q] = base.value(h, q) * factor;
                }
            }
            return new QuantileForecast(base.origin(), base.step(), base.levels(), values);
        }

        @Override
        public ModelProvenance provenance() {
            ModelProvenance p = inner.provenance();
            if (p == null) {
                return null;
            }
            Map<String, Object> fit = new LinkedHashMap<>(p.fit());
            Map<String, Object> kinds = new LinkedHashMap<>();
            effects.profiles()
                    .forEach((kind, profile) -> kinds.put(
                            kind, Map.of("occurrences", profile.occurrences(), "peakFactor", profile.peakFactor())));
            fit.put("eventEffects", kinds);
            fit.put("eventsIgnoredOutsideData", effects.ignoredOccurrences());
            return new ModelProvenance(
                    p.model(),
                    p.dataFrom(),
                    p.dataTo(),
                    p.points(),
                    p.step(),
                    p.options(),
                    p.seed(),
                    p.version(),
                    p.fallback(),
                    fit);
        }
    }
}
