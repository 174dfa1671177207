package io.prescale.core.tune;

import io.prescale.core.series.LoadProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The load profiles of a run, scaled and split: training profiles for PPO, held-out ones for evaluation only.
 *
 * @param train training profiles, requests/s per step
 * @param heldOut held-out profiles
 * @param p99 99th percentile of the training loads (the bands reach up to it)
 * @param sizing the load the top band must hold: the largest training load
 * @param scale the factor the profiles were multiplied by
 */
record Profiles(List<double[]> train, List<double[]> heldOut, double p99, double sizing, double scale) {
    static Profiles of(List<LoadProfile> profiles, double peakRps, double heldOutShare) {
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("at least one load profile is needed, got none");
        }
        for (LoadProfile p : profiles) {
            if (p.size() < 8) {
                throw new IllegalArgumentException("load profiles need at least 8 steps, one has " + p.size());
            }
        }
        double[] everything = profiles.stream()
                .flatMapToDouble(p -> Arrays.stream(p.values()))
                .sorted()
                .toArray();
        double scale = Double.isNaN(peakRps) ? 1 : peakRps / Math.max(1e-9, quantile(everything, 0.99));
        List<double[]> scaled = new ArrayList<>();
        for (LoadProfile p : profiles) {
            scaled.add(Arrays.stream(p.values()).map(v -> v * scale).toArray());
        }
        List<double[]> train = new ArrayList<>();
        List<double[]> heldOut = new ArrayList<>();
        if (scaled.size() == 1) {
            double[] only = scaled.get(0);
            int cut = (int) Math.round(only.length * (1 - heldOutShare));
            train.add(Arrays.copyOf(only, cut));
            heldOut.add(Arrays.copyOfRange(only, cut, only.length));
        } else {
            int held = Math.max(1, (int) Math.round(scaled.size() * heldOutShare));
            train.addAll(scaled.subList(0, scaled.size() - held));
            heldOut.addAll(scaled.subList(scaled.size() - held, scaled.size()));
        }
        double[] trainLoads =
                train.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
        double p99 = quantile(trainLoads, 0.99);
        if (!(p99 > 0)) {
            throw new IllegalArgumentException("the training profiles carry no load (99th percentile " + p99 + ")");
        }
        return new Profiles(train, heldOut, p99, Math.max(p99, trainLoads[trainLoads.length - 1]), scale);
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int lo = (int) Math.floor(position);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (position - lo);
    }
}
