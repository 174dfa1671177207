package io.prescale.core.store;

import io.prescale.core.series.LoadProfile;
import java.time.Duration;
import java.util.Objects;

/**
 * What the table of a series does not say: its step, unit and source. Kept in the series' {@link SeriesCatalog}
 * entry together with the name of the table it describes.
 */
record SeriesMeta(Duration step, LoadProfile.Unit unit, String source) {
    SeriesMeta {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
    }
}
