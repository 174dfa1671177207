package io.prescale.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.nn.ModelArchive;
import io.prescale.core.nn.ModelManifest;
import io.prescale.core.series.TimeSeries;
import io.prescale.core.testing.SyntheticLoad;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForecastModelFileTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"seasonal-naive-weekly", "holt-winters", "arima", "prophet", "auto"})
    void savedModelsForecastExactlyAsBefore(String name) throws Exception {
        TimeSeries series = SyntheticLoad.weekly(48 * 21, 17, 0.03);
        ForecastOptions options = ForecastOptions.defaults()
                .withHorizon(4)
                .withEvents(List.of(new Event("holiday", series.timeAt(100), series.timeAt(148))));
        ForecastModel model = Forecasters.byName(name, options).fit(series);
        Path file = temp.resolve(name + ".zip");
        ForecastModelFile.save(model, file, "test", Instant.EPOCH);
        ForecastModel loaded = ForecastModelFile.load(file);
        double[] levels = {0.1, 0.5, 0.9, 0.99};
        QuantileForecast a = model.forecast(series, 30, levels);
        QuantileForecast b = loaded.forecast(series, 30, levels);
        for (double level : levels) {
            assertThat(b.quantile(level)).containsExactly(a.quantile(level));
        }
        assertThat(loaded.provenance().model()).isEqualTo(name);
        assertThat(loaded.provenance().dataTo()).isEqualTo(series.end());
    }

    @ParameterizedTest
    @ValueSource(strings = {"seasonal-naive-weekly", "holt-winters", "arima", "auto"})
    void eventAwareModelsKeepTheirCalendarAndEffectsInTheFile(String name) throws Exception {
        TimeSeries series = SyntheticLoad.weekly(48 * 21, 23, 0.03);
        List<Event> events = new java.util.ArrayList<>();
        for (int day = 2; day < 24; day += 3) { // the last two lie after the data: future occurrences
            events.add(new Event("match" + day, series.timeAt(48 * day + 36), series.timeAt(48 * day + 40)));
        }
        ForecastModel model = Forecasters.byName(
                        name, ForecastOptions.defaults().withHorizon(4), EventCalendar.of(events))
                .fit(series);
        Path file = temp.resolve(name + "-events.zip");
        ForecastModelFile.save(model, file, "test", Instant.EPOCH);
        ForecastModel loaded = ForecastModelFile.load(file);

        double[] levels = {0.1, 0.5, 0.9};
        QuantileForecast a = model.forecast(series, 60, levels);
        QuantileForecast b = loaded.forecast(series, 60, levels);
        for (double level : levels) {
            assertThat(b.quantile(level)).containsExactly(a.quantile(level));
        }
        assertThat(loaded).isInstanceOf(EventAwareForecaster.Model.class);
        assertThat(loaded.provenance().fit()).containsKey("eventEffects");
    }

    @Test
    void theHoltWintersArimaCombinationRoundTripsWithOrderedQuantiles() throws Exception {
        TimeSeries series = SyntheticLoad.weekly(48 * 21, 19, 0.02);
        ForecastModel model = new AutoForecaster(ForecastOptions.defaults().withHorizon(3))
                .fitNamed(AutoForecaster.COMBINATION, java.util.Map.of(), series);
        Path file = temp.resolve("combo.zip");
        ForecastModelFile.save(model, file, "test", Instant.EPOCH);
        double[] levels = {0.1, 0.5, 0.9};
        QuantileForecast a = model.forecast(series, 10, levels);
        QuantileForecast b = ForecastModelFile.load(file).forecast(series, 10, levels);
        assertThat(b.quantile(0.5)).containsExactly(a.quantile(0.5));
        for (int h = 0; h < 10; h++) {
            assertThat(a.value(h, 0)).isLessThanOrEqualTo(a.value(h, 1));
            assertThat(a.value(h, 1)).isLessThanOrEqualTo(a.value(h, 2));
        }
    }

    @Test
    void anotherFormatVersionIsRefusedNamingBothVersions() throws Exception {
        Path file = temp.resolve("old.zip");
        ModelArchive.write(file, new ModelManifest("forecast", 7, "0", Instant.EPOCH, Map.of()), Map.of());
        assertThatThrownBy(() -> ForecastModelFile.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7")
                .hasMessageContaining("version 1");
    }
}
