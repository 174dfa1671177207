package io.prescale.core.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.forecast.ForecastModel;
import io.prescale.core.forecast.QuantileForecast;
import io.prescale.core.series.TimeSeries;
import io.prescale.core.testing.SyntheticLoad;
import org.junit.jupiter.api.Test;

class SeasonalQuantileForecasterTest {
    @Test
    void beatsPersistenceOnASeasonalSeriesAndItsP90CoversAboutNinetyPercent() {
        TimeSeries series = SyntheticLoad.daily(24, 5);
        int train = 20 * 48;
        ForecastModel model = new SeasonalQuantileForecaster().fit(series.slice(0, train));
        double modelError = 0;
        double persistenceError = 0;
        int covered = 0;
        int count = 0;
        for (int t = train; t + 4 < series.size(); t++) {
            QuantileForecast f = model.forecast(series.slice(0, t), 4, new double[] {0.5, 0.9});
            double actual = series.valueAt(t + 3);
            modelError += Math.abs(actual - f.value(3, 0));
            persistenceError += Math.abs(actual - series.valueAt(t - 1));
            covered += actual <= f.value(3, 1) ? 1 : 0;
            count++;
        }
        assertThat(modelError).isLessThan(0.5 * persistenceError);
        assertThat(covered / (double) count).isBetween(0.8, 0.97);
    }

    @Test
    void quantilesDoNotCrossAndTheForecastStartsAtTheEndOfHistory() {
        TimeSeries series = SyntheticLoad.daily(10, 6);
        QuantileForecast f =
                new SeasonalQuantileForecaster().fit(series).forecast(series, 300, new double[] {0.1, 0.5, 0.99});
        assertThat(f.origin()).isEqualTo(series.end());
        for (int h = 0; h < f.horizon(); h++) {
            assertThat(f.value(h, 0)).isLessThanOrEqualTo(f.value(h, 1));
            assertThat(f.value(h, 1)).isLessThanOrEqualTo(f.value(h, 2));
        }
    }

    @Test
    void roundsTheDailyPeriodWhenTheStepDoesNotDivideADay() {
        double[] values = new double[4 * 206]; // 7-minute steps, about 206 per day, four days
        for (int i = 0; i < values.length; i++) {
            values[i] = 100 + 50 * Math.sin(2 * Math.PI * i * 7 / 1440.0);
        }
        TimeSeries series = TimeSeries.of(java.time.Instant.EPOCH, java.time.Duration.ofMinutes(7), values);
        QuantileForecast f = new SeasonalQuantileForecaster().fit(series).forecast(series, 3, new double[] {0.5});
        assertThat(f.value(0, 0))
                .isCloseTo(
                        100 + 50 * Math.sin(2 * Math.PI * values.length * 7 / 1440.0),
                        org.assertj.core.data.Offset.offset(5.0));
    }

    @Test
    void refusesHistoryShorterThanTwoDays() {
        assertThatThrownBy(() -> new SeasonalQuantileForecaster()
                        .fit(SyntheticLoad.daily(10, 1).slice(0, 96)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shorter than two days");
    }
}
