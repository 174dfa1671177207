package io.prescale.cli.collect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.Json;
import io.prescale.collect.CollectReport;
import io.prescale.collect.SeriesReport;
import java.time.Duration;
import java.time.Instant;

/** The JSON of a {@link CollectReport}: the one mapping of the collect feature. */
public final class CollectJson {
    private CollectJson() {}

    /** Report fields: duration, per-series counts and freshness, requests by status, maintenance. */
    public static ObjectNode report(CollectReport report) {
        ObjectNode node = Json.object();
        node.put("started", report.started().toString());
        node.put("stopped", report.at().toString());
        node.put(
                "durationSeconds",
                Duration.between(report.started(), report.at()).toMillis() / 1000.0);
        ArrayNode series = node.putArray("series");
        for (SeriesReport s : report.series()) {
            ObjectNode item = series.addObject();
            item.put("name", s.name());
            item.put("mode", s.mode());
            item.put(s.mode().equals("push") ? "selector" : "query", s.source());
            item.put("received", s.received());
            item.put("stored", s.stored());
            ObjectNode rejected = item.putObject("rejected");
            rejected.put("duplicate", s.duplicates());
            rejected.put("tooOld", s.tooOld());
            rejected.put("gap", s.gaps());
            rejected.put("ambiguous", s.ambiguous());
            rejected.put("storeError", s.storeErrors());
            if (s.mode().equals("pull")) {
                item.put("pullFailures", s.pullFailures());
            }
            if (s.newestMillis() == null) {
                item.putNull("newest");
                item.putNull("lagSeconds");
                item.put("lagSecondsReason", "no sample stored yet");
            } else {
                item.put("newest", Instant.ofEpochMilli(s.newestMillis()).toString());
                item.put("lagSeconds", s.lagSeconds());
            }
            if (s.lastError() == null) {
                item.putNull("lastError");
            } else {
                item.put("lastError", s.lastError());
            }
        }
        ObjectNode requests = node.putObject("remoteWriteRequests");
        report.requests().forEach((code, count) -> requests.put(Integer.toString(code), count));
        node.put("ignoredSamples", report.ignoredSamples());
        node.put("storeErrors", report.storeErrors());
        ObjectNode maintenance = node.putObject("maintenance");
        report.maintenance().forEach(maintenance::put);
        return node;
    }
}
