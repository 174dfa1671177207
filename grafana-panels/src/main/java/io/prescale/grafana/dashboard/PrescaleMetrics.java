package io.prescale.grafana.dashboard;

/**
 * The Prometheus metric names the dashboards query. The actuator's {@code /metrics} exports the per-group
 * series (labels {@code namespace}, {@code job}, {@code group}); the training pipeline exports the learning
 * series. The SLO panels read the service's own OpenTelemetry HTTP server histogram.
 */
public final class PrescaleMetrics {
    /** Gauge: instances the controller wants now (instances). */
    public static final String DESIRED_COUNT = "prescale_desired_count";
    /** Gauge: instances running now, as read from Nomad (instances). */
    public static final String RUNNING_COUNT = "prescale_running_count";
    /** Gauge: forecast load over the lead window, label {@code quantile} = 0.1, 0.5, 0.9 (requests/s). */
    public static final String FORECAST_LOAD = "prescale_forecast_load";
    /** Gauge: load observed now by the group's load query (requests/s). */
    public static final String OBSERVED_LOAD = "prescale_observed_load";
    /** Gauge: observed load above what the running instances serve (requests/s, 0 when covered). */
    public static final String UNSERVED_LOAD = "prescale_unserved_load";
    /** Counter: decisions, label {@code action} = scale_out, scale_in, hold. */
    public static final String DECISIONS_TOTAL = "prescale_decisions_total";
    /** Counter: failed cycles, label {@code kind}. */
    public static final String ERRORS_TOTAL = "prescale_errors_total";
    /** Histogram or summary: one evaluation cycle (seconds). */
    public static final String CYCLE_SECONDS = "prescale_cycle_seconds";
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

    private PrescaleMetrics() {
    }
}
