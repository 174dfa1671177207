package io.prescale.core.scale;

import io.prescale.core.forecast.ForecastModel;
import io.prescale.core.forecast.Forecaster;
import io.prescale.core.forecast.QuantileForecast;
import java.time.Duration;

/**
 * {@code forecast-scale-out-only}: AWS EC2 Auto Scaling predictive scaling in {@code ForecastAndScale} mode
 * beside a target-tracking policy. Once at least a day of data exists, every 6 h it forecasts the next 48 h
 * (prescale's own p50, model refit at most daily), takes the hourly maximum, and holds
 * ceil(max / (c · U)) as a floor from k steps before each hour ({@code SchedulingBufferTime}); it never scales
 * in. The reactive target-value policy at U does everything else, scale-in included, above the floor.
 */
final class ForecastScaleOutOnlyStrategy implements ScalingStrategy {
    private static final double[] P50 = {0.5};
    private final Forecaster forecaster;
    private final int historySteps;
    private ForecastModel model;
    private int fittedAt = -1;
    private int forecastAt = -1;
    private long firstHour;
    private int[] hourlyFloor = new int[0];

    ForecastScaleOutOnlyStrategy(Forecaster forecaster, int historySteps) {
        this.forecaster = forecaster;
        this.historySteps = historySteps;
    }

    @Override
    public String name() {
        return "forecast-scale-out-only";
    }

    @Override
    public int desiredInstances(SimulationView view) {
        int t = view.t();
        int count = view.totalInstances();
        if (t == 0) {
            return count;
        }
        refresh(view);
        int floor = Math.max(floorAt(view, t), floorAt(view, t + view.settings().startupSteps()));
        int reactive = count;
        if (!TargetValue.inCooldown(view)) {
            SimulationSettings s = view.settings();
            int wanted = TargetValue.desired(
                    view.observed(t - 1), count, s.capacity(), s.targetUtilization(), s.reactiveThreshold());
            reactive = wanted == TargetValue.NO_METRIC ? count : wanted;
        }
        return Math.max(floor, reactive);
    }

    private void refresh(SimulationView view) {
        SimulationSettings s = view.settings();
        int t = view.t();
        if (t < s.stepsIn(Duration.ofDays(1)) || (forecastAt >= 0 && t - forecastAt < s.stepsIn(Duration.ofHours(6)))) {
            return;
        }
        if (model == null || t - fittedAt >= s.stepsIn(Duration.ofDays(1))) {
            try {
                model = forecaster.fit(view.history(historySteps));
                fittedAt = t;
            } catch (IllegalArgumentException e) {
                forecastAt = t; // too little history for this forecaster yet: try again at the next refresh
                if (model == null) {
                    return;
                }
            }
        }
        int horizon = s.stepsIn(Duration.ofHours(48));
        QuantileForecast forecast = model.forecast(view.history(historySteps), horizon, P50);
        firstHour = hourOf(view, t);
        hourlyFloor = new int[(int) (hourOf(view, t + horizon) - firstHour) + 1];
        double[] hourlyMax = new double[hourlyFloor.length];
        for (int h = 0; h < horizon; h++) {
            int hour = (int) (hourOf(view, t + h) - firstHour);
            hourlyMax[hour] = Math.max(hourlyMax[hour], forecast.value(h, 0));
        }
        for (int i = 0; i < hourlyFloor.length; i++) {
            hourlyFloor[i] =
                    (int) Math.min(Integer.MAX_VALUE, Math.ceil(hourlyMax[i] / (s.capacity() * s.targetUtilization())));
        }
        forecastAt = t;
    }

    private int floorAt(SimulationView view, int step) {
        long index = hourOf(view, step) - firstHour;
        return index >= 0 && index < hourlyFloor.length ? hourlyFloor[(int) index] : 0;
    }

    private static long hourOf(SimulationView view, int step) {
        return Math.floorDiv(view.timeAt(step).getEpochSecond(), 3600);
    }
}
