package io.prescale.grafana.dashboard;

/**
 * The Prometheus metric names the dashboards query. The actuator's {@code /metrics} exports the per-group
 * series (labels {@code namespace}, {@code job}, {@code group}) under the names of its documentation; the
 * unserved-load and learning series are proposals that nothing exports yet. The SLO panels read the service's
 * own OpenTelemetry HTTP server histogram.
 */
public final class PrescaleMetrics {
    /** Gauge: instances the controller wants now (instances). */
    public static final String DESIRED_COUNT = "prescale_desired_count";
    /** Gauge: the group's count in Nomad at the last evaluation (instances). */
    public static final String CURRENT_COUNT = "prescale_current_count";
    /** Gauge: forecast load over the lead window, label {@code quantile} = 0.1, 0.5, 0.9 (requests/s). */
    public static final String FORECAST_LOAD = "prescale_forecast_load";
    /** Gauge: the newest load the group's load query read (requests/s, the unit of the query). */
    public static final String CURRENT_LOAD = "prescale_current_load";
    /**
     * Gauge: observed load above what the current instances serve (requests/s, 0 when covered). Not exported
     * by the actuator yet: the panel stays empty until it is.
     */
    public static final String UNSERVED_LOAD = "prescale_unserved_load";
    /** Counter: decisions, labels {@code action} (scale_out, scale_in, reconfigure, hold) and {@code mode}. */
    public static final String DECISIONS_TOTAL = "prescale_decisions_total";
    /** Counter: failed cycles, label {@code kind}. */
    public static final String ERRORS_TOTAL = "prescale_errors_total";
    /** Histogram: wall time of one evaluation cycle (seconds). */
    public static final String CYCLE_SECONDS = "prescale_cycle_duration_seconds";
    /** Gauge: 1 for the group's current status (label {@code status}: ok, hold, invalid, …), 0 otherwise. */
    public static final String GROUP_STATUS = "prescale_group_status";
    /** Gauge: the tuner's mean episode reward, labels {@code policy}, {@code agent} (ppo, grid, bo, random). */
    public static final String TUNE_REWARD = "prescale_tune_reward";
    /** Gauge: instances of each policy band, labels {@code policy}, {@code band}, {@code load_from}, {@code load_to}. */
    public static final String POLICY_BAND_COUNT = "prescale_policy_band_count";
    /** Gauge: expected p99 latency of each policy band (seconds), labels as {@link #POLICY_BAND_COUNT}. */
    public static final String POLICY_BAND_P99 = "prescale_policy_band_expected_p99_seconds";
    /** Gauge: capacity model relative error on held-out load tests (fraction), label {@code target}. */
    public static final String CAPACITY_MODEL_ERROR = "prescale_capacity_model_relative_error";
    /** Gauge: peak load of each library profile (requests/s), labels {@code profile}, {@code kind} (typical, edge). */
    public static final String PROFILE_PEAK = "prescale_profile_peak_load";
    /** Gauge: streaming anomaly score of the group's load in [0,1], label {@code detector}. */
    public static final String ANOMALY_SCORE = "prescale_anomaly_score";
    /** Gauge: the score above which a step is flagged, label {@code detector}. */
    public static final String ANOMALY_THRESHOLD = "prescale_anomaly_threshold";
    /** The service's request-duration histogram (OpenTelemetry HTTP semantic conventions, seconds). */
    public static final String HTTP_SERVER_DURATION = "http_server_request_duration_seconds";

    /** The label matcher every per-group query carries, bound to the dashboard's variables. */
    public static final String GROUP_SELECTOR = "namespace=\"$namespace\",job=\"$job\",group=\"$group\"";

    private PrescaleMetrics() {}
}
