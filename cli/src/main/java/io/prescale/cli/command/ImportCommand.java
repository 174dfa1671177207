package io.prescale.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.options.StoreOption;
import io.prescale.cli.output.BadInputException;
import io.prescale.cli.output.Json;
import io.prescale.cli.output.LeafCommand;
import io.prescale.core.series.TraceReadOptions;
import io.prescale.core.series.TraceReadResult;
import io.prescale.core.series.TraceReader;
import io.prescale.core.store.QuestDbStore;
import io.prescale.core.store.SeriesInfo;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code prescale import --from csv:FILE|nab:FILE|prometheus:URL [--query Q] --series NAME [--store DIR]}: loads
 * history into the store. The import lands whole or not at all (see {@link QuestDbStore}); duplicates and
 * disorder are errors unless {@code --on-duplicate}/{@code --on-disorder} say otherwise.
 */
@Command(name = "import", description = "Load history into the store from a CSV trace or Prometheus.")
public final class ImportCommand extends LeafCommand {
    @Option(names = "--from", required = true, paramLabel = "csv:FILE|nab:FILE|prometheus:URL",
            description = "Where the history comes from.")
    String from;

    @Option(names = "--query", paramLabel = "PROMQL", description = "The PromQL query (prometheus: sources only).")
    String query;

    @Option(names = "--series", required = true, paramLabel = "NAME", description = "Name of the series in the store.")
    String series;

    @Mixin
    StoreOption store;

    @Mixin
    TraceReaderFlags reader;

    @Override
    protected Result execute() {
        ImportSource source = ImportSource.parse(from);
        if (query != null && source.kind() != ImportSource.Kind.PROMETHEUS) {
            throw new BadInputException("--query", query, "--query is only for prometheus: sources, not '" + from + "'");
        }
        if (source.kind() == ImportSource.Kind.PROMETHEUS) {
            throw new BadInputException("--from", from, "prometheus: sources are not wired yet");
        }
        TraceReadOptions options = readerOptions(source);
        TraceReadResult read = readCsv(source, options);
        Path dir = StoreCommands.storeDir(store);
        SeriesInfo info;
        try (QuestDbStore questDb = StoreCommands.open(dir)) {
            progress("importing " + read.rows() + " rows into series " + series + " in " + questDb.directory());
            info = questDb.write(series, options.unit(), source.location(), read.series());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--series", series, e.getMessage(), e);
        }
        ObjectNode fields = Json.object();
        fields.put("series", series);
        fields.put("from", from);
        fields.put("store", dir.toString());
        fields.set("read", StoreCommands.readSummary(read));
        fields.set("stored", StoreCommands.seriesInfo(info));
        return new Result(fields, "imported " + read.rows() + " rows of " + source.location() + " as series " + series
                + " (" + info.count() + " samples, step " + info.step() + ", " + info.gaps() + " gaps) into " + dir);
    }

    /** Import defaults (duplicates and disorder are errors); a NAB file is {@code timestamp,value} by definition. */
    private TraceReadOptions readerOptions(ImportSource source) {
        TraceReadOptions base = TraceReadOptions.importDefaults();
        if (source.kind() == ImportSource.Kind.NAB) {
            base = base.withTimeColumn("timestamp").withValueColumn("value");
        }
        return reader.apply(base);
    }

    private TraceReadResult readCsv(ImportSource source, TraceReadOptions options) {
        try {
            return TraceReader.read(Path.of(source.location()), options);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--from", from, e.getMessage(), e);
        }
    }

}
