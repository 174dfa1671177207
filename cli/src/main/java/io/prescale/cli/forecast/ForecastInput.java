package io.prescale.cli.forecast;

import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.DurationConverter;
import io.prescale.core.series.ShippedTrace;
import io.prescale.core.series.TimeSeries;
import io.prescale.core.series.TraceReadOptions;
import io.prescale.core.series.TraceReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;

/** What the forecast commands share: reading the input series, the horizon and time options, events. */
public final class ForecastInput {
    private ForecastInput() {}

    /** A shipped trace by its series name (e.g. {@code nyc_taxi}), for the benchmark. */
    public static TimeSeries readShipped(String name) {
        for (ShippedTrace trace : ShippedTrace.values()) {
            if (trace.seriesName().equals(name)) {
                try (InputStream in = trace.open()) {
                    return TraceReader.read(in, trace.fileName(), TraceReadOptions.defaults())
                            .series();
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read shipped trace " + name, e);
                }
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a shipped trace; expected one of "
                + Arrays.stream(ShippedTrace.values())
                        .map(ShippedTrace::seriesName)
                        .toList());
    }

    /** Rejects what no model can learn from: all gaps, constant values, negative counts. */
    static void checkSeries(TimeSeries series, String option, String source) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : series.values()) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            throw new BadInputException(option, source, option + " '" + source + "' has no finite values (all NaN)");
        }
        if (min == max) {
            throw new BadInputException(
                    option,
                    source,
                    option + " '" + source + "' is constant (" + min + "); there is nothing to forecast");
        }
        if (min < 0) {
            throw new BadInputException(
                    option,
                    source,
                    option + " '" + source + "' has a negative count (" + min + "); expected load counts >= 0");
        }
    }

    /** Whole steps ({@code 5}) or a duration that is a whole number of steps ({@code 2h30m} → 5 at 30 min). */
    static int steps(String option, String value, Duration step) {
        String text = value.strip();
        long steps;
        if (text.matches("-?\\d+")) {
            steps = Long.parseLong(text);
        } else {
            Duration duration;
            try {
                duration = compound(text);
            } catch (RuntimeException e) {
                throw new BadInputException(
                        option,
                        value,
                        option + " '" + value + "' is neither whole steps nor a duration (e.g. 5, 2h30m, PT1H)");
            }
            if (duration.toNanos() % step.toNanos() != 0) {
                throw new BadInputException(
                        option, value, option + " '" + value + "' is not a whole number of " + step + " steps");
            }
            steps = duration.toNanos() / step.toNanos();
        }
        if (steps < 1 || steps > 100_000) {
            throw new BadInputException(option, value, option + " '" + value + "' must be between 1 and 100000 steps");
        }
        return (int) steps;
    }

    /** {@code 2h30m}-style sums of the units DurationConverter knows, or one duration it parses. */
    static Duration compound(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?(?:ms|s|m|h|d|w))")
                .matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            total = total.plus(DurationConverter.parse(m.group(1)));
            end = m.end();
        }
        return end == text.length() && end > 0 ? total : DurationConverter.parse(text);
    }
}
