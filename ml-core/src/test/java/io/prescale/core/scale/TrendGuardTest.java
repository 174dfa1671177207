package io.prescale.core.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.forecast.QuantileForecast;
import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrendGuardTest {
    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final double[] LEVELS = {0.1, 0.5, 0.9};

    /** A flat forecast at {@code level} for {@code horizon} steps from the end of {@code history}. */
    private static QuantileForecast flat(TimeSeries history, double level, int horizon) {
        double[][] v = new double[horizon][];
        for (int h = 0; h < horizon; h++) {
            v[h] = new double[] {0.9 * level, level, 1.1 * level};
        }
        return new QuantileForecast(history.end(), MINUTE, LEVELS, v);
    }

    private static TimeSeries series(double[] v) {
        return TimeSeries.of(START, MINUTE, v);
    }

    @Test
    void anUnannouncedRampRaisesTheUpperQuantilesAlongItsSlope() {
        double[] v = new double[60];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < 40 ? 100 : 100 + 10 * (i - 39); // +10 per minute over the last 20 minutes
        }
        TimeSeries history = series(v);
        QuantileForecast guarded = TrendGuard.of(15).apply(history, flat(history, 100, 10));

        assertThat(guarded.value(9, 2)).isGreaterThan(v[59] + 90); // extrapolated ten more minutes
        assertThat(guarded.value(0, 0)).isEqualTo(90.0); // the low quantile is left alone
        assertThat(guarded.value(0, 1)).isGreaterThanOrEqualTo(v[59]);
    }

    @Test
    void noiseWithoutATrendLeavesTheForecastAlone() {
        SplittableRandom random = new SplittableRandom(7);
        double[] v = new double[60];
        for (int i = 0; i < v.length; i++) {
            v[i] = 100 + 10 * random.nextGaussian();
        }
        TimeSeries history = series(v);
        QuantileForecast forecast = flat(history, 100, 10);

        assertThat(TrendGuard.of(15).apply(history, forecast)).isSameAs(forecast);
    }

    @Test
    void aFallingLoadNeverChangesTheForecast() {
        double[] v = new double[30];
        for (int i = 0; i < v.length; i++) {
            v[i] = 500 - 10 * i;
        }
        TimeSeries history = series(v);
        QuantileForecast forecast = flat(history, 300, 5);

        assertThat(TrendGuard.of(15).apply(history, forecast)).isSameAs(forecast);
    }

    @Test
    void aForecastAlreadyAboveTheTrendIsKept() {
        double[] v = new double[30];
        for (int i = 0; i < v.length; i++) {
            v[i] = 100 + i;
        }
        TimeSeries history = series(v);
        QuantileForecast forecast = flat(history, 1000, 5);

        assertThat(TrendGuard.of(15).apply(history, forecast)).isSameAs(forecast);
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> TrendGuard.of(3)).hasMessageContaining("at least 4 steps, got 3");
        assertThatThrownBy(() -> new TrendGuard(10, 0)).hasMessageContaining("> 0, got 0.0");
    }
}
