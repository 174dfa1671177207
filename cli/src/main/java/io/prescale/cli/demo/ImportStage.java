package io.prescale.cli.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.Json;
import io.prescale.core.series.ShippedTrace;
import io.prescale.core.series.TimeSeries;
import io.prescale.core.series.TraceReadOptions;
import io.prescale.core.series.TraceReadResult;
import io.prescale.core.series.TraceReader;
import io.prescale.core.store.QuestDbStore;
import io.prescale.core.store.SeriesInfo;
import java.nio.file.Path;

/**
 * Stage 2: imports the traces of stage 1 into the demo store (as {@code prescale import} does, duplicates and
 * disorder being errors) and summarises them. Leaves {@code "series.<name>"} → {@link TimeSeries} (read back from
 * the store) for the stages after it.
 */
final class ImportStage implements DemoStage {
    @Override
    public String name() {
        return "import";
    }

    @Override
    public ObjectNode run(DemoContext context) {
        ObjectNode summary = Json.object();
        summary.put("store", context.storeDir().toAbsolutePath().toString());
        ArrayNode series = summary.putArray("series");
        try (QuestDbStore store = QuestDbStore.open(context.storeDir())) {
            for (ShippedTrace trace : ShippedTrace.values()) {
                Path file = context.get("trace." + trace.seriesName(), Path.class);
                TraceReadResult read = TraceReader.read(file, TraceReadOptions.importDefaults().withUnit(trace.unit()));
                SeriesInfo info = store.write(trace.seriesName(), trace.unit(), file.getFileName().toString(), read.series());
                TimeSeries stored = store.read(trace.seriesName());
                context.put("series." + trace.seriesName(), stored);
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
        return summary;
    }
}
