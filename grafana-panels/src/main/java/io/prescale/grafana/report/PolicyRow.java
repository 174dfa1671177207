package io.prescale.grafana.report;

/**
 * One band of a scaling policy: the load range {@code [loadFrom, loadTo)} in requests/s, the instances and
 * configuration held there, the p99 latency expected (ms) and the cost (instance-hours per hour). Non-finite
 * expectations are shown as "–".
 */
public record PolicyRow(
        double loadFrom, double loadTo, int instances, String configuration, double expectedP99Ms, double costPerHour) {
    public PolicyRow {
        if (instances < 0) {
            throw new IllegalArgumentException("instances must be >= 0, got " + instances);
        }
        if (!(loadTo > loadFrom)) {
            throw new IllegalArgumentException("loadTo must be above loadFrom, got " + loadFrom + " .. " + loadTo);
        }
        configuration = configuration == null ? "" : configuration;
    }
}
