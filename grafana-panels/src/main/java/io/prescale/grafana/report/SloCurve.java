package io.prescale.grafana.report;

/**
 * Load-test results of one configuration: per offered rate (requests/s), the p99 latency (ms) and the error
 * share (fraction in [0,1]), against the latency SLO (ms).
 */
public record SloCurve(String configuration, double[] offeredRps, double[] p99Ms, double[] errorShare, double sloMs) {
    public SloCurve {
        if (configuration == null || configuration.isBlank()) {
            throw new IllegalArgumentException("configuration must not be blank");
        }
        if (offeredRps.length != p99Ms.length || p99Ms.length != errorShare.length || offeredRps.length == 0) {
            throw new IllegalArgumentException("offeredRps, p99Ms and errorShare must be non-empty and of equal "
                    + "length, got " + offeredRps.length + ", " + p99Ms.length + ", " + errorShare.length);
        }
        if (!(sloMs > 0)) {
            throw new IllegalArgumentException("sloMs must be > 0, got " + sloMs);
        }
        offeredRps = offeredRps.clone();
        p99Ms = p99Ms.clone();
        errorShare = errorShare.clone();
    }

    @Override
    public double[] offeredRps() {
        return offeredRps.clone();
    }

    @Override
    public double[] p99Ms() {
        return p99Ms.clone();
    }

    @Override
    public double[] errorShare() {
        return errorShare.clone();
    }
}
