package io.prescale.grafana.report;

/**
 * Chooses which part of a long series a figure shows: the window of {@code width} steps whose summed interest
 * is largest (e.g. forecast misses, unserved load or anomaly scores), then centred on the interest inside it,
 * so that a reader sees the days where something happened rather than just the last ones. Ties go to the latest
 * window. NaN counts as no interest.
 */
public record InterestingWindow(int from, int to) {
    public InterestingWindow {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("window must satisfy 0 <= from <= to, got " + from + ".." + to);
        }
    }

    /** The window of {@code width} steps over {@code interest} with the largest sum; the whole range if shorter. */
    public static InterestingWindow of(double[] interest, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1 step, got " + width);
        }
        int n = interest.length;
        if (n <= width) {
            return new InterestingWindow(0, n);
        }
        double sum = 0;
        for (int i = 0; i < width; i++) {
            sum += value(interest[i]);
        }
        double best = sum;
        int bestFrom = 0;
        for (int i = width; i < n; i++) {
            sum += value(interest[i]) - value(interest[i - width]);
            if (sum >= best - 1e-12 * Math.abs(best)) {
                best = Math.max(best, sum);
                bestFrom = i - width + 1;
            }
        }
        // centre the window on the interest inside it, so that an event is not drawn at the very edge
        double mass = 0;
        double moment = 0;
        for (int i = bestFrom; i < bestFrom + width; i++) {
            mass += value(interest[i]);
            moment += value(interest[i]) * (i + 0.5);
        }
        int from = bestFrom;
        if (mass > 0) {
            from = (int) Math.round(moment / mass - width / 2.0);
            from = Math.max(0, Math.min(n - width, from));
        }
        return new InterestingWindow(from, from + width);
    }

    /** Steps in the window. */
    public int size() {
        return to - from;
    }

    private static double value(double v) {
        return Double.isFinite(v) ? Math.abs(v) : 0;
    }
}
