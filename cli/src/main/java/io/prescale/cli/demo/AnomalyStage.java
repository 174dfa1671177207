package io.prescale.cli.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.Json;
import io.prescale.core.anomaly.AnomalyDetector;
import io.prescale.core.anomaly.AnomalyDetectors;
import io.prescale.core.anomaly.nab.NabLabels;
import io.prescale.core.anomaly.nab.NabProfile;
import io.prescale.core.anomaly.nab.NabRows;
import io.prescale.core.anomaly.nab.NabThresholds;
import io.prescale.core.anomaly.nab.NabWindow;
import io.prescale.core.series.TimeSeries;
import io.prescale.grafana.report.AnomalyTrack;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Demo stage "anomaly": streams the shipped traces that come from NAB through a detector (quick: the best
 * detector on NYC taxi only; full: on NYC taxi and the ELB request count), lists the flagged
 * spans (runs of rows at or above the detector's shipped standard-profile threshold), and checks them against
 * NAB's labelled windows of those traces: which known events (NYC: marathon, Thanksgiving, Christmas, New Year,
 * snowstorm) were found.
 */
public final class AnomalyStage implements DemoStage {
    /** What the scan found, by series name, in scan order; {@code threshold} is the score at which rows are flagged. */
    record Scanned(String detector, double threshold, Map<String, Scan> traces) {
        Scanned {
            traces = Collections.unmodifiableMap(new LinkedHashMap<>(traces));
        }
    }

    /**
     * One scanned series: its stored history, the streaming scores on the same grid (NaN where the history has a
     * gap), and the flagged spans as half-open time ranges.
     */
    record Scan(TimeSeries history, TimeSeries scores, List<AnomalyTrack.Span> spans) {
        Scan {
            spans = List.copyOf(spans);
        }
    }

    private static final List<String[]> TRACES = List.of(
            new String[] {"nyc_taxi", "realKnownCause/nyc_taxi.csv"},
            new String[] {"elb_request_count_8c0756", "realAWSCloudwatch/elb_request_count_8c0756.csv"});

    @Override
    public String name() {
        return "anomaly";
    }

    @Override
    public ObjectNode run(DemoContext context) throws Exception {
        String detectorName = AnomalyDetectors.BEST;
        ObjectNode summary = Json.object();
        summary.put("detector", detectorName);
        Double threshold = NabThresholds.shipped(detectorName).get(NabProfile.STANDARD);
        double cut = threshold == null ? 0.5 : threshold;
        summary.put("threshold", cut);
        summary.put(
                "thresholdSource", threshold == null ? "default 0.5 (none shipped)" : "shipped nab-thresholds.json");
        NabLabels known = NabLabels.shippedTraceWindows();
        ArrayNode traces = summary.putArray("traces");
        Map<String, Scan> scans = new LinkedHashMap<>();
        for (String[] trace : context.quick() ? TRACES.subList(0, 1) : TRACES) {
            TimeSeries history = context.history(trace[0]);
            NabRows rows = storedRows(history, trace[1]);
            AnomalyDetector detector = AnomalyDetectors.named(detectorName, context.seed());
            double[] scores = detector.scoreStreaming(rows.values());
            List<FlaggedSpans.Span> spans = FlaggedSpans.of(scores, cut, 12);
            scans.put(trace[0], scan(history, scores, spans));
            ObjectNode node = traces.addObject();
            node.put("series", trace[0]);
            node.put("rows", rows.size());
            ArrayNode flagged = node.putArray("flaggedSpans");
            spans.stream()
                    .sorted((a, b) -> Double.compare(b.peak(), a.peak()))
                    .limit(10)
                    .forEach(s -> {
                        ObjectNode span = flagged.addObject();
                        span.put("from", rows.timestampAt(s.from()).toString());
                        span.put("to", rows.timestampAt(s.to()).toString());
                        span.put("peakScore", s.peak());
                    });
            node.put("flaggedSpanCount", spans.size());
            ArrayNode events = node.putArray("knownEvents");
            int found = 0;
            for (NabWindow w : known.of(trace[1])) {
                boolean hit = spans.stream().anyMatch(s -> overlaps(rows, s, w));
                found += hit ? 1 : 0;
                ObjectNode event = events.addObject();
                event.put("window", w.start() + " … " + w.end());
                event.put("found", hit);
            }
            node.put("knownEventsFound", found);
            context.progress("anomaly " + trace[0] + ": " + spans.size() + " flagged spans, " + found + " of "
                    + known.of(trace[1]).size() + " known events found");
        }
        context.put(new Scanned(detectorName, cut, scans));
        return summary;
    }

    /** The row scores and spans back on the history's grid (rows are the history's non-gap steps, in order). */
    private static Scan scan(TimeSeries history, double[] rowScores, List<FlaggedSpans.Span> spans) {
        double[] values = history.values();
        double[] onGrid = new double[values.length];
        int[] stepOfRow = new int[rowScores.length];
        int row = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                onGrid[i] = Double.NaN;
            } else {
                stepOfRow[row] = i;
                onGrid[i] = rowScores[row++];
            }
        }
        List<AnomalyTrack.Span> ranges = new ArrayList<>();
        for (FlaggedSpans.Span span : spans) {
            ranges.add(new AnomalyTrack.Span(
                    history.timeAt(stepOfRow[span.from()]), history.timeAt(stepOfRow[span.to()] + 1)));
        }
        return new Scan(history, history.withValues(onGrid), ranges);
    }

    /**
     * The stored history as NAB rows: every step that holds a value, in time order. The store keeps the rows of a
     * NAB file on its grid with the missing rows as gaps, so these are the file's rows as written.
     */
    static NabRows storedRows(TimeSeries history, String file) {
        List<LocalDateTime> times = new ArrayList<>();
        double[] all = history.values();
        double[] values = new double[all.length];
        int n = 0;
        for (int i = 0; i < all.length; i++) {
            double v = all[i];
            if (!Double.isNaN(v)) {
                times.add(LocalDateTime.ofInstant(history.timeAt(i), ZoneOffset.UTC));
                values[n++] = v;
            }
        }
        return new NabRows(file, times.toArray(LocalDateTime[]::new), Arrays.copyOf(values, n));
    }

    private static boolean overlaps(NabRows rows, FlaggedSpans.Span span, NabWindow window) {
        for (int i = span.from(); i <= span.to(); i++) {
            var t = rows.timestampAt(i);
            if (!t.isBefore(window.start()) && !t.isAfter(window.end())) {
                return true;
            }
        }
        return false;
    }
}
