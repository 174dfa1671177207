package io.prescale.cli.tune;

import io.prescale.core.series.LoadProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The benchmark's default load profiles when no {@code --profiles} is given: seeded days at 30-minute steps with a
 * daily shape (night trough, afternoon peak), day-to-day level changes and noise, every fourth day an edge case
 * (a flash crowd of 2–3× for 1–2 hours, or a ramp). A stand-in for {@code generate sample}'s typical days and edge
 * cases that needs no trained model.
 */
final class BenchProfiles {
    private BenchProfiles() {}

    static List<LoadProfile> days(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LoadProfile> out = new ArrayList<>();
        Instant start = Instant.parse("2026-01-05T00:00:00Z");
        for (int d = 0; d < n; d++) {
            double level = 80 * (0.8 + 0.4 * random.nextDouble());
            double[] values = new double[48];
            for (int i = 0; i < 48; i++) {
                double hour = i / 2.0;
                double shape = 0.35 + 0.65 * Math.pow(Math.max(0, Math.sin(Math.PI * (hour - 6) / 18)), 1.5);
                values[i] = Math.max(1, level * shape * (1 + 0.08 * (random.nextDouble() - 0.5) * 2));
            }
            String kind = "typical";
            if (d % 4 == 3) {
                int at = 16 + random.nextInt(24);
                int length = 2 + random.nextInt(3);
                double factor = 2 + random.nextDouble();
                boolean ramp = random.nextBoolean();
                for (int i = at; i < Math.min(48, at + length * (ramp ? 3 : 1)); i++) {
                    values[i] *= ramp ? 1 + (factor - 1) * (i - at + 1) / (length * 3.0) : factor;
                }
                kind = ramp ? "edge-case:ramp" : "edge-case:flash-crowd";
            }
            out.add(LoadProfile.of(
                    start.plus(Duration.ofDays(d)),
                    Duration.ofMinutes(30),
                    values,
                    Map.of("source", "bench tune synthetic day", "kind", kind, "seed", seed)));
        }
        return out;
    }
}
