package io.prescale.nomad.loop;

import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;

/** A synthetic daily load for loop tests: 100 + 80·sin(2π(h − 6)/24) requests/s, peak 180 at 12:00 UTC, 20 at 00:00. */
final class DailyLoad implements LoadSource {
    static double at(Instant t) {
        double hours = (t.getEpochSecond() % 86_400) / 3600.0;
        return 100 + 80 * Math.sin(2 * Math.PI * (hours - 6) / 24);
    }

    @Override
    public TimeSeries read(String query, Instant start, Instant end, Duration step) {
        int n = (int) (Duration.between(start, end).toMillis() / step.toMillis());
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = at(start.plus(step.multipliedBy(i)));
        }
        return TimeSeries.of(start, step, v);
    }
}
