package io.prescale.contract.summary;

import java.util.Objects;

/** One key figure: a label and its value as a person reads it (number with unit). */
public record Figure(String label, String value) {
    public Figure {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }
}
