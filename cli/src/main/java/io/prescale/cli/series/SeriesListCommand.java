package io.prescale.cli.series;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.input.StoreOption;
import io.prescale.cli.base.Json;
import io.prescale.cli.base.LeafCommand;
import io.prescale.core.store.QuestDbStore;
import io.prescale.core.store.SeriesInfo;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code prescale series list [--store DIR]}: every series with its range, step and sample count. */
@Command(name = "list", description = "List the series in the store with range, step and count.")
public final class SeriesListCommand extends LeafCommand {
    @Mixin
    StoreOption store;

    @Override
    protected Result execute() {
        Path dir = store.directory();
        List<SeriesInfo> all;
        try (QuestDbStore questDb = StoreOption.open(dir)) {
            all = questDb.list();
        }
        ObjectNode fields = Json.object();
        fields.put("store", dir.toString());
        ArrayNode series = fields.putArray("series");
        StringBuilder human = new StringBuilder(all.isEmpty() ? "no series in " + dir : "series in " + dir + ":");
        for (SeriesInfo info : all) {
            series.add(SeriesJson.seriesInfo(info));
            human.append(String.format("%n  %-28s %s → %s  step %s  %d samples, %d gaps",
                    info.name(), info.start(), info.end(), info.step(), info.count(), info.gaps()));
        }
        return new Result(fields, human.toString());
    }
}
