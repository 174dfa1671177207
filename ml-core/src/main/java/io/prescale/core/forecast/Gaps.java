package io.prescale.core.forecast;

/** Gap filling shared by the models that need a complete series: one season back, else linear, else carry. */
final class Gaps {
    private Gaps() {}

    /**
     * A copy of {@code values} with every NaN replaced: by the (already filled) value one {@code period} earlier
     * when there is one, else by linear interpolation between the nearest finite neighbours, else by the nearest
     * finite value. An all-NaN input becomes zeros.
     */
    static double[] fill(double[] values, int period) {
        int n = values.length;
        double[] out = values.clone();
        int firstFinite = -1;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(values[i])) {
                firstFinite = i;
                break;
            }
        }
        if (firstFinite < 0) {
            return new double[n];
        }
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(out[i])) {
                continue;
            }
            if (period > 0 && i >= period && i - period >= firstFinite) {
                out[i] = out[i - period];
                continue;
            }
            int prev = i - 1;
            while (prev >= 0 && !Double.isFinite(out[prev])) {
                prev--;
            }
            int next = i + 1;
            while (next < n && !Double.isFinite(values[next])) {
                next++;
            }
            if (prev >= 0 && next < n) {
                out[i] = out[prev] + (values[next] - out[prev]) * (i - prev) / (double) (next - prev);
            } else {
                out[i] = prev >= 0 ? out[prev] : values[next];
            }
        }
        return out;
    }

    static int finiteCount(double[] values) {
        int count = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                count++;
            }
        }
        return count;
    }

    static double meanAbs(double[] values) {
        double sum = 0;
        int count = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += Math.abs(v);
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }
}
