package io.prescale.cli.actuator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.Json;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.input.GrafanaAccess;
import io.prescale.cli.input.PrometheusOptions;
import io.prescale.cli.input.PrometheusSources;
import io.prescale.core.forecast.ForecastOptions;
import io.prescale.core.forecast.Forecaster;
import io.prescale.core.forecast.Forecasters;
import io.prescale.core.scale.SeasonalQuantileForecaster;
import io.prescale.core.store.MetricSource;
import io.prescale.core.store.QuestDbStore;
import io.prescale.grafana.client.GrafanaClient;
import io.prescale.grafana.client.GrafanaClientOptions;
import io.prescale.nomad.ActuatorService;
import io.prescale.nomad.annotations.Mode;
import io.prescale.nomad.api.ActuatorApi;
import io.prescale.nomad.api.ApiToken;
import io.prescale.nomad.client.NomadClient;
import io.prescale.nomad.events.CalendarSource;
import io.prescale.nomad.events.FileCalendarSource;
import io.prescale.nomad.events.VariableCalendarSource;
import io.prescale.nomad.ha.Leadership;
import io.prescale.nomad.ha.PolicyStore;
import io.prescale.nomad.ha.StateStore;
import io.prescale.nomad.ha.VariablesPolicyStore;
import io.prescale.nomad.ha.VariablesStateStore;
import io.prescale.nomad.loop.Actuator;
import io.prescale.nomad.loop.ActuatorOptions;
import io.prescale.nomad.loop.CycleReport;
import io.prescale.nomad.loop.DecisionListener;
import io.prescale.nomad.loop.GroupResult;
import io.prescale.nomad.loop.JobSource;
import io.prescale.nomad.loop.LoadSource;
import io.prescale.nomad.loop.NomadDiscovery;
import io.prescale.nomad.loop.StaticJobs;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code prescale actuator run}: with {@code --once}, one evaluation cycle printed as one document (exit 1 when Nomad
 * or the load source cannot be reached, naming the endpoint); without, the service: a cycle every
 * {@code --interval}, the API and {@code /metrics} on {@code --listen}, HA through the Nomad Variables lock.
 * {@code --jobs-file} replaces discovery with a file (always a forecast-only dry run). With {@code --grafana-url},
 * each decision that changes a group is also sent to Grafana as an annotation (the token from
 * {@code --grafana-token-file} or {@code GRAFANA_TOKEN}); a Grafana that fails is logged and counted, never fatal.
 */
@Command(name = "run", description = "Run the actuator: one cycle (--once) or the service with its API.")
public final class ActuatorRunCommand extends LeafCommand {
    @Mixin
    NomadOptions nomad;

    @Option(
            names = "--namespace",
            paramLabel = "NS",
            defaultValue = "*",
            description = "Namespace to discover jobs in; * for all (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = "--prometheus", paramLabel = "URL", description = "Prometheus-compatible API for PromQL queries.")
    String prometheus;

    @Mixin
    PrometheusOptions prometheusOptions;

    @Option(names = "--store", paramLabel = "DIR", description = "Embedded store for store:SERIES queries.")
    Path store;

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            defaultValue = "1m",
            description = "Time between cycles (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(
            names = "--mode",
            paramLabel = "M",
            defaultValue = "forecast-only",
            description = "Mode of groups without prescale.mode: forecast-and-scale, autoscaler, forecast-only"
                    + " (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--dry-run", description = "Change nothing: every group runs forecast-only.")
    boolean dryRun;

    @Option(
            names = "--listen",
            paramLabel = "HOST:PORT",
            defaultValue = "127.0.0.1:9464",
            description = "Where the API and /metrics listen (default: ${DEFAULT-VALUE}).")
    String listen;

    @Option(names = "--policy-dir", paramLabel = "DIR", description = "Directory of published policies (NAME.json).")
    Path policyDir;

    @Option(
            names = "--api-token-file",
            paramLabel = "FILE",
            description = "File holding the bearer token of PUT/GET /v1/policies (else $PRESCALE_API_TOKEN).")
    Path apiTokenFile;

    @Option(names = "--once", description = "Run exactly one evaluation cycle and print it.")
    boolean once;

    @Option(
            names = "--now",
            paramLabel = "T",
            description = "Evaluate as if the time were T (ISO-8601), reading" + " history only up to T.")
    String now;

    @Option(
            names = "--jobs-file",
            paramLabel = "FILE",
            description =
                    "Jobs as nomad job run -output prints them," + " instead of discovery (a forecast-only dry run).")
    Path jobsFile;

    @Option(
            names = "--step",
            paramLabel = "DURATION",
            defaultValue = "5m",
            description = "Load step (default: ${DEFAULT-VALUE}).")
    Duration step;

    @Option(
            names = "--history",
            paramLabel = "DURATION",
            defaultValue = "8d",
            description = "History read back from now (default: ${DEFAULT-VALUE}).")
    Duration history;

    @Option(
            names = "--forecaster",
            paramLabel = "NAME",
            defaultValue = SeasonalQuantileForecaster.NAME,
            description = "Forecaster (default: ${DEFAULT-VALUE}; or naive, holt-winters, arima, prophet, auto…).")
    String forecaster;

    @Option(
            names = "--events",
            paramLabel = "FILE",
            description = "Calendar of scheduled events (name,start,end[,kind]"
                    + " per line), re-read when it changes; groups use the kinds their prescale.events names.")
    Path eventsFile;

    @Option(
            names = "--events-variable",
            paramLabel = "PATH",
            description = "Nomad Variable holding the calendar"
                    + " (each item a chunk of name,start,end[,kind] lines), watched each cycle, e.g. prescale/events.")
    String eventsVariable;

    @Option(names = "--no-ha", description = "Do not take the prescale/leader lock (a single replica).")
    boolean noHa;

    @Option(
            names = "--grafana-url",
            paramLabel = "URL",
            description = "Send each scaling decision to this Grafana as an annotation on the scaling dashboard.")
    String grafanaUrl;

    @Option(
            names = GrafanaAccess.TOKEN_FILE_OPTION,
            paramLabel = "FILE",
            description = "File holding the Grafana service-account token (default: the GRAFANA_TOKEN environment"
                    + " variable).")
    Path grafanaTokenFile;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            description = "Stop the service after this long (default: run until stopped).")
    Duration duration;

    @Override
    protected Result execute() throws Exception {
        validate();
        Mode defaultMode = parseMode();
        Clock clock = now == null ? Clock.systemUTC() : Clock.fixed(parseNow(), ZoneOffset.UTC);
        ActuatorOptions options = ActuatorOptions.defaults()
                .withMode(defaultMode)
                .withDryRun(dryRun || jobsFile != null)
                .withStep(step)
                .withHistory(history)
                .withForecaster(forecaster(forecaster));
        List<AutoCloseable> closing = new ArrayList<>();
        try {
            GrafanaDecisionAnnotations annotations = grafanaAnnotations(clock);
            if (annotations != null) {
                closing.add(annotations);
            }
            NomadClient client =
                    nomad.given() ? nomad.client("*".equals(namespace) ? null : namespace, output.env()) : null;
            if (client != null) {
                closing.add(client);
            }
            MetricSource promSource =
                    prometheus == null ? null : PrometheusSources.open(prometheus, prometheusOptions, output.env());
            QuestDbStore questDb = store == null ? null : openStore();
            if (questDb != null) {
                closing.add(questDb);
            }
            JobSource jobs = jobsFile != null ? StaticJobs.read(jobsFile) : new NomadDiscovery(client, namespace, 500);
            PolicyStore policies = policyDir != null ? PolicyStore.directory(policyDir) : PolicyStore.inMemory();
            StateStore state = StateStore.inMemory();
            Leadership leadership = Leadership.standalone();
            boolean ha = client != null && jobsFile == null && !once && !noHa;
            if (client != null && jobsFile == null && !once) {
                policies = policyDir == null
                        ? new VariablesPolicyStore(client, null)
                        : PolicyStore.layered(new VariablesPolicyStore(client, null), PolicyStore.directory(policyDir));
                state = new VariablesStateStore(client, null);
            }
            if (ha) {
                StateStore s = state;
                PolicyStore p = policies;
                leadership = Leadership.lock(client, null, hostname(), Duration.ofSeconds(15), clock, leader -> {
                    s.invalidate();
                    p.invalidate();
                });
            }
            CalendarSource calendars = eventsFile != null
                    ? openEvents()
                    : eventsVariable != null
                            ? new VariableCalendarSource(client, null, eventsVariable)
                            : CalendarSource.none();
            Actuator actuator = Actuator.builder()
                    .options(options)
                    .jobs(jobs)
                    .loads(LoadSource.of(promSource, questDb))
                    .calendars(calendars)
                    .client(jobsFile == null ? client : null)
                    .clock(clock)
                    .leadership(leadership)
                    .policies(policies)
                    .state(state)
                    .listener(annotations == null ? DecisionListener.NONE : annotations)
                    .build();
            closing.add(actuator);
            if (once) {
                CycleReport report = actuator.runCycle();
                failIfUnreachable(report);
                ObjectNode document = ActuatorJson.cycle(report);
                if (annotations != null) {
                    annotations.close(); // the decisions of this one cycle reach Grafana before the command ends
                    document.set("grafanaAnnotations", annotationCounts(annotations));
                }
                return Result.of(document);
            }
            return Result.of(serve(actuator, jobs, clock, annotations));
        } finally {
            for (int i = closing.size() - 1; i >= 0; i--) {
                closing.get(i).close();
            }
        }
    }

    /** The Grafana annotation sender when --grafana-url is given, else null. */
    private GrafanaDecisionAnnotations grafanaAnnotations(Clock clock) {
        if (grafanaUrl == null) {
            return null;
        }
        GrafanaClient client = GrafanaClient.create(
                GrafanaAccess.baseUrl("--grafana-url", grafanaUrl),
                GrafanaAccess.token(grafanaTokenFile, output.env()),
                GrafanaClientOptions.defaults().withCallTimeout(Duration.ofSeconds(10)));
        return new GrafanaDecisionAnnotations(client, clock, Duration.ofSeconds(10));
    }

    private static ObjectNode annotationCounts(GrafanaDecisionAnnotations annotations) {
        ObjectNode counts = Json.object();
        counts.put("sent", annotations.sent());
        counts.put("failed", annotations.failed());
        counts.put("dropped", annotations.dropped());
        return counts;
    }

    private ObjectNode serve(Actuator actuator, JobSource jobs, Clock clock, GrafanaDecisionAnnotations annotations)
            throws Exception {
        ApiToken token = apiTokenFile != null
                ? apiToken()
                : ApiToken.fromEnvironment(output.env()).orElse(null);
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "prescale-actuator-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (ActuatorApi api = ActuatorApi.start(address(), actuator, token, clock, interval.multipliedBy(3));
                ActuatorService service =
                        new ActuatorService(actuator, jobs instanceof NomadDiscovery d ? d : null, interval)) {
            progress("prescale actuator: API and /metrics on http://" + listen.replaceFirst(":\\d+$", "") + ":"
                    + api.port() + " (leader lock "
                    + (actuator.leadership().isLeader() ? "not used" : "prescale/leader")
                    + ")");
            service.start();
            if (duration != null) {
                stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                stop.await();
            }
            ObjectNode fields = Json.object();
            fields.put("port", api.port());
            fields.put("cycles", service.cycles());
            fields.put("leader", actuator.leadership().isLeader());
            CycleReport last = actuator.lastReport();
            fields.set("lastCycle", last == null ? null : ActuatorJson.cycle(last));
            if (annotations != null) {
                fields.set("grafanaAnnotations", annotationCounts(annotations));
            }
            return fields;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down
            }
        }
    }

    private void validate() {
        if (jobsFile == null && !nomad.given()) {
            throw new BadInputException("--nomad", null, "give --nomad URL (or --jobs-file FILE for a dry run)");
        }
        if (jobsFile != null && !Files.isRegularFile(jobsFile)) {
            throw new BadInputException(
                    "--jobs-file",
                    jobsFile.toString(),
                    "--jobs-file " + jobsFile + " does not exist (expected the output of nomad job run -output)");
        }
        if (prometheus == null && store == null) {
            throw new BadInputException("--prometheus", null, "give --prometheus URL or --store DIR for the load");
        }
        if (interval.isZero() || interval.isNegative()) {
            throw new BadInputException(
                    "--interval", interval.toString(), "--interval must be positive, got " + interval);
        }
        if (step.isZero() || step.isNegative() || step.toMillis() % 1000 != 0) {
            throw new BadInputException("--step", step.toString(), "--step must be a positive whole number of seconds");
        }
        if (history.compareTo(step.multipliedBy(4)) < 0) {
            throw new BadInputException("--history", history.toString(), "--history must cover at least 4 steps");
        }
        if (eventsFile != null && eventsVariable != null) {
            throw new BadInputException(
                    "--events-variable", eventsVariable, "give --events FILE or --events-variable" + " PATH, not both");
        }
        if (eventsVariable != null && !nomad.given()) {
            throw new BadInputException(
                    "--events-variable",
                    eventsVariable,
                    "--events-variable reads a Nomad Variable:" + " give --nomad URL too (or --events FILE)");
        }
        if (eventsVariable != null && !eventsVariable.matches("[a-zA-Z0-9\\-_~/]{1,128}")) {
            throw new BadInputException(
                    "--events-variable",
                    eventsVariable,
                    "--events-variable must be a Nomad" + " Variable path of [a-zA-Z0-9-_~/], 1–128 characters, got '"
                            + eventsVariable + "'");
        }
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            throw new BadInputException("--duration", duration.toString(), "--duration must be positive");
        }
        if (grafanaTokenFile != null && grafanaUrl == null) {
            throw new BadInputException(
                    GrafanaAccess.TOKEN_FILE_OPTION,
                    grafanaTokenFile.toString(),
                    GrafanaAccess.TOKEN_FILE_OPTION + " needs --grafana-url URL");
        }
        if (!once && jobsFile == null && now != null) {
            throw new BadInputException("--now", now, "--now needs --once (a service runs on the real clock)");
        }
    }

    private Mode parseMode() {
        try {
            return Mode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--mode", mode, "--" + e.getMessage());
        }
    }

    private Instant parseNow() {
        try {
            return Instant.parse(now);
        } catch (DateTimeParseException e) {
            throw new BadInputException(
                    "--now",
                    now,
                    "--now must be an ISO-8601 instant such as" + " 2026-11-30T12:00:00Z, got '" + now + "'");
        }
    }

    static Forecaster forecaster(String name) {
        if (SeasonalQuantileForecaster.NAME.equals(name)) {
            return new SeasonalQuantileForecaster();
        }
        if (!Forecasters.NAMES.contains(name)) {
            throw new BadInputException(
                    "--forecaster",
                    name,
                    "--forecaster '" + name + "' is not known; expected " + SeasonalQuantileForecaster.NAME
                            + " or one of " + String.join(", ", Forecasters.NAMES));
        }
        return Forecasters.byName(name, ForecastOptions.defaults());
    }

    private QuestDbStore openStore() {
        try {
            return QuestDbStore.open(store.toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--store", store.toString(), e.getMessage(), e);
        }
    }

    private CalendarSource openEvents() {
        try {
            return FileCalendarSource.open(eventsFile);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--events", eventsFile.toString(), "--events: " + e.getMessage(), e);
        }
    }

    private ApiToken apiToken() {
        try {
            return ApiToken.fromFile(apiTokenFile);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--api-token-file", apiTokenFile.toString(), e.getMessage());
        }
    }

    private InetSocketAddress address() {
        int colon = listen.lastIndexOf(':');
        try {
            String host = colon <= 0 ? "127.0.0.1" : listen.substring(0, colon);
            int port = Integer.parseInt(listen.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (NumberFormatException | UnknownHostException | StringIndexOutOfBoundsException e) {
            throw new BadInputException(
                    "--listen", listen, "--listen must be HOST:PORT such as 127.0.0.1:9464, got '" + listen + "'");
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName() + "-"
                    + ProcessHandle.current().pid();
        } catch (UnknownHostException e) {
            return "prescale-" + ProcessHandle.current().pid();
        }
    }

    /** With --once, an unreachable Nomad or load source fails the command (exit 1), naming the endpoint. */
    private static void failIfUnreachable(CycleReport report) {
        if (report.discoveryError() != null) {
            throw new IllegalStateException(report.discoveryError());
        }
        if (report.errors().getOrDefault("metric_error", 0) > 0) {
            for (GroupResult g : report.groups()) {
                if (g.reason().startsWith("cannot read the load")) {
                    throw new IllegalStateException(g.reason());
                }
            }
        }
    }
}
