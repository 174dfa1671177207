package io.prescale.cli.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.Json;
import io.prescale.core.series.ShippedTrace;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stage "traces": copies the shipped real traces into the output directory and leaves their {@link Traces}. */
final class TracesStage implements DemoStage {
    /** The shipped trace files, by series name. */
    record Traces(Map<String, Path> files) {
        Traces {
            files = Map.copyOf(files);
        }

        Path file(String series) {
            Path file = files.get(series);
            if (file == null) {
                throw new IllegalArgumentException("no shipped trace '" + series + "'; have " + files.keySet());
            }
            return file;
        }
    }

    @Override
    public String name() {
        return "traces";
    }

    @Override
    public ObjectNode run(DemoContext context) throws Exception {
        ObjectNode summary = Json.object();
        ArrayNode traces = summary.putArray("traces");
        Map<String, Path> files = new LinkedHashMap<>();
        for (ShippedTrace trace : ShippedTrace.values()) {
            Path file = trace.copyTo(context.outDir().resolve("traces"));
            files.put(trace.seriesName(), file);
            long rows;
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(trace.open(), StandardCharsets.UTF_8))) {
                rows = reader.lines().skip(1).filter(line -> !line.isBlank()).count();
            }
            context.progress("trace " + trace.seriesName() + ": " + rows + " rows");
            ObjectNode node = traces.addObject();
            node.put("series", trace.seriesName());
            node.put("file", file.toString());
            node.put("rows", rows);
        }
        context.put(new Traces(files));
        return summary;
    }
}
