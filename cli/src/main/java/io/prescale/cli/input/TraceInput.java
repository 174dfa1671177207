package io.prescale.cli.input;

import io.prescale.core.series.TimeSeries;
import io.prescale.core.series.TraceReadOptions;
import io.prescale.core.series.TraceReadResult;
import io.prescale.core.series.TraceReader;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --input FILE} with every flag of the one trace reader ({@link TraceReader}, DESIGN.md §4 "Inputs"): the
 * one way a command reads a trace file. A flag that is not given keeps the command's defaults
 * ({@link TraceReadOptions#defaults()} unless the command passes others). A missing or unreadable file, or a
 * file the reader rejects, is bad input naming {@code --input}.
 */
public final class TraceInput {
    @Option(
            names = "--input",
            paramLabel = "FILE",
            description = "CSV trace: a time column (ISO-8601 or epoch) and a value column; see the reader flags.")
    Path file;

    @Mixin
    TraceReaderFlags flags = new TraceReaderFlags();

    /** The file given, or null. */
    public Path file() {
        return file;
    }

    /** True when {@code --input} was given. */
    public boolean given() {
        return file != null;
    }

    /** The reader flags, for commands that read with options of their own. */
    public TraceReadOptions options(TraceReadOptions base) {
        return flags.apply(base);
    }

    /** Reads the file with the analysis defaults and the given flags. */
    public TraceReadResult read() {
        return read(TraceReadOptions.defaults());
    }

    /** Reads the file with {@code base} and the given flags. */
    public TraceReadResult read(TraceReadOptions base) {
        return InputFiles.read(file, "--input", flags.apply(base));
    }

    /** The trace on its regular grid, read with the analysis defaults and the given flags. */
    public TimeSeries series() {
        return read().series();
    }
}
