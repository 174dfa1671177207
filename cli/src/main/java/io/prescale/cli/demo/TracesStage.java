package io.prescale.cli.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.Json;
import io.prescale.core.series.ShippedTrace;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Stage 1: writes the shipped real traces into the output directory for the stages after it. */
final class TracesStage implements DemoStage {
    @Override
    public String name() {
        return "traces";
    }

    @Override
    public ObjectNode run(DemoContext context) throws Exception {
        ObjectNode summary = Json.object();
        ArrayNode traces = summary.putArray("traces");
        for (ShippedTrace trace : ShippedTrace.values()) {
            Path file = trace.copyTo(context.outDir().resolve("traces"));
            context.put("trace." + trace.seriesName(), file);
            long rows;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(trace.open(), StandardCharsets.UTF_8))) {
                rows = reader.lines().skip(1).filter(line -> !line.isBlank()).count();
            }
            context.progress("trace " + trace.seriesName() + ": " + rows + " rows");
            ObjectNode node = traces.addObject();
            node.put("series", trace.seriesName());
            node.put("file", file.toString());
            node.put("rows", rows);
        }
        return summary;
    }
}
