package io.prescale.core.anomaly;

/**
 * Keeps an alarm to the onset of an episode, the way streaming detectors in NAB (CAD OSE, KNN CAD, ARTime) hold
 * off repeated alerts: a score that does not exceed the highest score of the previous {@code rows} rows is
 * halved. A new, stronger excursion still scores in full. Causal; NaN passes through.
 */
final class AlarmDebounce {
    private AlarmDebounce() {}

    static double[] apply(double[] scores, int rows) {
        if (rows <= 0) {
            return scores.clone();
        }
        double[] out = new double[scores.length];
        java.util.ArrayDeque<Integer> window = new java.util.ArrayDeque<>();
        for (int i = 0; i < scores.length; i++) {
            while (!window.isEmpty() && window.peekFirst() < i - rows) {
                window.pollFirst();
            }
            double previousMax = window.isEmpty() ? Double.NEGATIVE_INFINITY : scores[window.peekFirst()];
            double s = scores[i];
            out[i] = Double.isNaN(s) || s > previousMax ? s : s * 0.5;
            if (!Double.isNaN(s)) {
                while (!window.isEmpty() && scores[window.peekLast()] <= s) {
                    window.pollLast();
                }
                window.addLast(i);
            }
        }
        return out;
    }
}
