package io.prescale.cli.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.Json;
import io.prescale.cli.loadtest.LoadTestJson;
import io.prescale.core.series.LoadProfile;
import io.prescale.core.series.TimeSeries;
import io.prescale.loadtest.Arrivals;
import io.prescale.loadtest.LoadGenerator;
import io.prescale.loadtest.LoadTestOptions;
import io.prescale.loadtest.LoadTestResult;
import io.prescale.loadtest.ProfileShaping;
import io.prescale.loadtest.Target;
import io.prescale.loadtest.reference.ReferenceConfig;
import io.prescale.loadtest.reference.ReferenceService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage "loadtest": replays the morning of 1 Aug 1995 from the shipped NASA HTTP trace, compressed to seconds and
 * scaled to a modest peak, against two configurations of the reference service on 127.0.0.1: one instance, and
 * the same knobs on two instances (round-robin). Reports both.
 */
final class LoadTestStage implements DemoStage {
    private static final double PEAK_RPS = 400;

    /** The load tests run, by configuration name ({@code 1-instance}, {@code 2-instances}), in run order. */
    record LoadTests(Map<String, LoadTestResult> results) {
        LoadTests {
            results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
        }
    }

    @Override
    public String name() {
        return "loadtest";
    }

    @Override
    public ObjectNode run(DemoContext context) throws Exception {
        // quick: 06:00–14:00 (480 one-minute steps) in 4.5 s; full: 00:00–14:00 in 21 s.
        int fromMinute = context.quick() ? 6 * 60 : 0;
        int toMinute = 14 * 60;
        double seconds = context.quick() ? 4.5 : 21;
        LoadProfile slice = LoadProfile.fromSeries(
                perMinute(context.history("nasa_http_aug95"), fromMinute, toMinute),
                LoadProfile.Unit.COUNT,
                Map.of("source", "nasa_http_aug95", "slice", fromMinute + ".." + toMinute + " min of 1995-08-01"));
        double compress = (toMinute - fromMinute) * 60 / seconds;
        LoadProfile profile = ProfileShaping.scale(
                ProfileShaping.compress(slice, compress), ProfileShaping.scaleForPeak(slice, PEAK_RPS));
        ReferenceConfig knobs = ReferenceConfig.defaults().withCapacity(1, 4, 16, 1);
        ObjectNode summary = Json.object();
        summary.put("trace", "nasa_http_aug95");
        summary.put("compress", compress);
        summary.put("peakRps", PEAK_RPS);
        summary.put("expectedRequests", Math.round(profile.expectedRequests()));
        ObjectNode configs = summary.putObject("configurations");
        Map<String, LoadTestResult> results = new LinkedHashMap<>();
        Path out = Files.createDirectories(context.outDir().resolve("loadtest"));
        for (int instances = 1; instances <= 2; instances++) {
            String name = instances + (instances == 1 ? "-instance" : "-instances");
            context.progress("loadtest: " + name + " of (1 core, 4 threads, queue 16, 1 MiB cache), NASA trace x"
                    + Math.round(compress) + " to a peak of " + PEAK_RPS + " requests/s");
            LoadTestResult result = replay(profile, knobs, instances, context.seed());
            Files.writeString(out.resolve(name + ".json"), Json.MAPPER.writeValueAsString(LoadTestJson.fields(result)));
            results.put(name, result);
            configs.set(name, brief(result, instances));
        }
        context.put(new LoadTests(results));
        return summary;
    }

    private static LoadTestResult replay(LoadProfile profile, ReferenceConfig knobs, int instances, long seed)
            throws IOException {
        List<ReferenceService> services = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                services.add(ReferenceService.start(knobs));
            }
            List<Target> targets =
                    services.stream().map(s -> Target.parse(s.url() + "item")).toList();
            LoadTestOptions options = LoadTestOptions.defaults(targets)
                    .withTimeout(Duration.ofSeconds(2))
                    .withWarmup(Duration.ofMillis(500))
                    .withArrivals(Arrivals.POISSON, seed);
            return LoadGenerator.create(options, line -> {}).run(profile);
        } finally {
            services.forEach(ReferenceService::close);
        }
    }

    private static ObjectNode brief(LoadTestResult result, int instances) {
        ObjectNode node = Json.object();
        node.put("instances", instances);
        node.put("cpus", 1);
        node.put("threads", 4);
        node.put("queue", 16);
        node.put("cacheMb", 1);
        ObjectNode fields = LoadTestJson.fields(result);
        for (String field : List.of("requests", "intendedRps", "achievedRps", "lateShare", "errors", "latencyMs")) {
            node.set(field, fields.get(field));
        }
        return node;
    }

    /** Minutes {@code [from, to)} of the stored per-minute NASA trace. */
    static TimeSeries perMinute(TimeSeries series, int from, int to) {
        if (series.size() < to) {
            throw new IllegalArgumentException(
                    "nasa_http_aug95 has " + series.size() + " minutes; expected at least " + to);
        }
        return series.slice(from, to);
    }
}
