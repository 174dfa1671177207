package io.prescale.cli.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.Json;
import io.prescale.core.series.ShippedTrace;
import io.prescale.core.series.TraceReadOptions;
import io.prescale.core.series.TraceReadResult;
import io.prescale.core.series.TraceReader;
import io.prescale.core.store.QuestDbStore;
import io.prescale.core.store.SeriesInfo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stage "import": imports the shipped traces into the demo store as {@code prescale import} does (duplicates and
 * disorder being errors) and leaves {@link Imported}; the stages after it read their history from the store.
 */
final class ImportStage implements DemoStage {
    /** What the import stage stored, by series name; later stages read the series from the store. */
    record Imported(Map<String, SeriesInfo> series) {
        Imported {
            series = Map.copyOf(series);
        }
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public ObjectNode run(DemoContext context) {
        ObjectNode summary = Json.object();
        summary.put("store", context.storeDir().toAbsolutePath().toString());
        ArrayNode series = summary.putArray("series");
        TracesStage.Traces traces = context.get(TracesStage.Traces.class);
        Map<String, SeriesInfo> stored = new LinkedHashMap<>();
        try (QuestDbStore store = QuestDbStore.open(context.storeDir())) {
            for (ShippedTrace trace : ShippedTrace.values()) {
                Path file = traces.file(trace.seriesName());
                TraceReadResult read =
                        TraceReader.read(file, TraceReadOptions.importDefaults().withUnit(trace.unit()));
                SeriesInfo info = store.write(
                        trace.seriesName(), trace.unit(), file.getFileName().toString(), read.series());
                stored.put(info.name(), info);
                context.progress("imported " + trace.seriesName() + ": " + read.rows() + " rows, step " + info.step()
                        + ", " + info.start() + " → " + info.end() + ", " + info.gaps() + " gaps");
                ObjectNode node = series.addObject();
                node.put("series", info.name());
                node.put("rows", read.rows());
                node.put("samples", info.count());
                node.put("step", info.step().toString());
                node.put("start", info.start().toString());
                node.put("end", info.end().toString());
                node.put("gaps", info.gaps());
            }
        }
        context.put(new Imported(stored));
        return summary;
    }
}
