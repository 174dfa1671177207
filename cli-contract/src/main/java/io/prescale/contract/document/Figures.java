package io.prescale.contract.document;

import io.prescale.contract.summary.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds a list of figures, leaving out absent values and formatting numbers for people. */
final class Figures {
    private final List<Figure> figures = new ArrayList<>();

    Figures text(String label, Object value) {
        if (value != null && !value.toString().isBlank()) {
            figures.add(new Figure(label, value.toString()));
        }
        return this;
    }

    Figures number(String label, Double value, String unit) {
        if (value != null) {
            figures.add(new Figure(label, format(value) + (unit == null ? "" : " " + unit)));
        }
        return this;
    }

    /** A share in [0,1] shown as a percentage. */
    Figures share(String label, Double value) {
        if (value != null) {
            figures.add(new Figure(label, String.format(Locale.ROOT, "%.2f %%", 100 * value)));
        }
        return this;
    }

    List<Figure> list() {
        return List.copyOf(figures);
    }

    /** Up to four significant decimals, thousands separated, no exponent for ordinary magnitudes. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%,.1f" : magnitude >= 1 ? "%,.2f" : magnitude >= 0.001 ? "%.4f" : "%.3g";
        return String.format(Locale.ROOT, pattern, value);
    }
}
