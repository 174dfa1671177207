package io.prescale.nomad.bench;

import io.prescale.core.series.TimeSeries;
import io.prescale.nomad.loop.LoadSource;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Seeded synthetic loads for {@code q<i>} queries: a daily curve (peak 180, trough 20 requests/s) shifted by a
 * per-query phase, with multiplicative noise. With {@code faultRate} &gt; 0 a read is, with that probability each,
 * all NaN (a missing metric) or ends an hour early (a stale metric); both are counted.
 */
final class SyntheticLoads implements LoadSource {
    private final long seed;
    private final double faultRate;
    private final AtomicInteger nanReads = new AtomicInteger();
    private final AtomicInteger staleReads = new AtomicInteger();

    SyntheticLoads(long seed, double faultRate) {
        this.seed = seed;
        this.faultRate = faultRate;
    }

    @Override
    public TimeSeries read(String query, Instant start, Instant end, Duration step) {
        int id = Integer.parseInt(query.substring(1));
        int n = (int) (Duration.between(start, end).toMillis() / step.toMillis());
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + id * 7919L + start.getEpochSecond());
        double phase = (id % 24) / 24.0;
        double[] v = new double[n];
        long t0 = start.getEpochSecond();
        long s = step.getSeconds();
        for (int i = 0; i < n; i++) {
            double day = ((t0 + i * s) % 86_400) / 86_400.0;
            v[i] = (100 + 80 * Math.sin(2 * Math.PI * (day - 0.25 - phase))) * (0.95 + 0.1 * r.nextDouble());
        }
        if (faultRate > 0) {
            double u = r.nextDouble();
            if (u < faultRate) {
                java.util.Arrays.fill(v, Double.NaN);
                nanReads.incrementAndGet();
            } else if (u < 2 * faultRate) {
                int stale = (int) Math.min(n, Duration.ofHours(1).toMillis() / step.toMillis());
                java.util.Arrays.fill(v, n - stale, n, Double.NaN);
                staleReads.incrementAndGet();
            }
        }
        return TimeSeries.of(start, step, v);
    }

    int nanReads() {
        return nanReads.get();
    }

    int staleReads() {
        return staleReads.get();
    }
}
