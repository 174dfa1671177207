package io.prescale.core.scale;

import io.prescale.core.forecast.QuantileForecast;
import java.time.Duration;

/**
 * The forecast steps one decision looks at: {@code [o, o + k]} for scale-out and {@code [o, o + k + cd]} for
 * scale-in, where o is now's step in the forecast, k the lead and cd the cooldown in steps (rounded up; k ≥ 1).
 */
record Window(double upPeak, int upSteps, double downPeak, int downSteps, boolean downVisible, String problem) {
    static Window of(ScalingState state, QuantileForecast forecast, ScalingController.Options options) {
        long stepNanos = forecast.step().toNanos();
        int o = (int) (Duration.between(forecast.origin(), state.now()).toNanos() / stepNanos);
        int k = (int) Math.max(1, ceilDiv(options.lead().toNanos(), stepNanos));
        int cd = (int) ceilDiv(options.cooldown().toNanos(), stepNanos);
        int q = forecast.indexOfLevel(options.quantile());
        int upEnd = o + k;
        if (forecast.horizon() <= upEnd) {
            return problem("the forecast covers " + forecast.horizon() + " steps but the lead needs " + (upEnd + 1));
        }
        int downEnd = Math.min(o + k + cd, forecast.horizon() - 1);
        double upPeak = 0;
        double downPeak = 0;
        for (int h = o; h <= downEnd; h++) {
            double value = forecast.value(h, q);
            if (!Double.isFinite(value)) {
                return problem("forecast step " + h + " is " + value + " (non-finite forecast)");
            }
            if (h <= upEnd) {
                upPeak = Math.max(upPeak, value);
            }
            downPeak = Math.max(downPeak, value);
        }
        return new Window(upPeak, k + 1, downPeak, o + k + cd - o + 1, downEnd == o + k + cd, null);
    }

    private static Window problem(String why) {
        return new Window(Double.NaN, 0, Double.NaN, 0, false, why);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
