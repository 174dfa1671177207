package io.prescale.nomad.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.prescale.core.series.ShippedTrace;
import io.prescale.core.store.prometheus.PrometheusConfig;
import io.prescale.core.store.prometheus.PrometheusSource;
import io.prescale.core.testing.RealPrometheus;
import io.prescale.nomad.client.NomadClient;
import io.prescale.nomad.client.NomadConfig;
import io.prescale.nomad.fake.FakeNomad;
import io.prescale.nomad.fake.ManualClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the shipped NYC taxi trace (30-minute passenger counts, read as UTC) backfilled into the real
 * Debian Prometheus, the fake Nomad, and the actuator stepping {@code now} through one day. The
 * forecast-and-scale group is scaled out before the day's peak and in after it, always within its bounds; the
 * forecast-only group is never changed.
 */
class EndToEndPrometheusTest {
    static final String METRIC = "taxi_passengers";
    static final Duration STEP = Duration.ofMinutes(30);
    static final Instant DATA_FROM = Instant.parse("2014-11-01T00:00:00Z");
    static final Instant DATA_TO = Instant.parse("2014-11-15T00:00:00Z");
    static final Instant DAY = Instant.parse("2014-11-12T00:00:00Z");
    static final int MIN = 2;
    static final int MAX = 12;

    @TempDir
    static Path work;

    static RealPrometheus prometheus;
    static TreeMap<Instant, Double> rows = new TreeMap<>();

    @BeforeAll
    static void backfillAndStart() throws Exception {
        RealPrometheus.requireInstalled();
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(ShippedTrace.NYC_TAXI.open(), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                Instant t = LocalDateTime.parse(f[0].replace(' ', 'T')).toInstant(ZoneOffset.UTC);
                if (!t.isBefore(DATA_FROM) && t.isBefore(DATA_TO)) {
                    rows.put(t, Double.parseDouble(f[1]));
                }
            }
        }
        Path om = work.resolve("taxi.om.txt");
        try (Writer out = Files.newBufferedWriter(om, StandardCharsets.UTF_8)) {
            out.write("# TYPE " + METRIC + " gauge\n");
            for (Map.Entry<Instant, Double> r : rows.entrySet()) {
                out.write(METRIC + " " + r.getValue() + " " + r.getKey().getEpochSecond() + "\n");
            }
            out.write("# EOF\n");
        }
        Path data = work.resolve("data");
        RealPrometheus.backfill(om, data, work);
        prometheus = RealPrometheus.start(work, data);
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    static String job(String id, String mode) {
        return """
                {"ID":"%s","Type":"service","TaskGroups":[{"Name":"web","Count":4,
                  "Meta":{"prescale.enabled":"true","prescale.query":"%s","prescale.lead":"1h",
                          "prescale.cooldown":"30m","prescale.mode":"%s","prescale.capacity":"2500"},
                  "Scaling":{"Min":%d,"Max":%d,"Enabled":true},
                  "Tasks":[{"Name":"server","Driver":"docker","Resources":{"CPU":200,"MemoryMB":128}}]}]}""".formatted(id, METRIC, mode, MIN, MAX);
    }

    @Test
    void scalesOutBeforeTheDailyPeakAndInAfterItWithinBoundsAndForecastOnlyChangesNothing() throws Exception {
        ManualClock clock = new ManualClock(DAY);
        try (FakeNomad nomad = FakeNomad.start(clock);
                NomadClient client =
                        NomadClient.create(NomadConfig.builder(nomad.address()).build())) {
            nomad.putJob(ActuatorLoopTest.M.readTree(job("taxi", "forecast-and-scale")));
            nomad.putJob(ActuatorLoopTest.M.readTree(job("taxi-dry", "forecast-only")));
            PrometheusSource source = PrometheusSource.open(
                    PrometheusConfig.builder(prometheus.baseUrl()).build());
            Actuator actuator = Actuator.builder()
                    .jobs(new NomadDiscovery(client, "*", 0))
                    .loads(LoadSource.of(source, null))
                    .client(client)
                    .clock(clock)
                    .log(DecisionLog.to(l -> {}))
                    .options(ActuatorOptions.defaults().withStep(STEP))
                    .build();
            List<Instant> times = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            List<String> actions = new ArrayList<>();
            for (Instant now = DAY; !now.isAfter(DAY.plus(Duration.ofDays(1))); now = now.plus(STEP)) {
                clock.set(now);
                CycleReport report = actuator.runCycle();
                assertThat(report.discoveryError()).isNull();
                GroupResult live = report.groups().stream()
                        .filter(g -> g.ref().job().equals("taxi"))
                        .findFirst()
                        .orElseThrow();
                assertThat(live.status()).as("%s at %s", live.reason(), now).isIn("ok", "hold");
                if (live.applied() != null) {
                    actions.add(now + " " + live.decision().action() + " "
                            + live.decision().targetCount());
                }
                times.add(now);
                counts.add(nomad.count("default", "taxi", "web"));
            }
            actuator.close();

            Instant peak = rows.subMap(DAY, DAY.plus(Duration.ofDays(1))).entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey();
            double peakLoad = rows.get(peak);
            int atPeak = counts.get(times.indexOf(peak));
            int needAtPeak = (int) Math.min(MAX, Math.ceil(peakLoad / 2500));
            assertThat(atPeak)
                    .as("count at the peak %s (load %s), actions %s", peak, peakLoad, actions)
                    .isGreaterThanOrEqualTo(needAtPeak - 1);
            Instant firstOut = actions.stream()
                    .filter(a -> a.contains("SCALE_OUT"))
                    .map(a -> Instant.parse(a.split(" ")[0]))
                    .findFirst()
                    .orElseThrow();
            assertThat(firstOut).as("scaled out before the peak").isBefore(peak);
            assertThat(actions)
                    .as("scaled in after the peak")
                    .anyMatch(a -> a.contains("SCALE_IN")
                            && Instant.parse(a.split(" ")[0]).isAfter(peak));
            assertThat(counts).allMatch(c -> c >= MIN && c <= MAX);
            assertThat(nomad.acceptedScales()).allMatch(s -> {
                int c = Integer.parseInt(s.substring(s.indexOf('=') + 1));
                return c >= MIN && c <= MAX;
            });
            assertThat(nomad.acceptedScales()).noneMatch(s -> s.contains("taxi-dry"));
            assertThat(nomad.count("default", "taxi-dry", "web")).isEqualTo(4);
        }
    }
}
