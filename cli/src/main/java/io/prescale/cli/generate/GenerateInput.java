package io.prescale.cli.generate;

import io.prescale.cli.base.BadInputException;
import io.prescale.cli.input.TraceInput;
import io.prescale.core.series.TraceReadOptions;
import io.prescale.core.series.TraceReader;
import io.prescale.core.series.TraceTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The {@code --input} of {@code prescale generate}: every value column of a CSV trace, row by row as written, read
 * by the one trace reader ({@link TraceReader#readTable}); the last column is the load. Without a time column the
 * rows are consecutive one-minute steps (or {@code --step}) from 1970-01-01.
 *
 * @param rows rows × features, in file order
 * @param start time of the first row
 * @param step time between rows
 * @param columns feature column names
 */
public record GenerateInput(double[][] rows, Instant start, Duration step, List<String> columns) {
    /** Reads {@code --input} with the reader flags given; a problem is bad input naming {@code --input}. */
    public static GenerateInput read(TraceInput input) {
        return read(input.file(), input.options(TraceReadOptions.defaults()));
    }

    /** Reads {@code file} with {@code options}; a problem is bad input naming {@code --input}. */
    public static GenerateInput read(Path file, TraceReadOptions options) {
        if (file == null) {
            throw new BadInputException("--input", null, "--input needs a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(
                    "--input", file.toString(), "--input '" + file + "' does not exist or is not a file");
        }
        TraceTable table;
        try {
            table = TraceReader.readTable(file, options);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--input", file.toString(), String.valueOf(e.getMessage()), e);
        }
        Instant start = table.start() == null ? Instant.EPOCH : table.start();
        Duration step = table.step() == null ? Duration.ofMinutes(1) : table.step();
        return new GenerateInput(table.rows(), start, step, table.columns());
    }
}
