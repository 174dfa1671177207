package io.prescale.core.tune;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's real load tests in order: numbers each trial, reuses a resumed run's measurement when the same trial
 * asks for the same configuration and load, reports progress with an ETA, and keeps every measurement.
 */
final class Trials {
    private final TrialRunner runner;
    private final List<Measurement> resumed;
    private final TuneListener listener;
    private final Clock clock;
    private final int budget;
    private final List<Measurement> all = new ArrayList<>();
    private long freshNanos;
    private int fresh;

    Trials(TrialRunner runner, List<Measurement> resumed, TuneListener listener, Clock clock, int budget) {
        this.runner = runner;
        this.resumed = List.copyOf(resumed);
        this.listener = listener;
        this.clock = clock;
        this.budget = budget;
    }

    Measurement run(String phase, Configuration config, double loadRps) {
        int trial = all.size();
        Measurement m =
                trial < resumed.size() && same(resumed.get(trial), phase, config, loadRps) ? resumed.get(trial) : null;
        if (m == null) {
            long start = clock.millis();
            m = runner.run(trial, phase, config, loadRps);
            freshNanos += (clock.millis() - start) * 1_000_000L;
            fresh++;
        }
        all.add(m);
        listener.measured(m);
        Duration eta =
                fresh == 0 ? Duration.ZERO : Duration.ofNanos(freshNanos / fresh * Math.max(0, budget - all.size()));
        listener.progress(String.format(
                "trial %d of %d (%s): %s at %.0f rps → p99 %.1f ms, errors %.4f%s; ETA %dm%02ds",
                all.size(),
                budget,
                phase,
                config,
                loadRps,
                m.p99Ms(),
                m.errorRate(),
                trial < resumed.size() && m == resumed.get(trial) ? " (resumed)" : "",
                eta.toMinutes(),
                eta.toSecondsPart()));
        return m;
    }

    List<Measurement> all() {
        return List.copyOf(all);
    }

    int count() {
        return all.size();
    }

    private static boolean same(Measurement m, String phase, Configuration config, double loadRps) {
        return m.phase().equals(phase) && m.config().equals(config) && Math.abs(m.loadRps() - loadRps) < 1e-6 * loadRps;
    }
}
