package io.prescale.core.scale;

import io.prescale.core.series.TimeSeries;

/**
 * The point forecast of {@link SeasonalQuantileForecaster}. The seasonal profile S_i is the median, over the
 * last {@code seasons} periods, of the mean of the steps within ±{@code smoothing} of i one period earlier;
 * the level is the mean of the last {@code anchorSteps} steps and its seasonal counterpart is taken the same way
 * one period earlier. The deviation (additive) or ratio (multiplicative) of the level from its profile decays as
 * φ^(h+1) towards the profile. Reads the series through {@code valueAt} only (no copy).
 */
record SeasonalShape(int period, int smoothing, int anchorSteps, double phi, boolean multiplicative, int seasons) {
    SeasonalShape with(double newPhi, boolean newMultiplicative) {
        return new SeasonalShape(period, smoothing, anchorSteps, newPhi, newMultiplicative, seasons);
    }

    /** ŷ for step n + h from the values before n. */
    double point(TimeSeries y, int n, int h) {
        int target = n + h;
        double season = profile(y, n, target - smoothing, target + smoothing + 1);
        double level = mean(y, n - anchorSteps, n, n);
        if (Double.isNaN(season)) {
            return level;
        }
        if (Double.isNaN(level) || phi == 0) {
            return season;
        }
        double anchorSeason = profile(y, n, n - anchorSteps, n);
        if (Double.isNaN(anchorSeason)) {
            return season;
        }
        double decay = phi == 1 ? 1 : Math.pow(phi, h + 1);
        if (multiplicative && anchorSeason > 0) {
            return season * (1 + decay * (level / anchorSeason - 1));
        }
        return season + decay * (level - anchorSeason);
    }

    /** Median over past periods j ≥ 1 (whole window before n) of the mean of steps [from − jP, to − jP). */
    private double profile(TimeSeries y, int n, int from, int to) {
        double a = Double.NaN;
        double b = Double.NaN;
        double c = Double.NaN;
        int found = 0;
        int first = Math.max(1, Math.floorDiv(to - n + period - 1, period));
        for (int j = first; found < seasons && to - j * period > 0 && j < first + seasons + 2; j++) {
            double v = mean(y, from - j * period, to - j * period, n);
            if (Double.isNaN(v)) {
                continue;
            }
            if (found == 0) {
                a = v;
            } else if (found == 1) {
                b = v;
            } else {
                c = v;
            }
            found++;
        }
        return switch (found) {
            case 0 -> Double.NaN;
            case 1 -> a;
            case 2 -> (a + b) / 2;
            default -> Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
        };
    }

    /** Mean of the finite values in [from, to) ∩ [0, limit), or NaN. */
    private static double mean(TimeSeries y, int from, int to, int limit) {
        double sum = 0;
        int count = 0;
        for (int i = Math.max(0, from); i < Math.min(to, limit); i++) {
            double v = y.valueAt(i);
            if (!Double.isNaN(v)) {
                sum += v;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    @Override
    public String toString() {
        return "period=" + period + " steps, smoothing=±" + smoothing + ", anchor=" + anchorSteps + ", phi=" + phi
                + (multiplicative ? ", multiplicative" : ", additive");
    }
}
