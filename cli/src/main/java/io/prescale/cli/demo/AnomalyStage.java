package io.prescale.cli.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.Json;
import io.prescale.core.anomaly.AnomalyDetector;
import io.prescale.core.anomaly.AnomalyDetectors;
import io.prescale.core.anomaly.nab.NabCsv;
import io.prescale.core.anomaly.nab.NabLabels;
import io.prescale.core.anomaly.nab.NabProfile;
import io.prescale.core.anomaly.nab.NabRows;
import io.prescale.core.anomaly.nab.NabThresholds;
import io.prescale.core.anomaly.nab.NabWindow;
import java.nio.file.Path;
import java.util.List;

/**
 * Demo stage "anomaly": streams the shipped traces that come from NAB through a detector (quick: the isolation
 * forest on NYC taxi only; full: the best detector on NYC taxi and the ELB request count), lists the flagged
 * spans (runs of rows at or above the detector's shipped standard-profile threshold), and checks them against
 * NAB's labelled windows of those traces: which known events (NYC: marathon, Thanksgiving, Christmas, New Year,
 * snowstorm) were found.
 */
public final class AnomalyStage implements DemoStage {
    private static final List<String[]> TRACES = List.of(
            new String[] {"nyc_taxi", "realKnownCause/nyc_taxi.csv"},
            new String[] {"elb_request_count_8c0756", "realAWSCloudwatch/elb_request_count_8c0756.csv"});

    @Override
    public String name() {
        return "anomaly";
    }

    @Override
    public ObjectNode run(DemoContext context) throws Exception {
        String detectorName = context.quick() ? "iforest" : AnomalyDetectors.BEST;
        ObjectNode summary = Json.object();
        summary.put("detector", detectorName);
        Double threshold = NabThresholds.shipped(detectorName).get(NabProfile.STANDARD);
        double cut = threshold == null ? 0.5 : threshold;
        summary.put("threshold", cut);
        context.put("anomaly.threshold", cut);
        summary.put("thresholdSource", threshold == null ? "default 0.5 (none shipped)" : "shipped nab-thresholds.json");
        NabLabels known = NabLabels.shippedTraceWindows();
        ArrayNode traces = summary.putArray("traces");
        for (String[] trace : context.quick() ? TRACES.subList(0, 1) : TRACES) {
            Path file = context.get("trace." + trace[0], Path.class);
            NabRows rows = NabCsv.read(file, trace[1], null);
            AnomalyDetector detector = AnomalyDetectors.named(detectorName, context.seed());
            double[] scores = detector.scoreStreaming(rows.values());
            List<FlaggedSpans.Span> spans = FlaggedSpans.of(scores, cut, 12);
            context.put("anomaly.scores." + trace[0], scores);
            ObjectNode node = traces.addObject();
            node.put("series", trace[0]);
            node.put("rows", rows.size());
            ArrayNode flagged = node.putArray("flaggedSpans");
            spans.stream().sorted((a, b) -> Double.compare(b.peak(), a.peak())).limit(10).forEach(s -> {
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
        return summary;
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
