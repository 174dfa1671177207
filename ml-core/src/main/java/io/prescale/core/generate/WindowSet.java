package io.prescale.core.generate;

import java.util.Objects;

/**
 * Sliding windows (stride 1) of a multi-feature series, scaled, with the row at which each window starts.
 * Windows are meant to be one period long (a day); {@link #phase(int)} is where in that period a window starts.
 * Arrays are shared, not copied, inside the package (they are large); callers never mutate them.
 *
 * @param windows scaled values, windows × steps × features
 * @param starts row index (in the source rows) where each window starts
 * @param scaler the scaling that produced {@code windows}
 */
public record WindowSet(double[][][] windows, int[] starts, MinMaxScaler scaler) {
    public WindowSet {
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(starts, "starts");
        Objects.requireNonNull(scaler, "scaler");
        if (windows.length != starts.length) {
            throw new IllegalArgumentException(
                    "windows and starts must have the same length, got " + windows.length + " and " + starts.length);
        }
    }

    /** All stride-1 windows of {@code rows} whose start is in [from, to − window], scaled by {@code scaler}. */
    public static WindowSet slide(double[][] rows, int from, int to, int window, MinMaxScaler scaler) {
        if (window < 2) {
            throw new IllegalArgumentException("window must be at least 2 steps, got " + window);
        }
        int count = Math.max(0, to - from - window + 1);
        double[][][] windows = new double[count][window][];
        int[] starts = new int[count];
        int features = scaler.features();
        for (int w = 0; w < count; w++) {
            starts[w] = from + w;
            for (int t = 0; t < window; t++) {
                double[] row = rows[from + w + t];
                double[] scaled = new double[features];
                for (int f = 0; f < features; f++) {
                    scaled[f] = scaler.scale(f, row[f]);
                }
                windows[w][t] = scaled;
            }
        }
        return new WindowSet(windows, starts, scaler);
    }

    /**
     * All stride-1 windows of {@code rows} whose start is in [from, to − window], each min-max scaled per feature
     * on its own values ({@code (x − min) / (max − min + 1e-7)}), so that a trend across windows does not push
     * later windows out of [0, 1]; {@link #scaler()} is then the identity.
     */
    public static WindowSet slidePerWindow(double[][] rows, int from, int to, int window) {
        int features = rows.length == 0 ? 1 : rows[0].length;
        double[] zeros = new double[features];
        double[] ones = new double[features];
        java.util.Arrays.fill(ones, 1);
        MinMaxScaler identity = new MinMaxScaler(zeros, ones);
        WindowSet raw = slide(rows, from, to, window, identity);
        for (double[][] w : raw.windows()) {
            for (int f = 0; f < features; f++) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (double[] step : w) {
                    min = Math.min(min, step[f]);
                    max = Math.max(max, step[f]);
                }
                for (double[] step : w) {
                    step[f] = (step[f] - min) / (max - min + MinMaxScaler.EPSILON);
                }
            }
        }
        return raw;
    }

    /** Windows given as they are (already scaled to about [0, 1]), window i starting at row i × steps. */
    public static WindowSet of(double[][][] windows) {
        if (windows.length == 0) {
            throw new IllegalArgumentException("no windows");
        }
        int features = windows[0][0].length;
        double[] zeros = new double[features];
        double[] ones = new double[features];
        java.util.Arrays.fill(ones, 1);
        int[] starts = new int[windows.length];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = i * windows[0].length;
        }
        return new WindowSet(windows, starts, new MinMaxScaler(zeros, ones));
    }

    /** The windows at {@code index}, in that order (arrays shared). */
    WindowSet subset(int[] index) {
        double[][][] w = new double[index.length][][];
        int[] s = new int[index.length];
        for (int i = 0; i < index.length; i++) {
            w[i] = windows[index[i]];
            s[i] = starts[index[i]];
        }
        return new WindowSet(w, s, scaler);
    }

    public int size() {
        return windows.length;
    }

    public int window() {
        return windows.length == 0 ? 0 : windows[0].length;
    }

    public int features() {
        return scaler.features();
    }

    /** Position in the period (= window length) where window {@code i} starts, in [0, window). */
    public int phase(int i) {
        return Math.floorMod(starts[i], window());
    }
}
