package io.prescale.core.generate;

import io.prescale.core.forecast.Event;
import io.prescale.core.forecast.EventCalendar;
import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic event-driven trace with its published calendar, for benchmarks and tests of event-aware
 * forecasting and scaling: {@code days} days at 1-minute steps from 2026-05-01T00:00Z, a daily cycle
 * 1000 + 500·sin(2π(minute − 540)/1440) requests per minute with 5 % Gaussian noise, and 0–3 "match" events per
 * day (105 minutes, starting uniformly between 10:00 and 20:00 UTC, at least 30 minutes after the previous one
 * ends), each a 30-minute linear ramp before its start to a factor drawn uniformly from [1.5, 2], held to its
 * end, then a 20-minute linear tail. Events are named {@code match1}, {@code match2}, … (kind {@code match}).
 *
 * @param demand the load, requests per minute
 * @param calendar the events as published (start and end of the held part; the ramp precedes the start)
 */
public record ScheduledEventTrace(TimeSeries demand, EventCalendar calendar) {
    /** The start of every generated trace. */
    public static final Instant START = Instant.parse("2026-05-01T00:00:00Z");

    /**
     * Generates the trace; the same {@code seed} gives the same trace.
     *
     * @param days length in days (&ge; 1)
     */
    public static ScheduledEventTrace generate(int days, long seed) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be ≥ 1, got " + days);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] perDay = {0, 1, 2, 2, 3};
        List<int[]> spans = new ArrayList<>(); // {startMinute, endMinute}
        List<Double> factors = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            int count = perDay[random.nextInt(perDay.length)];
            for (int i = 0; i < count; i++) {
                int s = d * 1440 + (int) Math.floor(random.nextDouble(10 * 60, 20 * 60));
                double factor = random.nextDouble(1.5, 2.0);
                if (!spans.isEmpty() && s < spans.get(spans.size() - 1)[1] + 30) {
                    continue;
                }
                spans.add(new int[] {s, s + 105});
                factors.add(factor);
            }
        }
        int n = days * 1440;
        double[] values = new double[n];
        for (int t = 0; t < n; t++) {
            int minute = t % 1440;
            double base = 1000 + 500 * Math.sin(2 * Math.PI * (minute - 9 * 60) / 1440.0);
            double f = 1;
            for (int e = 0; e < spans.size(); e++) {
                int s = spans.get(e)[0];
                int end = spans.get(e)[1];
                double m = factors.get(e);
                if (t >= s - 30 && t < s) {
                    f = Math.max(f, 1 + (m - 1) * (t - (s - 30)) / 30.0);
                } else if (t >= s && t < end) {
                    f = Math.max(f, m);
                } else if (t >= end && t < end + 20) {
                    f = Math.max(f, m - (m - 1) * (t - end) / 20.0);
                }
            }
            values[t] = Math.max(0, base * f * (1 + 0.05 * random.nextGaussian()));
        }
        List<Event> events = new ArrayList<>();
        for (int e = 0; e < spans.size(); e++) {
            events.add(new Event(
                    "match" + (e + 1),
                    START.plus(Duration.ofMinutes(spans.get(e)[0])),
                    START.plus(Duration.ofMinutes(spans.get(e)[1]))));
        }
        return new ScheduledEventTrace(TimeSeries.of(START, Duration.ofMinutes(1), values), EventCalendar.of(events));
    }
}
