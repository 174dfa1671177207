package io.prescale.cli.series;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.Json;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.input.PrometheusOptions;
import io.prescale.cli.input.PrometheusSources;
import io.prescale.cli.input.StoreOption;
import io.prescale.cli.input.TraceReaderFlags;
import io.prescale.core.series.TraceReadOptions;
import io.prescale.core.series.TraceReadResult;
import io.prescale.core.series.TraceReader;
import io.prescale.core.store.QuestDbStore;
import io.prescale.core.store.SeriesInfo;
import io.prescale.core.store.prometheus.PrometheusRange;
import io.prescale.core.store.prometheus.PrometheusSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    @Option(
            names = "--from",
            required = true,
            paramLabel = "csv:FILE|nab:FILE|prometheus:URL",
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

    @Option(
            names = "--start",
            paramLabel = "TIME",
            description = "First step to read, ISO-8601 UTC such as 2026-11-01T00:00:00Z (prometheus: sources only).")
    Instant start;

    @Option(
            names = "--end",
            paramLabel = "TIME",
            description = "End of the range, exclusive, ISO-8601 (prometheus: sources only; default: now).")
    Instant end;

    @Mixin
    PrometheusOptions prometheus;

    @Override
    protected Result execute() {
        ImportSource source = ImportSource.parse(from);
        if (query != null && source.kind() != ImportSource.Kind.PROMETHEUS) {
            throw new BadInputException(
                    "--query", query, "--query is only for prometheus: sources, not '" + from + "'");
        }
        if (source.kind() != ImportSource.Kind.PROMETHEUS && (start != null || end != null)) {
            throw new BadInputException(
                    start != null ? "--start" : "--end",
                    String.valueOf(start != null ? start : end),
                    "--start and --end are only for prometheus: sources; a CSV import takes the whole file");
        }
        if (source.kind() == ImportSource.Kind.PROMETHEUS) {
            return importFromPrometheus(source);
        }
        TraceReadOptions options = readerOptions(source);
        TraceReadResult read = readCsv(source, options);
        Path dir = store.directory();
        SeriesInfo info;
        try (QuestDbStore questDb = StoreOption.open(dir)) {
            progress("importing " + read.rows() + " rows into series " + series + " in " + questDb.directory());
            info = questDb.write(series, options.unit(), source.location(), read.series());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--series", series, e.getMessage(), e);
        }
        ObjectNode fields = Json.object();
        fields.put("series", series);
        fields.put("from", from);
        fields.put("store", dir.toString());
        fields.set("read", SeriesJson.readSummary(read));
        fields.set("stored", SeriesJson.seriesInfo(info));
        return new Result(
                fields,
                "imported " + read.rows() + " rows of " + source.location() + " as series " + series + " ("
                        + info.count() + " samples, step " + info.step() + ", " + info.gaps() + " gaps) into " + dir);
    }

    /**
     * Reads one PromQL series over {@code [--start, --end)} at {@code --step} (default 1m) and writes it as the
     * series, chunk by chunk, so that it lands whole or not at all like a CSV import.
     */
    private Result importFromPrometheus(ImportSource source) {
        if (query == null || query.isBlank()) {
            throw new BadInputException(
                    "--query",
                    query,
                    "--from prometheus:URL needs --query PROMQL giving one series,"
                            + " e.g. sum(rate(http_requests_total[5m]))");
        }
        if (start == null) {
            throw new BadInputException(
                    "--start",
                    null,
                    "--from prometheus:URL needs --start, an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
        TraceReadOptions options = reader.apply(TraceReadOptions.importDefaults());
        Duration step = options.step() != null ? options.step() : Duration.ofMinutes(1);
        Instant until = end != null ? end : Clock.systemUTC().instant();
        if (!until.isAfter(start)) {
            throw new BadInputException(
                    "--end", until.toString(), "--end " + until + " must be after --start " + start);
        }
        Path dir = store.directory();
        ObjectNode fields = Json.object();
        SeriesInfo info;
        try (PrometheusSource remote = PrometheusSources.open(from, prometheus, output.env());
                QuestDbStore questDb = StoreOption.open(dir)) {
            progress("reading " + query + " from " + remote.config().baseUrl() + " at step " + step);
            PrometheusRange range = remote.range(query, start, until, step);
            range.notes().forEach(this::progress);
            info = questDb.write(series, options.unit(), remote.config().baseUrl() + " " + query, range.series());
            fields.put("series", series);
            fields.put("from", remote.config().baseUrl().toString());
            fields.put("query", query);
            fields.put("store", dir.toString());
            ObjectNode read = fields.putObject("read");
            read.put("requests", range.requests());
            read.put("matched", range.matched());
            read.put("infiniteValues", range.infiniteValues());
            read.put("gaps", range.series().gapCount());
            fields.set("stored", SeriesJson.seriesInfo(info));
        }
        return new Result(
                fields,
                "imported " + info.count() + " samples of " + query + " as series " + series + " (step " + info.step()
                        + ", " + info.gaps() + " gaps) into " + dir);
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
