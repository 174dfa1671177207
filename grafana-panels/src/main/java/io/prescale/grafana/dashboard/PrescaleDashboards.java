package io.prescale.grafana.dashboard;

import static io.prescale.grafana.dashboard.PrescaleMetrics.*;

import io.prescale.grafana.dashboard.Panel.Type;
import java.util.List;
import java.util.Map;

/**
 * The two Prescale dashboards: <b>Prescale — scaling</b> (what is forecast and decided now) and
 * <b>Prescale — learning</b> (what training and tuning learned). Both choose the Prometheus data source by
 * the {@code datasource} variable and one task group by {@code namespace}, {@code job} and {@code group}.
 */
public final class PrescaleDashboards {
    /** uid of the scaling dashboard. */
    public static final String SCALING_UID = "prescale-scaling";
    /** uid of the learning dashboard. */
    public static final String LEARNING_UID = "prescale-learning";
    /** Id of the scaling dashboard's "Desired vs current instances" panel, where decision annotations are posted. */
    public static final int COUNTS_PANEL_ID = 2;
    /** Tags of the decision annotations the actuator posts. */
    public static final List<String> DECISION_TAGS = List.of("prescale", "decision");
    /** Tags of the flagged-span annotations the anomaly scan posts. */
    public static final List<String> ANOMALY_TAGS = List.of("prescale", "anomaly");

    private static final String SEL = "{" + GROUP_SELECTOR + "}";
    private static final String RATE = "[$__rate_interval]";

    private PrescaleDashboards() {}

    /** Both dashboards, scaling first. */
    public static List<Dashboard> all() {
        return List.of(scaling(), learning());
    }

    /** The group variables shared by both dashboards: data source, then namespace → job → group. */
    static List<Variable> variables() {
        return List.of(
                Variable.prometheusDatasource("datasource"),
                Variable.labelValues("namespace", "Namespace", "label_values(" + DESIRED_COUNT + ", namespace)", false),
                Variable.labelValues(
                        "job", "Job", "label_values(" + DESIRED_COUNT + "{namespace=\"$namespace\"}, job)", false),
                Variable.labelValues(
                        "group",
                        "Group",
                        "label_values(" + DESIRED_COUNT + "{namespace=\"$namespace\",job=\"$job\"}, group)",
                        false));
    }

    /** Prescale — scaling. */
    public static Dashboard scaling() {
        Panel load = Panel.of(
                        1,
                        Type.TIMESERIES,
                        "Load vs forecast (p10–p90 band)",
                        "The black line should stay inside the shaded band; load above the band is under-forecast.",
                        new GridPos(0, 0, 24, 9),
                        "reqps",
                        List.of(
                                Target.series("A", CURRENT_LOAD + SEL, "load"),
                                Target.series("B", FORECAST_LOAD + "{" + GROUP_SELECTOR + ",quantile=\"0.1\"}", "p10"),
                                Target.series("C", FORECAST_LOAD + "{" + GROUP_SELECTOR + ",quantile=\"0.5\"}", "p50"),
                                Target.series("D", FORECAST_LOAD + "{" + GROUP_SELECTOR + ",quantile=\"0.9\"}", "p90")))
                .withOverrides(List.of(
                        new SeriesOverride(
                                "p90", Map.of("custom.fillBelowTo", "p10", "custom.lineWidth", 0, "color", "#56B4E9")),
                        new SeriesOverride("p10", Map.of("custom.lineWidth", 0, "color", "#56B4E9")),
                        new SeriesOverride("p50", Map.of("color", "#0072B2")),
                        new SeriesOverride("load", Map.of("color", "#000000", "custom.lineWidth", 2))));
        Panel counts = Panel.of(
                COUNTS_PANEL_ID,
                Type.TIMESERIES,
                "Desired vs current instances",
                "Desired should lead Nomad's current count by the start-up time; a long gap means Nomad did not follow.",
                new GridPos(0, 9, 12, 8),
                "short",
                List.of(
                        Target.series("A", DESIRED_COUNT + SEL, "desired"),
                        Target.series("B", CURRENT_COUNT + SEL, "current")));
        Panel decisions = Panel.of(
                3,
                Type.TIMESERIES,
                "Scaling decisions (all groups)",
                "Decisions per interval by action and mode; hover the annotations on the other panels for each reason.",
                new GridPos(12, 9, 12, 8),
                "short",
                List.of(Target.series(
                        "A",
                        "sum by (action, mode) (increase(" + DECISIONS_TOTAL + RATE + "))",
                        "{{action}} ({{mode}})")));
        String bucket = HTTP_SERVER_DURATION + "_bucket{job=\"$job\"}";
        Panel latency = Panel.of(
                4,
                Type.TIMESERIES,
                "SLO: p99 latency",
                "p99 request latency of the service; scaling ahead should keep it flat through load peaks.",
                new GridPos(0, 17, 8, 8),
                "s",
                List.of(Target.series(
                        "A", "histogram_quantile(0.99, sum by (le) (rate(" + bucket + RATE + ")))", "p99")));
        String count = HTTP_SERVER_DURATION + "_count";
        Panel errors = Panel.of(
                5,
                Type.TIMESERIES,
                "SLO: error rate",
                "Share of requests answered with a 5xx status; it should stay near zero.",
                new GridPos(8, 17, 8, 8),
                "percentunit",
                List.of(Target.series(
                        "A",
                        "sum(rate(" + count + "{job=\"$job\",http_response_status_code=~\"5..\"}" + RATE
                                + ")) / sum(rate(" + count + "{job=\"$job\"}" + RATE + "))",
                        "errors")));
        Panel unserved = Panel.of(
                6,
                Type.TIMESERIES,
                "Unserved load",
                "Load above what the running instances can serve; any area here was scaled too late.",
                new GridPos(16, 17, 8, 8),
                "reqps",
                List.of(Target.series("A", UNSERVED_LOAD + SEL, "unserved")));
        Panel actuatorErrors = Panel.of(
                7,
                Type.TIMESERIES,
                "Actuator errors",
                "Failed evaluation cycles by kind; a failing cycle holds the count and says why.",
                new GridPos(0, 25, 12, 7),
                "short",
                List.of(Target.series("A", "sum by (kind) (increase(" + ERRORS_TOTAL + RATE + "))", "{{kind}}")));
        Panel cycle = Panel.of(
                8,
                Type.TIMESERIES,
                "Cycle duration",
                "p99 and mean time of one actuator cycle; they should stay well below the evaluation interval.",
                new GridPos(12, 25, 12, 7),
                "s",
                List.of(
                        Target.series(
                                "A",
                                "histogram_quantile(0.99, sum by (le) (rate(" + CYCLE_SECONDS + "_bucket" + RATE
                                        + ")))",
                                "p99"),
                        Target.series(
                                "B",
                                "rate(" + CYCLE_SECONDS + "_sum" + RATE + ") / rate(" + CYCLE_SECONDS + "_count" + RATE
                                        + ")",
                                "mean")));
        Panel status = Panel.of(
                9,
                Type.STAT,
                "Group status",
                "The group's status now: anything but ok says why the actuator holds (deployment, conflict, …).",
                new GridPos(0, 32, 24, 4),
                "short",
                List.of(Target.series("A", GROUP_STATUS + SEL + " == 1", "{{status}}")));
        return new Dashboard(
                SCALING_UID,
                "Prescale — scaling",
                "What Prescale forecasts and decides for one Nomad task group.",
                List.of("prescale"),
                "30s",
                "now-24h",
                variables(),
                List.of(new AnnotationQuery("Scaling decisions", DECISION_TAGS, "#D55E00")),
                List.of(load, counts, decisions, latency, errors, unserved, actuatorErrors, cycle, status));
    }

    /** Prescale — learning. */
    public static Dashboard learning() {
        Panel curve = Panel.of(
                1,
                Type.TIMESERIES,
                "Tuning learning curve",
                "PPO's mean episode reward should rise above the grid, random and Bayesian baselines and level off.",
                new GridPos(0, 0, 12, 8),
                "short",
                List.of(Target.series("A", TUNE_REWARD + SEL, "{{agent}}")));
        Panel policy = Panel.of(
                2,
                Type.TABLE,
                "Policy table",
                "Each load band with the instance count it holds and the p99 latency expected there.",
                new GridPos(12, 0, 12, 8),
                "short",
                List.of(Target.table("A", POLICY_BAND_COUNT + SEL), Target.table("B", POLICY_BAND_P99 + SEL)));
        Panel capacity = Panel.of(
                3,
                Type.TIMESERIES,
                "Capacity model error",
                "Relative error of the capacity model on held-out load tests; rising error means re-run load tests.",
                new GridPos(0, 8, 12, 8),
                "percentunit",
                List.of(Target.series("A", CAPACITY_MODEL_ERROR + SEL, "{{target}}")));
        Panel profiles = Panel.of(
                4,
                Type.BARGAUGE,
                "Synthetic profile library",
                "Peak load of each generated profile; edge cases should reach beyond the typical ones.",
                new GridPos(12, 8, 12, 8),
                "reqps",
                List.of(Target.table("A", PROFILE_PEAK + SEL)));
        Panel anomaly = Panel.of(
                5,
                Type.TIMESERIES,
                "Anomaly scores and flagged spans",
                "Score of the live load against the threshold; flagged spans appear as shaded annotations.",
                new GridPos(0, 16, 24, 8),
                "percentunit",
                List.of(
                        Target.series("A", ANOMALY_SCORE + SEL, "{{detector}}"),
                        Target.series("B", ANOMALY_THRESHOLD + SEL, "threshold {{detector}}")));
        return new Dashboard(
                LEARNING_UID,
                "Prescale — learning",
                "What Prescale learned: tuning, the policy, the capacity model, profiles and anomalies.",
                List.of("prescale"),
                "5m",
                "now-7d",
                variables(),
                List.of(new AnnotationQuery("Flagged anomalies", ANOMALY_TAGS, "#CC79A7")),
                List.of(curve, policy, capacity, profiles, anomaly));
    }
}
