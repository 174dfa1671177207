package io.prescale.cli.series;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.Json;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.input.StoreOption;
import io.prescale.core.store.QuestDbStore;
import io.prescale.core.store.SeriesInfo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code prescale series list [--store DIR]}: every series with its range, step and sample count, and its
 * freshness: the newest sample and its age, so that a stalled collection shows.
 */
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
        Instant now = Clock.systemUTC().instant();
        for (SeriesInfo info : all) {
            ObjectNode node = SeriesJson.seriesInfo(info);
            Instant newest = info.end().minus(info.step());
            node.put("newest", newest.toString());
            node.put("ageSeconds", Duration.between(newest, now).toMillis() / 1000.0);
            series.add(node);
            human.append(String.format(
                    "%n  %-28s %s → %s  step %s  %d samples, %d gaps, newest %s ago",
                    info.name(),
                    info.start(),
                    info.end(),
                    info.step(),
                    info.count(),
                    info.gaps(),
                    Duration.between(newest, now).truncatedTo(ChronoUnit.SECONDS)));
        }
        return new Result(fields, human.toString());
    }
}
