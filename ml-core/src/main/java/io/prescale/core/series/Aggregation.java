package io.prescale.core.series;

/**
 * How samples falling into one step are combined. Gaps (NaN) are skipped; a step with no finite sample is a
 * gap (NaN) for every aggregation, including {@link #SUM}.
 */
public enum Aggregation {
    SUM,
    MEAN,
    MAX,
    MIN,
    LAST;

    /** Parses {@code sum|mean|max|min|last}, naming the value and the choices when it is none of them. */
    public static Aggregation parse(String text) {
        for (Aggregation aggregation : values()) {
            if (aggregation.name().equalsIgnoreCase(text)) {
                return aggregation;
            }
        }
        throw new IllegalArgumentException(
                "'" + text + "' is not an aggregation (expected sum, mean, max, min or last)");
    }

    /** Aggregates {@code values[from, to)}, skipping NaN; NaN when every value is NaN or the range is empty. */
    public double apply(double[] values, int from, int to) {
        double result = Double.NaN;
        int count = 0;
        for (int i = from; i < to; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                continue;
            }
            if (count == 0) {
                result = v;
            } else {
                result = switch (this) {
                    case SUM, MEAN -> result + v;
                    case MAX -> Math.max(result, v);
                    case MIN -> Math.min(result, v);
                    case LAST -> v;
                };
            }
            count++;
        }
        return this == MEAN && count > 0 ? result / count : result;
    }
}
