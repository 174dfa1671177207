package io.prescale.core.forecast;

import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learned multiplicative effects of scheduled events, one profile per event kind, in the manner of the
 * holiday/event regressors of Prophet (Taylor &amp; Letham 2018) but non-parametric: the profile runs over a
 * shoulder before the start, the event itself (stretched to the kind's typical length) and a shoulder after
 * the end. Each occurrence in the history contributes, per bin, the ratio of the observed load to a baseline
 * made of the same phase one, two and three seasons before and after, outside every event; the bin's factor is
 * the median ratio shrunk towards 1 by {@code n / (n + priorOccurrences)} for n contributing occurrences. A
 * kind without any past occurrence has no effect (factor 1): there is no honest prior for an unseen event.
 * Immutable and thread-safe.
 */
public final class EventEffects {
    /** Shrinkage prior, in occurrences: one occurrence gives half its median ratio's departure from 1. */
    static final double PRIOR_OCCURRENCES = 1.0;
    /** Each shoulder is this share of the kind's typical length (ramps before a start, tails after an end). */
    static final double SHOULDER_SHARE = 0.5;
    /** The body of a profile has at most this many bins (longer events are stretched onto them). */
    static final int MAX_BODY_BINS = 96;

    static final double MIN_FACTOR = 0.05;
    static final double MAX_FACTOR = 20;
    private static final int BASELINE_SEASONS = 3;

    /**
     * The learned profile of one kind.
     *
     * @param pre bins before the start (one step each)
     * @param body bins over the event (its typical length in steps, at most {@link #MAX_BODY_BINS})
     * @param post bins after the end (one step each)
     * @param factors {@code pre + body + post} multiplicative factors
     * @param occurrences past occurrences that contributed
     */
    public record Profile(String kind, int pre, int body, int post, double[] factors, int occurrences) {
        public Profile {
            factors = factors.clone();
        }

        @Override
        public double[] factors() {
            return factors.clone();
        }

        /** The largest departure from 1 over the profile, as a factor (e.g. 1.8 for a ×1.8 peak). */
        public double peakFactor() {
            double peak = 1;
            for (double f : factors) {
                if (Math.abs(f - 1) > Math.abs(peak - 1)) {
                    peak = f;
                }
            }
            return peak;
        }
    }

    private final EventCalendar calendar;
    private final Duration step;
    private final Map<String, Profile> profiles;
    private final int ignoredOccurrences;

    private EventEffects(EventCalendar calendar, Duration step, Map<String, Profile> profiles, int ignored) {
        this.calendar = calendar;
        this.step = step;
        this.profiles = profiles;
        this.ignoredOccurrences = ignored;
    }

    /** Effects as saved in a model file: the calendar, the step and the learned profiles. */
    static EventEffects restore(EventCalendar calendar, Duration step, Map<String, Profile> profiles, int ignored) {
        return new EventEffects(calendar, step, Map.copyOf(profiles), ignored);
    }

    /** The step the profiles' bins are measured in. */
    Duration step() {
        return step;
    }

    /** No events: every factor is 1. */
    public static EventEffects none(Duration step) {
        return new EventEffects(EventCalendar.empty(), step, Map.of(), 0);
    }

    /**
     * Learns one profile per kind of {@code calendar} from {@code history} (gaps allowed). Occurrences outside
     * the history are ignored for learning (and counted); every occurrence, past or future, is then applied.
     */
    public static EventEffects learn(TimeSeries history, EventCalendar calendar) {
        if (calendar.isEmpty() || history.isEmpty()) {
            return new EventEffects(
                    calendar, history.step(), Map.of(), calendar.events().size());
        }
        double[] values = history.values();
        int period = baselinePeriod(history);
        Map<String, Geometry> geometries = geometries(calendar, history.step());
        boolean[] inEvent = new boolean[values.length];
        for (Event event : calendar.events()) {
            Geometry g = geometries.get(event.kind());
            long from = anchor(history, event) - g.pre;
            long to = anchor(history, event) + length(event, history.step()) + g.post;
            for (long i = Math.max(0, from); i < Math.min(values.length, to); i++) {
                inEvent[(int) i] = true;
            }
        }
        Map<String, Profile> profiles = new LinkedHashMap<>();
        int ignored = 0;
        for (String kind : calendar.kinds()) {
            Geometry g = geometries.get(kind);
            List<List<Double>> ratios = new ArrayList<>();
            for (int b = 0; b < g.bins(); b++) {
                ratios.add(new ArrayList<>());
            }
            int contributing = 0;
            for (Event event : calendar.occurrences(kind)) {
                long startStep = anchor(history, event);
                long endStep = startStep + length(event, history.step());
                if (endStep <= 0 || startStep >= values.length) {
                    ignored++;
                    continue;
                }
                boolean any = false;
                for (long i = startStep - g.pre; i < endStep + g.post; i++) {
                    if (i < 0 || i >= values.length || !Double.isFinite(values[(int) i])) {
                        continue;
                    }
                    double base = baseline(values, inEvent, (int) i, period);
                    if (!(base > 0)) {
                        continue;
                    }
                    int bin = g.bin(i, startStep, endStep);
                    if (bin >= 0) {
                        ratios.get(bin).add(values[(int) i] / base);
                        any = true;
                    }
                }
                if (any) {
                    contributing++;
                }
            }
            if (contributing == 0) {
                continue;
            }
            double[] factors = new double[g.bins()];
            for (int b = 0; b < factors.length; b++) {
                List<Double> r = ratios.get(b);
                if (r.isEmpty()) {
                    factors[b] = 1;
                    continue;
                }
                double median = median(r);
                double weight = r.size() / (r.size() + PRIOR_OCCURRENCES);
                factors[b] = Math.max(MIN_FACTOR, Math.min(MAX_FACTOR, 1 + weight * (median - 1)));
            }
            profiles.put(kind, new Profile(kind, g.pre, g.body, g.post, factors, contributing));
        }
        return new EventEffects(calendar, history.step(), Map.copyOf(profiles), ignored);
    }

    /** The product of the factors of every event whose profile covers {@code time}; 1 outside all of them. */
    public double factorAt(Instant time) {
        double factor = 1;
        for (Event event : calendar.events()) {
            Profile p = profiles.get(event.kind());
            if (p == null) {
                continue;
            }
            long t = Math.floorDiv(Duration.between(event.start(), time).toNanos(), step.toNanos());
            int bin = new Geometry(p.pre, p.body, p.post).bin(t, 0, length(event, step));
            if (bin >= 0) {
                factor *= p.factors[bin];
            }
        }
        return factor;
    }

    /**
     * {@code series} with each step divided by its factor: the load the events did not cause. Costs a copy of
     * the series only when an event's profile overlaps it, plus the overlapping steps.
     */
    public TimeSeries deflate(TimeSeries series) {
        double[] v = null;
        for (Event event : calendar.events()) {
            Profile p = profiles.get(event.kind());
            if (p == null) {
                continue;
            }
            long start = anchor(series, event);
            long end = start + length(event, series.step());
            Geometry g = new Geometry(p.pre, p.body, p.post);
            long from = Math.max(0, start - p.pre);
            long to = Math.min(series.size(), end + p.post);
            for (long i = from; i < to; i++) {
                int bin = g.bin(i, start, end);
                if (bin >= 0) {
                    if (v == null) {
                        v = series.values();
                    }
                    v[(int) i] /= p.factors[bin];
                }
            }
        }
        return v == null ? series : series.withValues(v);
    }

    /** The learned profiles by kind. */
    public Map<String, Profile> profiles() {
        return profiles;
    }

    /** Occurrences that lay outside the history they were learned from. */
    public int ignoredOccurrences() {
        return ignoredOccurrences;
    }

    public EventCalendar calendar() {
        return calendar;
    }

    private record Geometry(int pre, int body, int post) {
        int bins() {
            return pre + body + post;
        }

        /** The bin of step {@code i} for an occurrence over steps {@code [start, end)}, or −1 outside. */
        int bin(long i, long start, long end) {
            if (i < start) {
                long b = pre - (start - i);
                return b >= 0 ? (int) b : -1;
            }
            if (i < end) {
                return pre + (int) Math.min(body - 1, (i - start) * body / Math.max(1, end - start));
            }
            long after = i - end;
            return after < post ? (int) (pre + body + after) : -1;
        }
    }

    private static Map<String, Geometry> geometries(EventCalendar calendar, Duration step) {
        Map<String, Geometry> result = new LinkedHashMap<>();
        for (String kind : calendar.kinds()) {
            long[] lengths = calendar.occurrences(kind).stream()
                    .mapToLong(e -> Math.max(1, ceilSteps(Duration.between(e.start(), e.end()), step)))
                    .sorted()
                    .toArray();
            int typical = (int) Math.min(MAX_BODY_BINS, lengths[lengths.length / 2]);
            int shoulder = (int) Math.max(1, Math.round(typical * SHOULDER_SHARE));
            result.put(kind, new Geometry(shoulder, typical, shoulder));
        }
        return result;
    }

    /** The weekly period when the history holds four weeks, else the daily one, else none (0). */
    private static int baselinePeriod(TimeSeries history) {
        int weekly = Seasonality.weekly(history.step());
        if (weekly > 0 && history.size() >= 4L * weekly) {
            return weekly;
        }
        int daily = Seasonality.daily(history.step());
        return daily > 0 && history.size() >= 3L * daily ? daily : 0;
    }

    /**
     * The load at step {@code i} had no event happened: the median of the same phase up to three seasons before
     * and after, outside events; without a season, the median of the nearest non-event steps around it.
     */
    private static double baseline(double[] values, boolean[] inEvent, int i, int period) {
        List<Double> same = new ArrayList<>();
        if (period > 0) {
            for (int k = 1; k <= BASELINE_SEASONS; k++) {
                for (int j : new int[] {i - k * period, i + k * period}) {
                    if (j >= 0 && j < values.length && !inEvent[j] && Double.isFinite(values[j])) {
                        same.add(values[j]);
                    }
                }
            }
        } else {
            for (int d = 1; d < values.length && same.size() < 6; d++) {
                for (int j : new int[] {i - d, i + d}) {
                    if (j >= 0 && j < values.length && !inEvent[j] && Double.isFinite(values[j])) {
                        same.add(values[j]);
                    }
                }
            }
        }
        return same.isEmpty() ? Double.NaN : median(same);
    }

    /** The index of the first step of {@code series} at or after the event's start (may lie outside it). */
    private static long anchor(TimeSeries series, Event event) {
        long offset = Duration.between(series.start(), event.start()).toNanos();
        return -Math.floorDiv(-offset, series.step().toNanos());
    }

    /** The event's length in whole steps, at least one. */
    private static long length(Event event, Duration step) {
        return Math.max(1, ceilSteps(Duration.between(event.start(), event.end()), step));
    }

    private static long ceilSteps(Duration d, Duration step) {
        return -Math.floorDiv(-d.toNanos(), step.toNanos());
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
