package io.prescale.cli.series;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.Json;
import io.prescale.core.series.TraceReadResult;
import io.prescale.core.store.SeriesInfo;
import java.util.Locale;

/** The JSON of the series feature: a stored series ({@link SeriesInfo}) and what the trace reader saw. */
public final class SeriesJson {
    private SeriesJson() {}

    public static ObjectNode seriesInfo(SeriesInfo info) {
        ObjectNode node = Json.object();
        node.put("name", info.name());
        node.put("start", info.start().toString());
        node.put("end", info.end().toString());
        node.put("step", info.step().toString());
        node.put("stepSeconds", info.step().toNanos() / 1e9);
        node.put("count", info.count());
        node.put("gaps", info.gaps());
        node.put("unit", info.unit().name().toLowerCase(Locale.ROOT));
        node.put("source", info.source());
        return node;
    }

    /** What the reader saw: rows, merged duplicates, reordered rows, bucketed rows, gaps, the step. */
    public static ObjectNode readSummary(TraceReadResult read) {
        ObjectNode node = Json.object();
        node.put("source", read.source());
        if (read.timeColumn() == null) {
            node.putNull("timeColumn");
        } else {
            node.put("timeColumn", read.timeColumn());
        }
        node.put("timeFormat", read.timeFormat());
        node.put("valueColumn", read.valueColumn());
        node.put("rows", read.rows());
        node.put("duplicatesMerged", read.duplicatesMerged());
        node.put("reordered", read.reordered());
        node.put("bucketed", read.bucketed());
        node.put("gaps", read.gaps());
        node.put("step", read.series().step().toString());
        node.put("stepInferred", read.stepInferred());
        node.put("start", read.series().start().toString());
        node.put("end", read.series().end().toString());
        return node;
    }
}
