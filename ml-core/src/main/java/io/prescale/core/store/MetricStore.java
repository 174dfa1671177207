package io.prescale.core.store;

import io.prescale.core.series.Aggregation;
import io.prescale.core.series.LoadProfile;
import io.prescale.core.series.TimeSeries;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A {@link MetricSource} that also writes: the store behind {@code prescale import} and {@code prescale series}.
 * The query of {@link #read} is a series name. A write replaces the whole series and lands whole or not at all:
 * readers see the previous version until the new one is complete.
 */
public interface MetricStore extends MetricSource {
    /**
     * Writes a series from consecutive chunks (each starting at or after the end of the one before, all with the
     * step of the first), replacing any series of that name. Gaps (NaN) are not stored.
     *
     * @param series a name of letters, digits, {@code _} and {@code -} (at most 100)
     * @param unit   what the values mean, kept for readers that build load profiles
     * @param source where the values came from (a file or URL without credentials), for listings
     * @throws IllegalArgumentException for a bad name, no chunks or chunks out of order; nothing is written then
     */
    SeriesInfo write(String series, LoadProfile.Unit unit, String source, Iterator<TimeSeries> chunks);

    /** Writes one whole series; see {@link #write(String, LoadProfile.Unit, String, Iterator)}. */
    default SeriesInfo write(String series, LoadProfile.Unit unit, String source, TimeSeries values) {
        return write(series, unit, source, List.of(values).iterator());
    }

    /** Every series, ordered by name. */
    List<SeriesInfo> list();

    /** One series, or empty when there is none of that name. */
    Optional<SeriesInfo> info(String series);

    /**
     * A whole series at its own step, from its first to its last sample, NaN for gaps.
     *
     * @throws IllegalArgumentException when there is no such series (the message names the ones there are)
     */
    default TimeSeries read(String series) {
        SeriesInfo info = info(series).orElseThrow(() -> unknownSeries(series, list()));
        return read(series, info.start(), info.end(), info.step(), Aggregation.MEAN);
    }

    /** The error for a series that is not there, naming those that are. */
    static IllegalArgumentException unknownSeries(String series, List<SeriesInfo> present) {
        List<String> names = present.stream().map(SeriesInfo::name).toList();
        return new IllegalArgumentException("no series '" + series + "' in the store (series: "
                + (names.isEmpty() ? "none; import one with prescale import" : String.join(", ", names)) + ")");
    }
}
