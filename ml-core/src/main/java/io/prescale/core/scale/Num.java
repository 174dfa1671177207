package io.prescale.core.scale;

/** Short number text for decision reasons: at most two decimals, no trailing zeros. */
final class Num {
    private Num() {}

    static String f(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        double rounded = Math.round(value * 100) / 100.0;
        return rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15
                ? Long.toString((long) rounded)
                : Double.toString(rounded);
    }
}
