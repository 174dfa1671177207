package io.prescale.cli.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.input.PrometheusOptions;
import io.prescale.cli.input.PrometheusSources;
import io.prescale.cli.input.StoreOption;
import io.prescale.collect.CollectConfig;
import io.prescale.collect.CollectConfigFile;
import io.prescale.collect.CollectReport;
import io.prescale.collect.Collector;
import io.prescale.collect.ConfigValues;
import io.prescale.collect.PullRule;
import io.prescale.collect.PushRule;
import io.prescale.collect.Selector;
import io.prescale.core.series.LoadProfile;
import io.prescale.core.store.QuestDbStore;
import io.prescale.core.store.prometheus.PrometheusSource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code prescale collect --store DIR [--config FILE] [--remote-write-listen HOST:PORT] [--select NAME=SELECTOR]…
 * [--pull URL --query NAME=PROMQL… --every D] [--backfill D] [--for D]}: keeps the store's series current from
 * Prometheus until stopped (SIGTERM) or for {@code --for}, then prints what it received and stored per series.
 * The rules come from the {@code collect} section of the one config file ({@code --config}, inherited by every
 * command, or {@code $PRESCALE_CONFIG}); flags override it ({@code --select} and {@code --query} add rules). A selector or query that does not
 * parse, or that Prometheus rejects at start, is bad input naming it.
 */
@Command(
        name = "collect",
        description = "Keep the store current from Prometheus: remote-write receiver and/or"
                + " incremental pull, with rollups and retention.")
public final class CollectCommand extends LeafCommand {
    @Mixin
    StoreOption store;

    @Option(
            names = "--remote-write-listen",
            paramLabel = "HOST:PORT",
            description = "Serve POST /api/v1/write, /metrics and /health here (e.g. 127.0.0.1:9091).")
    String listen;

    @Option(
            names = "--select",
            paramLabel = "NAME=SELECTOR",
            description = "Store the remote-written series SELECTOR (one series) as NAME; repeatable.")
    List<String> selects = new ArrayList<>();

    @Option(
            names = "--pull",
            paramLabel = "URL",
            descriptionKey = "collect.pull-url",
            description = "Prometheus to pull from, e.g. http://127.0.0.1:9090.")
    String pull;

    @Option(
            names = "--query",
            paramLabel = "NAME=PROMQL",
            description = "Pull the PromQL query (one series) into NAME; repeatable.")
    List<String> queries = new ArrayList<>();

    @Option(names = "--every", paramLabel = "DURATION", description = "Interval between pulls (default: 1m).")
    Duration every;

    @Option(
            names = "--step",
            paramLabel = "DURATION",
            description = "Step of flag-given series: scrape/rule interval for --select (default 15s), query step"
                    + " for --query (default 1m).")
    Duration step;

    @Option(names = "--unit", paramLabel = "count|rate", description = "Unit of flag-given series (default: rate).")
    String unit;

    @Option(
            names = "--backfill",
            paramLabel = "DURATION",
            description = "On start, also pull this far back (stored samples are skipped).")
    Duration backfill;

    @Option(names = "--raw-retention", paramLabel = "DURATION", description = "Keep raw samples (default: 35d).")
    Duration rawRetention;

    @Option(
            names = "--rollup-retention",
            paramLabel = "DURATION",
            description = "Keep 5-minute rollups (default: 730d).")
    Duration rollupRetention;

    @Option(names = "--for", paramLabel = "DURATION", description = "Stop after this long (default: until SIGTERM).")
    Duration runFor;

    @Mixin
    PrometheusOptions prometheus;

    private static final long PRINT_GRACE_MS = 2_000;
    private final CountDownLatch reported = new CountDownLatch(1);

    @Override
    protected Result execute() throws Exception {
        CollectConfig settings = settings();
        if (runFor != null && (runFor.isZero() || runFor.isNegative())) {
            throw new BadInputException("--for", runFor.toString(), "--for must be positive, got " + runFor);
        }
        Path dir = store.directory();
        PrometheusSource source = settings.prometheus() == null
                ? null
                : PrometheusSources.open(settings.prometheus().toString(), prometheus, output.env());
        Clock clock = Clock.systemUTC();
        if (source != null) {
            List<String> rejected = Collector.checkQueries(source, settings.pull(), clock.instant());
            if (!rejected.isEmpty()) {
                throw new BadInputException("--query", null, String.join("; ", rejected));
            }
        }
        CollectReport report;
        String address = null;
        try (QuestDbStore questDb = StoreOption.open(dir)) {
            Collector collector;
            try {
                collector = Collector.start(settings, questDb, source, clock);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--remote-write-listen", listen, e.getMessage(), e);
            }
            if (collector.address() != null) {
                address = collector.address().getHostString() + ":"
                        + collector.address().getPort();
            }
            try {
                progress("collecting into " + dir
                        + (collector.address() == null
                                ? ""
                                : "; remote write, /metrics and /health on http://"
                                        + collector.address().getHostString() + ":"
                                        + collector.address().getPort())
                        + (runFor == null ? " until stopped" : " for " + runFor));
                await();
                report = collector.report();
            } finally {
                collector.close();
            }
        } finally {
            reported.countDown();
        }
        ObjectNode fields = CollectJson.report(report);
        fields.put("store", dir.toString());
        fields.put("listen", address);
        return new Result(fields, summary(report));
    }

    /**
     * Sleeps for {@code --for}, or until the JVM is asked to stop (SIGTERM, Ctrl-C). The shutdown hook then waits
     * for the report to be taken and gives this thread up to {@value #PRINT_GRACE_MS} ms to print it (the hook
     * cannot see the print itself: the caller's {@code System.exit} blocks during a shutdown).
     */
    private void await() throws InterruptedException {
        if (runFor != null) {
            Thread.sleep(runFor.toMillis());
            return;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Thread main = Thread.currentThread();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stop.countDown();
                            try {
                                reported.await(30, TimeUnit.SECONDS);
                                main.join(PRINT_GRACE_MS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "prescale-collect-stop"));
        stop.await();
    }

    /** Defaults < the {@code collect} section of the config file < flags. */
    private CollectConfig settings() {
        CollectConfig base = CollectConfig.defaults();
        Path config = configFile();
        if (config != null) {
            if (!Files.isRegularFile(config)) {
                throw new BadInputException("--config", config.toString(), "config file " + config + " does not exist");
            }
            try {
                base = CollectConfigFile.read(config, base);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--config", config.toString(), e.getMessage(), e);
            }
        }
        try {
            if (listen != null) {
                base = base.withListen(ConfigValues.listen(listen));
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--remote-write-listen", listen, e.getMessage(), e);
        }
        LoadProfile.Unit flagUnit = unit == null ? LoadProfile.Unit.RATE : parseUnit();
        List<PushRule> push = new ArrayList<>(base.push());
        for (String select : selects) {
            try {
                String[] pair = ConfigValues.pair(select, "SELECTOR");
                push.add(new PushRule(
                        pair[0], Selector.parse(pair[1]), step == null ? Duration.ofSeconds(15) : step, flagUnit));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--select", select, e.getMessage(), e);
            }
        }
        List<PullRule> pullRules = new ArrayList<>(base.pull());
        for (String query : queries) {
            try {
                String[] pair = ConfigValues.pair(query, "PROMQL");
                pullRules.add(new PullRule(pair[0], pair[1], step == null ? Duration.ofMinutes(1) : step, flagUnit));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--query", query, e.getMessage(), e);
            }
        }
        base = base.withPush(push).withPull(pullRules);
        base = flags(base);
        List<String> problems = base.problems();
        if (!problems.isEmpty()) {
            String first = problems.get(0);
            String option = first.contains("--pull")
                    ? "--pull"
                    : first.contains("--remote-write-listen")
                            ? "--remote-write-listen"
                            : first.contains("used twice") ? "--select" : "--query";
            throw new BadInputException(option, null, String.join("; ", problems));
        }
        return base;
    }

    /** The inherited {@code --config FILE}, else {@code $PRESCALE_CONFIG}, else null. */
    private Path configFile() {
        picocli.CommandLine.Model.OptionSpec option = spec.findOption("--config");
        Object value = option == null ? null : option.getValue();
        if (value instanceof Path path) {
            return path;
        }
        String fromEnv = output.env().get("PRESCALE_CONFIG");
        return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
    }

    private CollectConfig flags(CollectConfig base) {
        String option = "--pull";
        try {
            if (pull != null) {
                base = base.withPrometheus(URI.create(pull.startsWith("prometheus:") ? pull.substring(11) : pull));
            }
            option = "--every";
            if (every != null) {
                base = base.withEvery(every);
            }
            option = "--backfill";
            if (backfill != null) {
                base = base.withBackfill(backfill);
            }
            option = "--raw-retention";
            if (rawRetention != null) {
                base = base.withRetention(base.retention().withRaw(rawRetention));
            }
            option = "--rollup-retention";
            if (rollupRetention != null) {
                base = base.withRetention(base.retention().withRollups(rollupRetention));
            }
            return base;
        } catch (IllegalArgumentException e) {
            String value = switch (option) {
                case "--pull" -> pull;
                case "--every" -> String.valueOf(every);
                case "--backfill" -> String.valueOf(backfill);
                case "--raw-retention" -> String.valueOf(rawRetention);
                default -> String.valueOf(rollupRetention);
            };
            throw new BadInputException(option, value, e.getMessage(), e);
        }
    }

    private LoadProfile.Unit parseUnit() {
        try {
            return LoadProfile.Unit.parse(unit);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--unit", unit, e.getMessage(), e);
        }
    }

    private static String summary(CollectReport report) {
        StringBuilder text = new StringBuilder("collected for "
                + Duration.between(report.started(), report.at()).toSeconds() + " s:");
        report.series()
                .forEach(s -> text.append(String.format(
                        "%n  %-28s %-4s received %d, stored %d, duplicates %d," + " gaps %d%s",
                        s.name(),
                        s.mode(),
                        s.received(),
                        s.stored(),
                        s.duplicates(),
                        s.gaps(),
                        s.lastError() == null ? "" : " (last error: " + s.lastError() + ")")));
        return text.toString();
    }
}
