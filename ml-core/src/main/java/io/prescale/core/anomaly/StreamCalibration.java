package io.prescale.core.anomaly;

/**
 * How a streaming detector turns its raw per-row scores into the scores it reports: the anomaly likelihood of
 * Ahmad et al. (2017) over a short and a long window of raw scores ({@link AnomalyLikelihood}), then damping of
 * repeated alarms ({@link AlarmDebounce}). Labels and thresholds play no part.
 *
 * @param likelihood  whether to apply the anomaly likelihood (off: raw scores go straight to the debounce)
 * @param shortWindow raw scores averaged for the current level
 * @param longWindow  raw scores in the fitted normal distribution
 * @param debounce    rows over which a repeated alarm is halved; 0 = off
 */
public record StreamCalibration(boolean likelihood, int shortWindow, int longWindow, int debounce) {
    public StreamCalibration {
        if (shortWindow < 1 || longWindow <= shortWindow || debounce < 0) {
            throw new IllegalArgumentException("need 1 ≤ shortWindow < longWindow and debounce ≥ 0, got " + shortWindow
                    + ", " + longWindow + ", " + debounce);
        }
    }

    public static StreamCalibration defaults() {
        return new StreamCalibration(true, 3, 2000, 50);
    }

    /** No calibration at all: the raw scores. */
    public static StreamCalibration none() {
        return new StreamCalibration(false, 1, 2, 0);
    }

    /** Calibrated scores; rows before {@code warmup} have no raw score yet and score 0, NaN rows stay NaN. */
    double[] apply(double[] raw, int warmup) {
        double[] calibrated = raw;
        if (likelihood) {
            boolean[] valid = new boolean[raw.length];
            for (int i = 0; i < raw.length; i++) {
                valid[i] = i >= warmup && !Double.isNaN(raw[i]);
            }
            calibrated =
                    AnomalyLikelihood.calibrate(raw, valid, new AnomalyLikelihood.Options(shortWindow, longWindow, 64));
        }
        return AlarmDebounce.apply(calibrated, debounce);
    }
}
