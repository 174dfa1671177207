package io.prescale.cli.demo;

import java.util.ArrayList;
import java.util.List;

/** Runs of rows whose score is at or above a threshold, merged when fewer than {@code gap} rows apart. */
final class FlaggedSpans {
    record Span(int from, int to, double peak) {}

    private FlaggedSpans() {}

    static List<Span> of(double[] scores, double threshold, int gap) {
        List<Span> spans = new ArrayList<>();
        int from = -1;
        int to = -1;
        double peak = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!(scores[i] >= threshold)) {
                continue;
            }
            if (from >= 0 && i - to > gap) {
                spans.add(new Span(from, to, peak));
                from = -1;
            }
            if (from < 0) {
                from = i;
                peak = scores[i];
            }
            to = i;
            peak = Math.max(peak, scores[i]);
        }
        if (from >= 0) {
            spans.add(new Span(from, to, peak));
        }
        return spans;
    }
}
