package io.prescale.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GapMaskedForecasterTest {
    @Test
    void fitsOnTheMaskedHistoryAndForecastsFromTheRealOne() {
        List<TimeSeries> fitted = new ArrayList<>();
        List<TimeSeries> forecastFrom = new ArrayList<>();
        Forecaster recording = new Forecaster() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public ForecastModel fit(TimeSeries history) {
                fitted.add(history);
                return (h, horizon, levels) -> {
                    forecastFrom.add(h);
                    return Forecasters.byName("naive", ForecastOptions.defaults())
                            .fit(h)
                            .forecast(h, horizon, levels);
                };
            }
        };
        Forecaster masked = new GapMaskedForecaster(recording, h -> {
            double[] v = h.values();
            v[2] = Double.NaN;
            return TimeSeries.of(h.start(), h.step(), v);
        });
        TimeSeries history = TimeSeries.of(Instant.EPOCH, Duration.ofMinutes(1), new double[] {1, 2, 99, 4, 5, 6});
        ForecastModel model = masked.fit(history);
        model.forecast(history, 2, new double[] {0.5, 0.9});
        assertThat(masked.name()).isEqualTo("recording");
        assertThat(fitted.get(0).values()[2]).isNaN();
        assertThat(forecastFrom.get(0).values()[2]).isEqualTo(99);
        ((Refittable) model).refit(history);
        assertThat(fitted).hasSize(2);
        assertThat(fitted.get(1).values()[2]).isNaN();
    }
}
