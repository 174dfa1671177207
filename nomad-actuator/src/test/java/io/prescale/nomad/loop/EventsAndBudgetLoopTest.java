package io.prescale.nomad.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prescale.core.scale.RiskBudget;
import io.prescale.core.series.TimeSeries;
import io.prescale.nomad.client.NomadClient;
import io.prescale.nomad.client.NomadConfig;
import io.prescale.nomad.client.RetryPolicy;
import io.prescale.nomad.events.VariableCalendarSource;
import io.prescale.nomad.fake.FakeNomad;
import io.prescale.nomad.fake.Fault;
import io.prescale.nomad.fake.ManualClock;
import io.prescale.nomad.metrics.ErrorKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loop with a calendar of scheduled events kept in a Nomad Variable, a risk budget instead of a fixed quantile,
 * and per-group evaluation intervals, against the fake Nomad.
 */
class EventsAndBudgetLoopTest {
    static final Instant NOW = Instant.parse("2026-11-20T10:30:00Z");
    /**
     * Past matches at other times of day (the load doubles during each, so no daily profile holds them) and one
     * ahead, 11:00–13:00 today.
     */
    static final String CALENDAR = """
            name,start,end
            match1,2026-11-17T17:00:00Z,2026-11-17T19:00:00Z
            match2,2026-11-19T03:00:00Z,2026-11-19T05:00:00Z
            match3,2026-11-20T11:00:00Z,2026-11-20T13:00:00Z
            """;

    ManualClock clock = new ManualClock(NOW);
    FakeNomad nomad;
    NomadClient client;

    @BeforeEach
    void start() {
        nomad = FakeNomad.start(clock);
        client = NomadClient.create(NomadConfig.builder(nomad.address())
                .readTimeout(Duration.ofMillis(500))
                .retry(RetryPolicy.none())
                .build());
    }

    @AfterEach
    void stop() {
        client.close();
        nomad.close();
    }

    /** {@link DailyLoad} doubled during the past matches of {@link #CALENDAR}. */
    static final class MatchLoad implements LoadSource {
        @Override
        public TimeSeries read(String query, Instant start, Instant end, Duration step) {
            TimeSeries base = new DailyLoad().read(query, start, end, step);
            double[] v = base.values();
            for (int i = 0; i < v.length; i++) {
                Instant t = base.timeAt(i);
                for (String match : List.of("2026-11-17T17:00:00Z", "2026-11-19T03:00:00Z")) {
                    Instant from = Instant.parse(match);
                    if (!t.isBefore(from) && t.isBefore(from.plus(Duration.ofHours(2)))) {
                        v[i] *= 2;
                    }
                }
            }
            return TimeSeries.of(start, step, v);
        }
    }

    Actuator actuator(LoadSource loads) {
        return Actuator.builder()
                .jobs(new NomadDiscovery(client, "*", 0))
                .loads(loads)
                .client(client)
                .clock(clock)
                .calendars(new VariableCalendarSource(client, null, "prescale/events"))
                .options(ActuatorOptions.defaults().withHistory(Duration.ofDays(4)))
                .log(DecisionLog.to(l -> {}))
                .build();
    }

    void putCalendar(String text) {
        client.writeVariable(null, "prescale/events", Map.of("events", text), null, null);
    }

    static JsonNode job(String id, String extraMeta) throws Exception {
        return ActuatorLoopTest.job(id, "forecast-only", 5, extraMeta);
    }

    @Test
    void aGroupThatNamesTheEventKindForecastsTheMatchAheadAndOneThatDoesNotIgnoresIt() throws Exception {
        putCalendar(CALENDAR);
        nomad.putJob(job("fans", ",\"prescale.events\":\"match\""));
        nomad.putJob(job("plain", ""));
        try (Actuator actuator = actuator(new MatchLoad())) {
            CycleReport report = actuator.runCycle();
            GroupResult fans = report.groups().get(0);
            GroupResult plain = report.groups().get(1);
            assertThat(fans.ref().job()).isEqualTo("fans");
            assertThat(fans.numbers().get("eventsAhead")).isEqualTo(1.0);
            assertThat(fans.decision().reason()).contains("1 event of match within lead + cooldown");
            assertThat(plain.numbers()).doesNotContainKey("eventsAhead");
            assertThat(fans.numbers().get("forecastPeak"))
                    .as(fans.reason() + " | " + plain.reason())
                    .isGreaterThan(1.3 * plain.numbers().get("forecastPeak"));
            assertThat(report.calendar().source()).isEqualTo("var:prescale/events");
            assertThat(report.calendar().events()).isEqualTo(3);
            assertThat(report.calendar().kinds()).containsExactly("match");
        }
    }

    @Test
    void theWatchedVariableIsReparsedWhenItChangesAndABadEditKeepsTheLastGoodCalendar() throws Exception {
        nomad.putJob(job("fans", ",\"prescale.events\":\"*\""));
        try (Actuator actuator = actuator(new MatchLoad())) {
            CycleReport none = actuator.runCycle();
            assertThat(none.calendar().events()).isZero();
            assertThat(none.calendar().error()).isNull();

            putCalendar(CALENDAR);
            clock.advance(Duration.ofMinutes(1));
            CycleReport first = actuator.runCycle();
            assertThat(first.calendar().events()).isEqualTo(3);
            assertThat(first.calendar().version()).isGreaterThan(none.calendar().version());
            assertThat(first.groups().get(0).numbers().get("eventsAhead")).isEqualTo(1.0);

            putCalendar(CALENDAR + "match4,tomorrow,later\n");
            clock.advance(Duration.ofMinutes(1));
            CycleReport bad = actuator.runCycle();
            assertThat(bad.calendar().error()).contains("events variable prescale/events item events line 5");
            assertThat(bad.calendar().events()).isEqualTo(3);
            assertThat(bad.calendar().version()).isEqualTo(first.calendar().version());
            assertThat(bad.errors()).containsEntry("events_error", 1);
            assertThat(actuator.metrics().errors(ErrorKind.EVENTS_ERROR)).isEqualTo(1);

            nomad.inject(Fault.status("GET", "/v1/var/", 500, "rpc error: No cluster leader", 1));
            clock.advance(Duration.ofMinutes(1));
            CycleReport down = actuator.runCycle();
            assertThat(down.calendar().error()).contains("500");
            assertThat(down.groups().get(0).numbers().get("eventsAhead")).isEqualTo(1.0);
        }
    }

    @Test
    void aRiskBudgetChoosesTheQuantileAndEachDecisionReportsIt() throws Exception {
        nomad.putJob(job("budget", ",\"prescale.max-unserved\":\"0.02\""));
        try (Actuator actuator = actuator(new DailyLoad())) {
            GroupResult g = actuator.runCycle().groups().get(0);
            double q = g.numbers().get("quantile");
            assertThat(Arrays.stream(RiskBudget.of(0.02, 2).candidates()).anyMatch(c -> Math.abs(c - q) < 1e-9))
                    .isTrue();
            assertThat(g.numbers()).containsEntry("maxUnserved", 0.02);
            assertThat(g.numbers().get("budgetUnserved")).isLessThanOrEqualTo(0.02);
            assertThat(g.decision().reason())
                    .contains("is the lowest quantile whose replay keeps unserved load within 0.02");
            assertThat(g.forecastPeaks()).containsKey(q);
        }
    }

    @Test
    void aGroupWithItsOwnIntervalIsEvaluatedOnlyWhenItIsDue() throws Exception {
        nomad.putJob(job("slow", ",\"prescale.interval\":\"30m\""));
        nomad.putJob(job("fast", ""));
        try (Actuator actuator = actuator(new DailyLoad())) {
            CycleReport first = actuator.runCycle();
            clock.advance(Duration.ofMinutes(10));
            CycleReport second = actuator.runCycle();
            assertThat(second.groups().get(1).ref().job()).isEqualTo("slow");
            assertThat(second.groups().get(1).evaluatedAt()).isEqualTo(NOW);
            assertThat(second.groups().get(0).evaluatedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
            clock.advance(Duration.ofMinutes(20));
            CycleReport third = actuator.runCycle();
            assertThat(third.groups().get(1).evaluatedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
            assertThat(actuator.metrics().decisions("hold", "forecast-only")
                            + actuator.metrics().decisions("scale_out", "forecast-only")
                            + actuator.metrics().decisions("scale_in", "forecast-only"))
                    .isEqualTo(5);
            assertThat(first.groups()).hasSize(2);
        }
    }
}
