package io.prescale.core.series;

/**
 * Parses the numbers of a CSV cell: plain integers by hand (the common case, and fast), anything else with
 * {@link Double#parseDouble}. Stateless and thread-safe.
 */
final class Numbers {
    private Numbers() {}

    /** The number in {@code text}, or NaN when it is none (or is written {@code NaN} or empty: see {@link #isGap}). */
    static double parse(String text) {
        int n = text.length();
        if (n == 0 || n > TraceReader.MAX_CELL_CHARS) {
            return Double.NaN; // a longer cell is no number worth parsing (Double.parseDouble is slow on them)
        }
        if (n <= 15) {
            int i = text.charAt(0) == '-' ? 1 : 0;
            long value = 0;
            boolean digits = i < n;
            for (int k = i; k < n && digits; k++) {
                char c = text.charAt(k);
                digits = c >= '0' && c <= '9';
                value = value * 10 + (c - '0');
            }
            if (digits) {
                return i == 1 ? -value : value;
            }
        }
        char last = text.charAt(n - 1);
        boolean plausible = (last >= '0' && last <= '9') || last == '.' || last == 'y'; // "Infinity"
        if (!plausible) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** True for a cell that marks a gap: empty, {@code NaN}, {@code null} or {@code NA}. */
    static boolean isGap(String text) {
        return text.isEmpty()
                || text.equalsIgnoreCase("nan")
                || text.equalsIgnoreCase("null")
                || text.equalsIgnoreCase("na");
    }
}
