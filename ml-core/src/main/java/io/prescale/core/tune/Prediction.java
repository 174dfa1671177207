package io.prescale.core.tune;

/**
 * What a {@link CapacityModel} expects of a configuration at a load.
 *
 * @param p99Ms p99 latency, ms
 * @param errorRate share of failed requests, in [0, 1]
 * @param throughputRps successful responses per second
 */
public record Prediction(double p99Ms, double errorRate, double throughputRps) {}
