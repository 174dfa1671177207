package io.prescale.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.forecast.Event;
import io.prescale.core.forecast.EventEffects;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScheduledEventTraceTest {
    @Test
    void theSameSeedGivesTheSameTraceAndCalendar() {
        ScheduledEventTrace a = ScheduledEventTrace.generate(14, 7);
        ScheduledEventTrace b = ScheduledEventTrace.generate(14, 7);

        assertThat(a.demand().values()).containsExactly(b.demand().values());
        assertThat(a.calendar().events()).isEqualTo(b.calendar().events());
        assertThat(a.demand().size()).isEqualTo(14 * 1440);
        assertThat(a.demand().step()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void matchesLastOneHundredAndFiveMinutesApartByAtLeastHalfAnHour() {
        var events = ScheduledEventTrace.generate(28, 42).calendar().events();

        assertThat(events).hasSizeGreaterThan(20).allSatisfy(e -> {
            assertThat(Duration.between(e.start(), e.end())).isEqualTo(Duration.ofMinutes(105));
            assertThat(e.kind()).isEqualTo("match");
        });
        for (int i = 1; i < events.size(); i++) {
            Event previous = events.get(i - 1);
            assertThat(Duration.between(previous.end(), events.get(i).start()))
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(30));
        }
    }

    @Test
    void theLearnedEffectOfAMatchLiesInTheGeneratedRange() {
        ScheduledEventTrace trace = ScheduledEventTrace.generate(28, 42);
        EventEffects effects = EventEffects.learn(trace.demand(), trace.calendar());

        assertThat(effects.profiles().get("match").peakFactor()).isBetween(1.5, 2.0);
        Event event = trace.calendar().events().get(10);
        assertThat(effects.factorAt(event.start().plus(Duration.ofMinutes(50)))).isBetween(1.4, 2.0);
        var earlyMorning =
                event.start().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofHours(4));
        assertThat(effects.factorAt(earlyMorning)).isEqualTo(1.0);
    }

    @Test
    void refusesLessThanOneDay() {
        assertThatThrownBy(() -> ScheduledEventTrace.generate(0, 1)).hasMessageContaining("days must be ≥ 1, got 0");
    }
}
