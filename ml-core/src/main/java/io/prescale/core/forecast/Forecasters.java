package io.prescale.core.forecast;

import java.util.List;
import java.util.Objects;

/** The forecasters by the names the CLI uses. */
public final class Forecasters {
    /** Every model name, in the order {@code --models all} runs them. */
    public static final List<String> NAMES = List.of(
            "naive",
            "seasonal-naive-daily",
            "seasonal-naive-weekly",
            "holt-winters",
            "arima",
            "prophet",
            "lstm",
            "auto");

    private Forecasters() {}

    /**
     * The forecaster called {@code name}.
     *
     * @throws IllegalArgumentException naming the unknown name and the known ones
     */
    public static Forecaster byName(String name, ForecastOptions options) {
        Objects.requireNonNull(options, "options");
        return switch (Objects.requireNonNull(name, "name")) {
            case "naive" -> new NaiveForecaster(NaiveForecaster.Kind.NAIVE, options);
            case "seasonal-naive-daily" -> new NaiveForecaster(NaiveForecaster.Kind.DAILY, options);
            case "seasonal-naive-weekly" -> new NaiveForecaster(NaiveForecaster.Kind.WEEKLY, options);
            case "holt-winters" -> new HoltWinters(options);
            case "arima" -> new Arima(options);
            case "prophet" -> new ProphetStyle(options);
            case "lstm" -> new LstmForecaster(options);
            case "auto" -> new AutoForecaster(options);
            default -> throw new IllegalArgumentException("unknown model '" + name + "', expected one of " + NAMES);
        };
    }

    /**
     * The forecaster called {@code name}, aware of the scheduled events of {@code calendar}
     * ({@link EventAwareForecaster}); the Prophet-style model takes its events from {@code options} instead.
     */
    public static Forecaster byName(String name, ForecastOptions options, EventCalendar calendar) {
        Forecaster forecaster = byName(name, options);
        return "prophet".equals(name) ? forecaster : EventAwareForecaster.wrap(forecaster, calendar);
    }
}
