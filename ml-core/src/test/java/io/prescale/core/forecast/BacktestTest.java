package io.prescale.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.series.TimeSeries;
import io.prescale.core.testing.SyntheticLoad;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTest {
    @Test
    void fitsOnlyOnDataBeforeEachOriginAndRefitsOnSchedule() {
        TimeSeries series = SyntheticLoad.weekly(1000, 3, 0);
        List<Instant> fitEnds = new ArrayList<>();
        Forecaster spy = new Forecaster() {
            final Forecaster inner = Forecasters.byName(
                    "seasonal-naive-daily", ForecastOptions.defaults().withHorizon(5));

            @Override
            public String name() {
                return "spy";
            }

            @Override
            public ForecastModel fit(TimeSeries history) {
                fitEnds.add(history.end());
                return inner.fit(history);
            }
        };
        BacktestResult result = Backtest.run(series, spy, new BacktestSpec(5, 800, 50));
        assertThat(fitEnds.get(0)).isEqualTo(series.timeAt(800 - 5 + 1));
        assertThat(fitEnds).hasSize(4);
        assertThat(fitEnds).allSatisfy(end -> assertThat(end).isBeforeOrEqualTo(series.timeAt(1000 - 5 + 1)));
        assertThat(result.metrics().targets()).isEqualTo(200);
        assertThat(result.skippedTargets()).isZero();
    }

    @Test
    void nanTargetsAreSkippedAndCounted() {
        TimeSeries series = SyntheticLoad.weekly(1000, 4, 0.1);
        int nan = 0;
        for (int i = 800; i < 1000; i++) {
            nan += Double.isNaN(series.valueAt(i)) ? 1 : 0;
        }
        BacktestResult result = Backtest.run(
                series, Forecasters.byName("naive", ForecastOptions.defaults()), new BacktestSpec(1, 800, 48));
        assertThat(nan).isPositive();
        assertThat(result.skippedTargets()).isEqualTo(nan);
        assertThat(result.metrics().targets()).isEqualTo(200 - nan);
    }

    @Test
    void testFromOutsideTheSeriesIsRejected() {
        TimeSeries series = SyntheticLoad.weekly(100, 4, 0);
        assertThatThrownBy(() -> Backtest.run(
                        series, Forecasters.byName("naive", ForecastOptions.defaults()), new BacktestSpec(1, 100, 48)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100");
    }
}
