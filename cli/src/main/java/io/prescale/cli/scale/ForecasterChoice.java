package io.prescale.cli.scale;

import io.prescale.cli.base.BadInputException;
import io.prescale.core.forecast.ForecastOptions;
import io.prescale.core.forecast.Forecaster;
import io.prescale.core.forecast.Forecasters;
import io.prescale.core.scale.SeasonalQuantileForecaster;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The forecasters the controller can use, by name: its own fast {@code seasonal-quantile} (the default, which the
 * simulator refits cheaply at every step) and every model of {@code io.prescale.core.forecast} ({@code auto},
 * {@code holt-winters}, {@code arima}…) with their default options.
 */
final class ForecasterChoice {
    static final String DEFAULT = SeasonalQuantileForecaster.NAME;
    private static final Map<String, Supplier<Forecaster>> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put(SeasonalQuantileForecaster.NAME, SeasonalQuantileForecaster::new);
        for (String name : Forecasters.NAMES) {
            KNOWN.put(name, () -> Forecasters.byName(name, ForecastOptions.defaults()));
        }
    }

    private ForecasterChoice() {}

    static Supplier<Forecaster> byName(String name) {
        Supplier<Forecaster> supplier = KNOWN.get(name);
        if (supplier == null) {
            throw new BadInputException(
                    "--forecaster",
                    name,
                    "--forecaster '" + name + "' is not known; expected one of " + String.join(", ", KNOWN.keySet()));
        }
        return supplier;
    }
}
