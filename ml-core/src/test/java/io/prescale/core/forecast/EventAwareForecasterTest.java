package io.prescale.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventAwareForecasterTest {
    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(10);
    private static final int DAY = 144;
    private static final double EFFECT = 1.8;

    /** 60 days of a daily cycle with noise; a 2-hour "match" every third day at 18:00 multiplies load by 1.8. */
    private static List<Event> matches(int days) {
        List<Event> events = new ArrayList<>();
        for (int d = 2, k = 1; d < days; d += 3, k++) {
            Instant start = START.plus(Duration.ofDays(d)).plus(Duration.ofHours(18));
            events.add(new Event("match" + k, start, start.plus(Duration.ofHours(2))));
        }
        return events;
    }

    private static TimeSeries load(int days, List<Event> events, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[days * DAY];
        for (int i = 0; i < v.length; i++) {
            Instant t = START.plus(STEP.multipliedBy(i));
            double base = 100 + 60 * Math.sin(2 * Math.PI * (i % DAY) / DAY - Math.PI / 2);
            double factor = 1;
            for (Event e : events) {
                if (e.covers(t)) {
                    factor = EFFECT;
                }
            }
            v[i] = base * factor * (1 + 0.03 * random.nextGaussian());
        }
        return TimeSeries.of(START, STEP, v);
    }

    @Test
    void learnsTheEffectOfAKindFromItsPastOccurrences() {
        List<Event> events = matches(60);
        EventEffects effects = EventEffects.learn(load(60, events, 1), EventCalendar.of(events));

        EventEffects.Profile match = effects.profiles().get("match");
        assertThat(match.occurrences()).isEqualTo(events.size());
        assertThat(match.peakFactor()).isCloseTo(EFFECT, within(0.12));
        Instant midEvent = events.get(3).start().plus(Duration.ofHours(1));
        assertThat(effects.factorAt(midEvent)).isCloseTo(EFFECT, within(0.12));
        assertThat(effects.factorAt(events.get(3).start().minus(Duration.ofHours(6))))
                .isEqualTo(1.0);
    }

    @Test
    void forecastsAFutureOccurrenceBetterThanTheSameModelWithoutTheCalendar() {
        List<Event> events = matches(60);
        TimeSeries all = load(60, events, 2);
        Event next = events.get(events.size() - 1);
        int cut = (int) (Duration.between(START, next.start()).toMinutes() / 10) - 12; // two hours before it
        TimeSeries history = all.slice(0, cut);
        int horizon = 30;
        double[] levels = {0.1, 0.5, 0.9};
        Forecaster plain = Forecasters.byName(
                "seasonal-naive-daily", ForecastOptions.defaults().withHorizon(horizon));
        Forecaster aware = new EventAwareForecaster(plain, EventCalendar.of(events));

        double plainError = absoluteError(plain.fit(history).forecast(history, horizon, levels), all, cut);
        double awareError = absoluteError(aware.fit(history).forecast(history, horizon, levels), all, cut);

        assertThat(awareError).isLessThan(0.5 * plainError);
    }

    @Test
    void aKindNeverSeenBeforeHasNoEffect() {
        List<Event> events = new ArrayList<>(matches(30));
        Instant later = START.plus(Duration.ofDays(40));
        events.add(new Event("launch", later, later.plus(Duration.ofHours(1))));
        EventEffects effects = EventEffects.learn(load(30, matches(30), 3), EventCalendar.of(events));

        assertThat(effects.profiles()).containsOnlyKeys("match");
        assertThat(effects.factorAt(later.plus(Duration.ofMinutes(30)))).isEqualTo(1.0);
        assertThat(effects.ignoredOccurrences()).isEqualTo(1);
    }

    @Test
    void anOccurrenceBeforeTheDataTeachesNothingAndIsCounted() {
        List<Event> events = new ArrayList<>(matches(30));
        Instant before = START.minus(Duration.ofDays(400));
        events.add(new Event("match99", before, before.plus(Duration.ofHours(2))));
        EventEffects withOld = EventEffects.learn(load(30, matches(30), 4), EventCalendar.of(events));
        EventEffects without = EventEffects.learn(load(30, matches(30), 4), EventCalendar.of(matches(30)));

        assertThat(withOld.ignoredOccurrences()).isEqualTo(1);
        assertThat(withOld.profiles().get("match").occurrences())
                .isEqualTo(matches(30).size());
        assertThat(withOld.profiles().get("match").factors())
                .containsExactly(without.profiles().get("match").factors());
        assertThat(EventCalendar.of(events).countOutside(START, START.plus(Duration.ofDays(30))))
                .isEqualTo(1);
    }

    @Test
    void withAnEmptyCalendarItIsTheWrappedForecaster() {
        Forecaster plain = Forecasters.byName("naive", ForecastOptions.defaults());
        assertThat(EventAwareForecaster.wrap(plain, EventCalendar.empty())).isSameAs(plain);
    }

    @Test
    void kindIsTheNameWithoutATrailingNumber() {
        assertThat(Event.kindOf("match12")).isEqualTo("match");
        assertThat(Event.kindOf("match-12")).isEqualTo("match");
        assertThat(Event.kindOf("Black Friday")).isEqualTo("Black Friday");
        assertThat(Event.kindOf("2024")).isEqualTo("2024");
    }

    @Test
    void overlappingOccurrencesOfOneKindAreMergedAndCounted() {
        Instant t = START;
        EventCalendar calendar = EventCalendar.of(List.of(
                new Event("sale1", t, t.plus(Duration.ofHours(2))),
                new Event("sale2", t.plus(Duration.ofHours(1)), t.plus(Duration.ofHours(3))),
                new Event("match1", t.plus(Duration.ofHours(1)), t.plus(Duration.ofHours(2)))));

        assertThat(calendar.mergedOverlaps()).isEqualTo(1);
        assertThat(calendar.occurrences("sale"))
                .singleElement()
                .satisfies(e -> assertThat(e.end()).isEqualTo(t.plus(Duration.ofHours(3))));
        assertThat(calendar.kinds()).containsExactly("match", "sale");
    }

    private static double absoluteError(QuantileForecast forecast, TimeSeries actual, int from) {
        double sum = 0;
        for (int h = 0; h < forecast.horizon(); h++) {
            sum += Math.abs(forecast.value(h, 1) - actual.valueAt(from + h));
        }
        return sum;
    }
}
