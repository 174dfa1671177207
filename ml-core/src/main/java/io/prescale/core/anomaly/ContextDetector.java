package io.prescale.core.anomaly;

import io.prescale.core.series.TimeSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code context}: a contextual anomaly detector in the manner of CAD OSE (M. Smirnov's Contextual Anomaly
 * Detector, open-source edition, the NAB 2016 competition winner; NAB {@code nab/detectors/context_ose}), written
 * here from its description. Each value is quantised into {@code bits} binary "facts". A context pairs a left
 * set of facts (the previous step's facts together with the contexts that were active then, as "neuron" facts)
 * with a right set (the current step's facts); contexts are learnt as the stream goes, and from intersections of
 * existing ones. Every step: the previous step's fully matched left halves predict right halves (those with the
 * best hit ratio so far), a value whose facts were not all predicted is surprising, and its score is
 * {@code (1 − active/selected + new/potential)/2}: few of the selected contexts confirmed and many new ones needed
 * means an unfamiliar situation. After a score of at least {@code alarm}, scores are held at 0 for
 * {@code restPeriod} rows. Streaming without knowing the future: the value range is the range of the first
 * {@code learning} rows (which are then replayed and score 0), widened whenever a later value falls outside it.
 * Deterministic; causal.
 */
public final class ContextDetector implements AnomalyDetector {
    /**
     * @param bits         bits per quantised value (reference: 3, i.e. 8 levels)
     * @param maxLeft      largest left half made from an intersection (reference: 7)
     * @param maxActive    active contexts carried into the next step as facts (reference: 15)
     * @param alarm        score after which alarms rest (reference: 0.75)
     * @param restPeriod   rows an alarm rests (reference: NAB's probationary period / 5, about 120)
     * @param learning     rows that fix the initial value range
     * @param maxContexts  contexts learnt at most (memory bound on long streams); later steps only match
     */
    public record Options(
            int bits, int maxLeft, int maxActive, double alarm, int restPeriod, int learning, int maxContexts) {
        public Options {
            if (bits < 1
                    || bits > 16
                    || maxLeft < 1
                    || maxActive < 1
                    || restPeriod < 0
                    || learning < 2
                    || maxContexts < 1
                    || !(alarm > 0 && alarm <= 1)) {
                throw new IllegalArgumentException("invalid context detector options: bits " + bits + ", maxLeft "
                        + maxLeft + ", maxActive " + maxActive + ", alarm " + alarm + ", restPeriod " + restPeriod
                        + ", learning " + learning + ", maxContexts " + maxContexts);
            }
        }

        public static Options defaults() {
            return new Options(3, 7, 15, 0.75, 120, 150, 2_000_000);
        }
    }

    private static final int NEURON = 1 << 30;
    private static final int ABOVE = 1000;
    private static final int BELOW = 1001;

    private final Options options;

    public ContextDetector(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String name() {
        return "context";
    }

    /** Batch form: a series is streamed after the last rows of the reference (see {@link AfterReference}). */
    @Override
    public AnomalyModel fit(TimeSeries reference) {
        return AfterReference.model(this, reference);
    }

    @Override
    public double[] scoreStreaming(double[] rows) {
        double[] x = WindowFeatures.carryForward(rows);
        double[] out = new double[rows.length];
        int learning = Math.min(options.learning(), rows.length);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < learning; i++) {
            min = Math.min(min, x[i]);
            max = Math.max(max, x[i]);
        }
        Machine machine = new Machine(options);
        double levels = (1 << options.bits()) - 1.0;
        double range = max - min;
        if (!(range > 0)) {
            range = Math.max(Math.abs(min), 1) * 0.1;
        }
        double low = min;
        double high = min + range;
        for (int i = 0; i < rows.length; i++) {
            if (i >= learning && (x[i] > high || x[i] < low)) {
                double widened = (Math.max(high, x[i]) - Math.min(low, x[i])) * 1.1;
                if (x[i] > high) {
                    high = low + widened;
                } else {
                    low = high - widened;
                }
            }
            double step = (high - low) / levels;
            int level = (int) Math.floor((x[i] - low) / step);
            double score = machine.next(facts(level, options.bits()));
            out[i] = i < learning || Double.isNaN(rows[i]) ? (Double.isNaN(rows[i]) ? Double.NaN : 0) : score;
        }
        return out;
    }

    /** The facts of a quantised level: one per bit (position·2 + bit), plus an overflow fact outside the range. */
    static int[] facts(int level, int bits) {
        int top = (1 << bits) - 1;
        int clamped = Math.max(0, Math.min(top, level));
        int[] facts = new int[bits + (clamped != level ? 1 : 0)];
        for (int b = 0; b < bits; b++) {
            facts[b] = b * 2 + ((clamped >> b) & 1);
        }
        if (clamped != level) {
            facts[bits] = level > top ? ABOVE : BELOW;
        }
        Arrays.sort(facts);
        return facts;
    }

    /** An immutable sorted fact set used as a map key. */
    private record Key(int[] facts) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(facts, k.facts);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(facts);
        }
    }

    /** One half of contexts: its facts and, during a crossing, the facts it shares with the input. */
    private static final class Half {
        final int id;
        final int[] facts;
        final int[] crossed;
        int crossedCount;
        /** Left halves only: right half id → context id, in insertion order. */
        final Map<Integer, Integer> contexts = new LinkedHashMap<>();

        Half(int id, int[] facts) {
            this.id = id;
            this.facts = facts;
            this.crossed = new int[facts.length];
        }
    }

    private static final class Context {
        final int id;
        final int[] right;
        final int leftId;
        final int rightId;
        double selectedFacts;
        double confirmedFacts;
        int activations;
        boolean zeroLevel;

        Context(int id, int[] right, int leftId, int rightId, boolean zeroLevel) {
            this.id = id;
            this.right = right;
            this.leftId = leftId;
            this.rightId = rightId;
            this.zeroLevel = zeroLevel;
        }
    }

    /** The context memory and the state carried from step to step. */
    private static final class Machine {
        final Options options;
        final List<Map<Key, Half>> halvesByFacts = List.of(new HashMap<>(), new HashMap<>());
        final List<List<Half>> halves = List.of(new ArrayList<>(), new ArrayList<>());
        final List<Map<Integer, List<Half>>> byFact = List.of(new HashMap<>(), new HashMap<>());
        final List<List<Half>> crossed = new ArrayList<>(List.of(new ArrayList<>(), new ArrayList<>()));
        final List<Context> contexts = new ArrayList<>();
        int newContextId = -1;
        int[] leftGroup = new int[0];
        int[] predicted = new int[0];
        final double[] recent;
        int recentCount;
        int recentNext;

        Machine(Options options) {
            this.options = options;
            this.recent = new double[Math.max(1, options.restPeriod())];
            recent[0] = 1.0;
            recentCount = 1;
            recentNext = 1 % recent.length;
        }

        double next(int[] sensed) {
            boolean surprise = false;
            for (int f : sensed) {
                if (Arrays.binarySearch(predicted, f) < 0) {
                    surprise = true;
                    break;
                }
            }
            double[] parts = step(sensed);
            double current = surprise ? (1 - parts[0] + parts[1]) / 2 : 0;
            double highest = 0;
            for (int k = 0; k < recentCount; k++) {
                highest = Math.max(highest, recent[k]);
            }
            double reported = options.restPeriod() == 0 || highest < options.alarm() ? current : 0;
            if (options.restPeriod() > 0) {
                recent[recentNext] = current;
                recentNext = (recentNext + 1) % recent.length;
                recentCount = Math.min(recentCount + 1, recent.length);
            }
            return reported;
        }

        /** One step; returns {active/selected, new/potential} and updates the predictions. */
        private double[] step(int[] sensed) {
            List<int[][]> potentials = new ArrayList<>();
            java.util.Set<Key> unique = new java.util.HashSet<>();
            boolean newZero = false;
            if (leftGroup.length > 0 && sensed.length > 0) {
                unique.add(pairKey(leftGroup, sensed));
                newZero = register(leftGroup, sensed, true) > 0;
            }
            cross(1, sensed);
            int selected = 0;
            List<Context> active = new ArrayList<>();
            for (Half left : crossed.get(0)) {
                for (Map.Entry<Integer, Integer> e : left.contexts.entrySet()) {
                    int contextId = e.getValue();
                    if (contextId == newContextId) {
                        continue;
                    }
                    Context context = contexts.get(contextId);
                    Half right = halves.get(1).get(e.getKey());
                    boolean leftFull = left.crossedCount == left.facts.length;
                    if (leftFull) {
                        selected++;
                        context.selectedFacts += right.facts.length;
                        if (right.crossedCount > 0) {
                            context.confirmedFacts += right.crossedCount;
                            if (right.crossedCount == right.facts.length) {
                                context.activations++;
                                active.add(context);
                            } else if (context.zeroLevel && newZero && left.crossedCount <= options.maxLeft()) {
                                potentials.add(new int[][] {crossedFacts(left), crossedFacts(right)});
                            }
                        }
                    } else if (context.zeroLevel
                            && newZero
                            && right.crossedCount > 0
                            && left.crossedCount <= options.maxLeft()) {
                        potentials.add(new int[][] {crossedFacts(left), crossedFacts(right)});
                    }
                }
            }
            newContextId = -1;
            for (int[][] p : potentials) {
                unique.add(pairKey(p[0], p[1]));
            }
            double activeShare = selected > 0 ? active.size() / (double) selected : 0;
            active.sort((a, b) -> a.activations != b.activations
                    ? Integer.compare(a.activations, b.activations)
                    : Integer.compare(a.id, b.id));
            List<Context> neurons = active.subList(Math.max(0, active.size() - options.maxActive()), active.size());
            int[] group = new int[sensed.length + neurons.size()];
            System.arraycopy(sensed, 0, group, 0, sensed.length);
            for (int k = 0; k < neurons.size(); k++) {
                group[sensed.length + k] = NEURON + neurons.get(k).id;
            }
            Arrays.sort(group);
            leftGroup = dedupe(group);
            int added = 0;
            for (int[][] p : potentials) {
                added += register(p[0], p[1], false);
            }
            added += newZero ? 1 : 0;
            cross(0, leftGroup);
            predicted = predictions();
            double newShare = newZero && !unique.isEmpty() ? added / (double) unique.size() : 0;
            return new double[] {activeShare, newShare};
        }

        private static Key pairKey(int[] left, int[] right) {
            int[] both = new int[left.length + right.length + 1];
            System.arraycopy(left, 0, both, 0, left.length);
            both[left.length] = Integer.MIN_VALUE;
            System.arraycopy(right, 0, both, left.length + 1, right.length);
            return new Key(both);
        }

        private static int[] crossedFacts(Half half) {
            return Arrays.copyOf(half.crossed, half.crossedCount);
        }

        private static int[] dedupe(int[] sorted) {
            int n = 0;
            for (int k = 0; k < sorted.length; k++) {
                if (k == 0 || sorted[k] != sorted[k - 1]) {
                    sorted[n++] = sorted[k];
                }
            }
            return Arrays.copyOf(sorted, n);
        }

        /** Stores the context (left, right) if new; returns 1 when it was added, else 0. */
        private int register(int[] left, int[] right, boolean zeroLevel) {
            Half l = half(0, left);
            Half r = half(1, right);
            Integer existing = l.contexts.get(r.id);
            if (existing != null) {
                if (zeroLevel) {
                    contexts.get(existing).zeroLevel = true;
                }
                return 0;
            }
            if (contexts.size() >= options.maxContexts()) {
                return 0;
            }
            Context c = new Context(contexts.size(), right, l.id, r.id, zeroLevel);
            contexts.add(c);
            l.contexts.put(r.id, c.id);
            if (zeroLevel) {
                newContextId = c.id;
            }
            return 1;
        }

        private Half half(int side, int[] facts) {
            Key key = new Key(facts);
            Half h = halvesByFacts.get(side).get(key);
            if (h == null) {
                h = new Half(halves.get(side).size(), facts.clone());
                halves.get(side).add(h);
                halvesByFacts.get(side).put(key, h);
                for (int f : h.facts) {
                    byFact.get(side).computeIfAbsent(f, k -> new ArrayList<>()).add(h);
                }
            }
            return h;
        }

        /** Intersects every half of {@code side} with {@code facts}; the touched halves, by id, become crossed. */
        private void cross(int side, int[] facts) {
            for (Half h : crossed.get(side)) {
                h.crossedCount = 0;
            }
            List<Half> touched = new ArrayList<>();
            for (int f : facts) {
                List<Half> list = byFact.get(side).get(f);
                if (list == null) {
                    continue;
                }
                for (Half h : list) {
                    if (h.crossedCount == 0) {
                        touched.add(h);
                    }
                    h.crossed[h.crossedCount++] = f;
                }
            }
            touched.sort((a, b) -> Integer.compare(a.id, b.id));
            crossed.set(side, touched);
        }

        /** The right facts of the fully matched left halves' contexts with the best hit ratio so far. */
        private int[] predictions() {
            double best = 0;
            List<Context> chosen = new ArrayList<>();
            for (Half left : crossed.get(0)) {
                if (left.crossedCount != left.facts.length) {
                    continue;
                }
                for (int contextId : left.contexts.values()) {
                    Context c = contexts.get(contextId);
                    double weight = c.selectedFacts > 0 ? c.confirmedFacts / c.selectedFacts : 0;
                    if (weight > best) {
                        best = weight;
                        chosen.clear();
                        chosen.add(c);
                    } else if (weight == best) {
                        chosen.add(c);
                    }
                }
            }
            java.util.TreeSet<Integer> facts = new java.util.TreeSet<>();
            for (Context c : chosen) {
                for (int f : c.right) {
                    facts.add(f);
                }
            }
            return facts.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
