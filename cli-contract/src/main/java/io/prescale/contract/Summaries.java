package io.prescale.contract;

import io.prescale.contract.document.CommandDocument;
import io.prescale.contract.document.GrafanaPublishDocument;
import io.prescale.contract.document.LoadTestDocument;
import io.prescale.contract.document.PolicyDocument;
import io.prescale.contract.document.TuneDocument;
import io.prescale.contract.summary.Figure;
import io.prescale.contract.summary.Link;
import io.prescale.contract.summary.PolicyTable;
import io.prescale.contract.summary.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The build-page summary of each step, from its documents (and, for tuning, the policy file it wrote). */
public final class Summaries {
    private static final Map<String, String> TITLES = Map.of(
            CollectRequest.STEP, "Prescale: collect the load history",
            TrainRequest.STEP, "Prescale: train the forecaster",
            GenerateRequest.STEP, "Prescale: generate load profiles",
            LoadTestRequest.STEP, "Prescale: load-test staging",
            TuneRequest.STEP, "Prescale: tune the scaling policy",
            PublishRequest.STEP, "Prescale: publish");

    private Summaries() {}

    /**
     * The summary of one step call.
     *
     * @param archived workspace-relative paths archived with the build (linked as {@code artifact/PATH})
     * @param policy the policy file's content after a tuning run, or null
     */
    public static Summary of(
            String step, List<CommandDocument> documents, List<String> archived, PolicyDocument policy) {
        List<Figure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        TuneDocument tune = null;
        for (CommandDocument document : documents) {
            figures.addAll(document.figures());
            if (document instanceof LoadTestDocument loadTest) {
                notes.addAll(loadTest.notes());
            }
            if (document instanceof TuneDocument t) {
                tune = t;
            }
            if (document instanceof GrafanaPublishDocument grafana) {
                for (GrafanaPublishDocument.Dashboard dashboard : grafana.dashboards()) {
                    String href = dashboardUrl(grafana.url(), dashboard.url());
                    if (href != null) {
                        links.add(new Link(
                                "Dashboard: " + (dashboard.title() == null ? dashboard.uid() : dashboard.title()),
                                href));
                    }
                }
            }
        }
        for (String path : archived) {
            String href = "artifact/" + encodePath(path);
            if (Link.safe(href)) {
                links.add(new Link(path, href));
            }
        }
        return new Summary(
                TITLES.getOrDefault(step, "Prescale: " + step),
                figures,
                policy == null ? null : policyTable(policy, tune),
                links,
                notes);
    }

    /** The policy's bands as rows; the measured p99 comes from the tuning run's validation, when it has one. */
    public static PolicyTable policyTable(PolicyDocument policy, TuneDocument tune) {
        String unit = policy.bands().isEmpty() || policy.bands().get(0).unit() == null
                ? ""
                : " (" + policy.bands().get(0).unit() + ")";
        List<String> columns = List.of(
                "Load from" + unit,
                "Load to" + unit,
                "Configuration",
                "Restart",
                "Predicted p99 (ms)",
                "Measured p99 (ms)",
                "Cost per hour");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < policy.bands().size(); i++) {
            PolicyDocument.Band band = policy.bands().get(i);
            String configuration = band.config().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "));
            if (band.capacityPerInstance() != null) {
                configuration = (configuration.isEmpty() ? "" : configuration + ", ")
                        + number(band.capacityPerInstance()) + " per instance";
            }
            rows.add(List.of(
                    number(band.loadFrom()),
                    band.loadTo() == null ? "open" : number(band.loadTo()),
                    configuration,
                    band.restartRequired() ? "yes" : "no",
                    number(band.predictedP99Ms()),
                    number(measuredP99(tune, i)),
                    number(band.costPerHour())));
        }
        return new PolicyTable(policy.name(), policy.digest(), columns, rows);
    }

    private static Double measuredP99(TuneDocument tune, int band) {
        if (tune == null) {
            return null;
        }
        for (int i = 0; i < tune.validation().size(); i++) {
            TuneDocument.BandValidation v = tune.validation().get(i);
            if (v.band() == null ? i == band : v.band() == band) {
                return v.measuredP99Ms();
            }
        }
        return null;
    }

    private static String number(Double value) {
        if (value == null) {
            return "–";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.format(Locale.ROOT, "%,d", value.longValue())
                : String.format(Locale.ROOT, "%,.2f", value);
    }

    /** Percent-encodes each segment of a workspace-relative path for a link. */
    static String encodePath(String path) {
        return java.util.Arrays.stream(path.split("/"))
                .map(part -> java.net.URLEncoder.encode(part, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }

    /** A dashboard's link: absolute URLs as they are, paths joined to Grafana's base URL; null when unsafe. */
    static String dashboardUrl(String grafanaUrl, String dashboardUrl) {
        if (dashboardUrl == null) {
            return null;
        }
        String href = dashboardUrl;
        if (dashboardUrl.startsWith("/") && grafanaUrl != null) {
            href = grafanaUrl.replaceAll("/+$", "") + dashboardUrl;
        }
        return href.startsWith("http") && Link.safe(href) ? href : null;
    }
}
