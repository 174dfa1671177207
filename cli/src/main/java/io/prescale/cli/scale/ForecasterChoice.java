package io.prescale.cli.scale;

import io.prescale.cli.output.BadInputException;
import io.prescale.core.forecast.Forecaster;
import io.prescale.core.scale.SeasonalQuantileForecaster;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The forecasters the controller can use, by name. {@code auto} from {@code io.prescale.core.forecast} becomes
 * the default here once that package ships it (one line at merge time).
 */
final class ForecasterChoice {
    static final String DEFAULT = SeasonalQuantileForecaster.NAME;
    private static final Map<String, Supplier<Forecaster>> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put(SeasonalQuantileForecaster.NAME, SeasonalQuantileForecaster::new);
    }

    private ForecasterChoice() {
    }

    static Supplier<Forecaster> byName(String name) {
        Supplier<Forecaster> supplier = KNOWN.get(name);
        if (supplier == null) {
            throw new BadInputException("--forecaster", name, "--forecaster '" + name + "' is not known; expected one of "
                    + String.join(", ", KNOWN.keySet()));
        }
        return supplier;
    }
}
