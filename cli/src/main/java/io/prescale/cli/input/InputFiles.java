package io.prescale.cli.input;

import io.prescale.cli.base.BadInputException;
import io.prescale.core.series.TraceReadOptions;
import io.prescale.core.series.TraceReadResult;
import io.prescale.core.series.TraceReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an {@code --input FILE} through the one trace reader ({@link TraceReader}, DESIGN.md §4 "Inputs"), turning
 * every problem into bad input that names the option and the file.
 */
public final class InputFiles {
    private InputFiles() {}

    /** Reads with the analysis defaults (duplicates averaged, disorder sorted). */
    public static TraceReadResult read(Path file, String option) {
        return read(file, option, TraceReadOptions.defaults());
    }

    /** Reads with {@code options}. */
    public static TraceReadResult read(Path file, String option, TraceReadOptions options) {
        if (file == null) {
            throw new BadInputException(option, null, option + " needs a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(
                    option, file.toString(), option + " '" + file + "' does not exist or is not a file");
        }
        try {
            return TraceReader.read(file, options);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            throw new BadInputException(
                    option,
                    file.toString(),
                    message.contains(file.getFileName().toString()) ? message : file + ": " + message,
                    e);
        } catch (UncheckedIOException e) {
            throw new BadInputException(
                    option,
                    file.toString(),
                    "cannot read " + file + ": " + e.getCause().getMessage(),
                    e);
        }
    }
}
