package io.prescale.cli.series;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.Json;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.input.StoreOption;
import io.prescale.core.series.TimeSeries;
import io.prescale.core.store.QuestDbStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code prescale series export --series NAME [--format csv|json] [--out FILE]}: the stored samples (gaps left
 * out) as {@code timestamp,value} CSV, which the trace reader reads back as the same series, or as JSON. The file
 * is written atomically. Without {@code --out} the data goes to stdout: as the text output, or with
 * {@code --json} inside the document ({@code samples}).
 */
@Command(name = "export", description = "Export one series as CSV or JSON to stdout or --out.")
public final class SeriesExportCommand extends LeafCommand {
    @Option(names = "--series", required = true, paramLabel = "NAME", description = "The series.")
    String series;

    @Option(
            names = "--format",
            defaultValue = "csv",
            paramLabel = "csv|json",
            description = "csv (timestamp,value) or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout.")
    Path out;

    @Mixin
    StoreOption store;

    @Override
    protected Result execute() throws IOException {
        if (!format.equals("csv") && !format.equals("json")) {
            throw new BadInputException(
                    "--format", format, "'" + format + "' is not an export format (expected csv or json)");
        }
        Path dir = store.directory();
        TimeSeries values;
        try (QuestDbStore questDb = StoreOption.open(dir)) {
            values = questDb.read(series);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--series", series, e.getMessage(), e);
        }
        ObjectNode fields = Json.object();
        fields.put("series", series);
        fields.put("format", format);
        fields.put("samples", values.size() - values.gapCount());
        String text = format.equals("csv") ? csv(values) : Json.MAPPER.writeValueAsString(samples(values));
        if (out != null) {
            write(out, text);
            fields.put("out", out.toAbsolutePath().toString());
            return new Result(
                    fields, "wrote " + (values.size() - values.gapCount()) + " samples of " + series + " to " + out);
        }
        if (jsonOption.json()) {
            fields.set("data", samples(values));
        }
        return new Result(fields, text.stripTrailing());
    }

    private static String csv(TimeSeries values) {
        StringBuilder text = new StringBuilder(values.size() * 32).append("timestamp,value\n");
        for (int i = 0; i < values.size(); i++) {
            double v = values.valueAt(i);
            if (!Double.isNaN(v)) {
                text.append(values.timeAt(i))
                        .append(',')
                        .append(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v))
                        .append('\n');
            }
        }
        return text.toString();
    }

    private static ArrayNode samples(TimeSeries values) {
        ArrayNode array = Json.object().arrayNode();
        for (int i = 0; i < values.size(); i++) {
            if (!Double.isNaN(values.valueAt(i))) {
                array.addObject().put("timestamp", values.timeAt(i).toString()).put("value", values.valueAt(i));
            }
        }
        return array;
    }

    private static void write(Path file, String text) throws IOException {
        Path target = file.toAbsolutePath();
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        if (Files.isDirectory(target)) {
            throw new BadInputException(
                    "--out",
                    file.toString(),
                    "--out '" + file + "' is a directory; give the" + " path of a file to write");
        }
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp); // nothing half-written stays behind
            throw e;
        }
    }
}
