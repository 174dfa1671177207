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
            throw new IllegalArgumentException("windows and starts must have the same length, got "
                    + windows.length + " and " + starts.length);
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
