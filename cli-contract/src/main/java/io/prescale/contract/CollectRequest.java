package io.prescale.contract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code prescaleCollect}: reads the load history from Prometheus into the embedded store
 * ({@code prescale import --from prometheus:URL --query Q --series S --store DIR --start T}) and exports it as
 * the CSV the training steps read ({@code prescale series export --series S --store DIR --out FILE}).
 *
 * @param prometheusUrl base URL of the Prometheus-compatible API
 * @param query the PromQL query of the service's load
 * @param series the series name in the store
 * @param store the store directory (relative to the workspace)
 * @param start first instant to read (now minus the lookback, whole minutes)
 * @param out the CSV file to write
 * @param prometheusCredentialsId credential of a bearer token for Prometheus, or null
 */
public record CollectRequest(
        String prometheusUrl,
        String query,
        String series,
        String store,
        Instant start,
        String out,
        String prometheusCredentialsId)
        implements StepRequest {
    public static final String STEP = "prescaleCollect";
    public static final Set<String> ARGUMENTS =
            Set.of("query", "series", "store", "lookback", "out", "prometheusUrl", "prometheusCredentialsId");

    public CollectRequest {
        if (prometheusUrl == null) {
            throw new StepFailure(STEP + ": no Prometheus URL: give prometheusUrl or set it in the Prescale settings");
        }
    }

    /** Reads the step's named arguments; the lookback (default 30d) is counted back from {@code clock}'s now. */
    public static CollectRequest from(Map<String, ?> arguments, PrescaleSettings settings, Clock clock) {
        StepArguments a = StepArguments.of(STEP, arguments, ARGUMENTS);
        Duration lookback = Durations.parse(STEP, "lookback", a.text("lookback", "30d"));
        return new CollectRequest(
                PrescaleSettings.url(STEP, "prometheusUrl", a.text("prometheusUrl", settings.prometheusUrl())),
                a.requiredText("query"),
                a.text("series", "load"),
                a.text("store", "prescale/store"),
                clock.instant().minus(lookback).truncatedTo(ChronoUnit.MINUTES),
                a.text("out", "prescale/history.csv"),
                a.text("prometheusCredentialsId", settings.prometheusCredentialsId()));
    }

    @Override
    public String step() {
        return STEP;
    }

    @Override
    public List<Invocation> invocations() {
        List<SecretBinding> secrets = new ArrayList<>();
        if (prometheusCredentialsId != null) {
            secrets.add(SecretBinding.file(prometheusCredentialsId, "--prometheus-token-file"));
        }
        Invocation read = new Invocation(
                "import",
                List.of("import"),
                new Invocation.Options()
                        .add("--from", "prometheus:" + prometheusUrl)
                        .add("--query", query)
                        .add("--series", series)
                        .add("--store", store)
                        .add("--start", start)
                        .words(),
                secrets);
        Invocation export = new Invocation(
                "export",
                List.of("series", "export"),
                new Invocation.Options()
                        .add("--series", series)
                        .add("--store", store)
                        .add("--out", out)
                        .words(),
                List.of());
        return List.of(read, export);
    }
}
