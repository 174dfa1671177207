package io.prescale.core.store;

import io.prescale.core.series.LoadProfile;
import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;

/** Two distinguishable versions of the series {@code web} that the crash test imports over each other. */
enum CrashVersion {
    /** Five-minute steps, counts, 3,000 values. */
    A(Duration.ofMinutes(5), LoadProfile.Unit.COUNT, "a.csv", 3_000, 1.0, 0.0),
    /** One-second steps, rates, 20,000 values with gaps. */
    B(Duration.ofSeconds(1), LoadProfile.Unit.RATE, "b.csv", 20_000, 2.0, 1.0);

    static final String SERIES = "web";
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private final Duration step;
    private final LoadProfile.Unit unit;
    private final String source;
    private final int size;
    private final double slope;
    private final double offset;

    CrashVersion(Duration step, LoadProfile.Unit unit, String source, int size, double slope, double offset) {
        this.step = step;
        this.unit = unit;
        this.source = source;
        this.size = size;
        this.slope = slope;
        this.offset = offset;
    }

    TimeSeries series() {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = i % 97 == 13 ? Double.NaN : slope * i + offset;
        }
        return TimeSeries.of(START, step, values);
    }

    void writeTo(MetricStore store) {
        store.write(SERIES, unit, source, series());
    }

    CrashVersion other() {
        return this == A ? B : A;
    }

    /** Whether {@code store} holds exactly this version of the series: metadata and every value. */
    boolean isIn(MetricStore store) {
        return store.info(SERIES)
                .map(info -> info.step().equals(step)
                        && info.unit() == unit
                        && info.source().equals(source)
                        && store.read(SERIES).equals(series()))
                .orElse(false);
    }
}
