package io.prescale.cli.demo;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The demo's progress on stderr: one bar line as each stage starts and ends, "stage k of n", the time spent and
 * an estimate of the time left. The estimate weights the stages by their typical share of a run (measured on a
 * 2-core machine) and scales by how fast this run has gone so far.
 */
final class StageProgress {
    private static final int BAR = 24;
    private final PrintStream err;
    private final Clock clock;
    private final List<String> names;
    private final double[] weights;
    private final Instant started;
    private double doneWeight;

    StageProgress(PrintStream err, Clock clock, List<String> names) {
        this.err = err;
        this.clock = clock;
        this.names = List.copyOf(names);
        this.weights = new double[names.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = weight(names.get(i));
        }
        this.started = clock.instant();
    }

    /** Stage {@code k} (0-based) starts. */
    void starting(int k) {
        err.println(line(k, "…"));
    }

    /** Stage {@code k} (0-based) is done. */
    void done(int k) {
        doneWeight += weights[k];
        err.println(line(k, "done"));
    }

    /** Stage {@code k} failed. */
    void failed(int k, String why) {
        err.println("[demo] stage " + (k + 1) + " of " + names.size() + " (" + names.get(k) + ") failed: " + why);
    }

    private String line(int k, String state) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double share = doneWeight / total;
        int filled = (int) Math.round(share * BAR);
        Duration elapsed = Duration.between(started, clock.instant());
        String eta = doneWeight == 0
                ? "ETA –"
                : "ETA " + format(Duration.ofMillis((long) (elapsed.toMillis() * (total - doneWeight) / doneWeight)));
        return String.format(
                "[demo] [%s%s] %3d%%  stage %d of %d %-9s %-4s  %s elapsed, %s",
                "#".repeat(filled),
                ".".repeat(BAR - filled),
                Math.round(share * 100),
                k + 1,
                names.size(),
                names.get(k),
                state,
                format(elapsed),
                eta);
    }

    private static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return String.format("%d:%02d", s / 60, s % 60);
    }

    /** Typical share of a run by stage name; an unknown stage counts as an average one. */
    private static double weight(String stage) {
        return switch (stage) {
            case "traces", "import", "report" -> 0.5;
            case "anomaly", "forecast" -> 1.5;
            case "generate", "tune" -> 3;
            case "loadtest", "scale" -> 2;
            default -> 1;
        };
    }
}
