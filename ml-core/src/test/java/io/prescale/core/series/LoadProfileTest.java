package io.prescale.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadProfileTest {
    private static final Instant T0 = Instant.parse("2014-07-01T00:00:00Z");

    @Test
    void jsonHasTheDocumentedShapeAndRoundTrips() {
        LoadProfile profile =
                LoadProfile.of(T0, Duration.ofMinutes(30), new double[] {1.5, 2.0}, Map.of("source", "test"));
        String json = profile.toJson();
        assertThat(json)
                .isEqualTo("{\"schemaVersion\":1,\"start\":\"2014-07-01T00:00:00Z\",\"step\":\"PT30M\","
                        + "\"unit\":\"requests/s\",\"values\":[1.5,2.0],\"provenance\":{\"source\":\"test\"}}");
        assertThat(LoadProfile.fromJson(json)).isEqualTo(profile);
    }

    @Test
    void countsPerStepBecomeRatesPerSecond() {
        TimeSeries counts = TimeSeries.of(T0, Duration.ofMinutes(5), new double[] {300, 600});
        LoadProfile profile = LoadProfile.fromSeries(counts, LoadProfile.Unit.COUNT, Map.of());
        assertThat(profile.values()).containsExactly(1.0, 2.0);
        assertThat(profile.expectedRequests()).isEqualTo(900.0);
        assertThat(profile.peak()).isEqualTo(2.0);
    }

    @Test
    void gapsNegativeRatesAndOtherVersionsAreRefusedNamingTheValue() {
        TimeSeries gappy = TimeSeries.of(T0, Duration.ofMinutes(5), new double[] {1, Double.NaN});
        assertThatThrownBy(() -> LoadProfile.fromSeries(gappy, LoadProfile.Unit.RATE, Map.of()))
                .hasMessageContaining("gap at 2014-07-01T00:05:00Z");
        assertThatThrownBy(() -> LoadProfile.of(T0, Duration.ofMinutes(5), new double[] {-1}, Map.of()))
                .hasMessageContaining("value 0 is -1.0");
        String future = "{\"schemaVersion\":2,\"start\":\"2014-07-01T00:00:00Z\",\"step\":\"PT30M\","
                + "\"unit\":\"requests/s\",\"values\":[],\"provenance\":{}}";
        assertThatThrownBy(() -> LoadProfile.fromJson(future))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schemaVersion is 2")
                .hasMessageContaining("reads version 1");
        assertThatThrownBy(() -> LoadProfile.fromJson("{\"schemaVersion\":1,\"bogus\":1}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a load profile");
    }

    @Test
    void writeIsAtomicAndLeavesNoTemporaryFile(@TempDir Path temp) throws Exception {
        LoadProfile profile = LoadProfile.of(T0, Duration.ofSeconds(1), new double[] {3}, Map.of());
        Path file = temp.resolve("p.json");
        profile.write(file);
        assertThat(LoadProfile.read(file)).isEqualTo(profile);
        try (var files = Files.list(temp)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void shippedTracesAreOnTheClassPath(@TempDir Path temp) {
        for (ShippedTrace trace : ShippedTrace.values()) {
            Path copy = trace.copyTo(temp);
            assertThat(copy).isRegularFile();
            assertThat(copy.toFile().length()).isGreaterThan(10_000);
        }
    }
}
