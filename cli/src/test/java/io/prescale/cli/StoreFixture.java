package io.prescale.cli;

import io.prescale.core.series.LoadProfile;
import io.prescale.core.series.TimeSeries;
import io.prescale.core.store.QuestDbStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Test data for the store commands: a small real CSV and a store holding the series {@code web}. */
public final class StoreFixture {
    private static Path store;

    private StoreFixture() {}

    /** A day of NAB nyc_taxi (48 half-hours) on disk. */
    public static Path nycTaxiDay() {
        try {
            return Path.of(StoreFixture.class.getResource("nyc_taxi_day.csv").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A store (created once per JVM) with series {@code web}: 1, 2, gap, 4 at 1-minute steps from 2024-03-01. */
    public static synchronized Path storeWithWebSeries() {
        if (store == null) {
            try {
                Path dir = Files.createTempDirectory("prescale-contract-store");
                try (QuestDbStore questDb = QuestDbStore.open(dir)) {
                    questDb.write(
                            "web",
                            LoadProfile.Unit.COUNT,
                            "fixture",
                            TimeSeries.of(Instant.parse("2024-03-01T00:00:00Z"), Duration.ofMinutes(1), new double[] {
                                1, 2, Double.NaN, 4
                            }));
                }
                store = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return store;
    }
}
