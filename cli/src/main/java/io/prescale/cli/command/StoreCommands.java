package io.prescale.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.options.StoreOption;
import io.prescale.cli.output.BadInputException;
import io.prescale.cli.output.Json;
import io.prescale.core.series.TraceReadResult;
import io.prescale.core.store.QuestDbStore;
import io.prescale.core.store.SeriesInfo;
import java.nio.file.Path;
import java.util.Locale;

/** What the store commands share: opening the store as bad input on failure, and the JSON of a series. */
public final class StoreCommands {
    private StoreCommands() {
    }

    /** The store directory of {@code --store}, absolute. */
    public static Path storeDir(StoreOption option) {
        Path dir = option.store();
        if (dir == null) {
            throw new IllegalStateException("no store directory: --store has no default");
        }
        return dir.toAbsolutePath().normalize();
    }

    /** Opens the store; a directory that cannot be created, written or locked is bad input naming it. */
    public static QuestDbStore open(Path dir) {
        try {
            return QuestDbStore.open(dir);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--store", dir.toString(), e.getMessage(), e);
        }
    }

    /** Reads a whole series from the store at its own step; an unknown name is bad input listing the known ones. */
    public static io.prescale.core.series.TimeSeries readSeries(StoreOption option, String name) {
        try (QuestDbStore store = open(storeDir(option))) {
            return store.read(name);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--series", name, e.getMessage(), e);
        }
    }

    static ObjectNode seriesInfo(SeriesInfo info) {
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
    static ObjectNode readSummary(TraceReadResult read) {
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
