package io.prescale.contract.document;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.prescale.contract.summary.Figure;
import java.util.List;

/** {@code series export}: the series written as a file. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeriesExportDocument(
        String command,
        int schemaVersion,
        String prescaleVersion,
        String series,
        String format,
        long samples,
        String out)
        implements CommandDocument {
    @Override
    public List<String> writtenFiles() {
        return out == null ? List.of() : List.of(out);
    }

    @Override
    public List<Figure> figures() {
        return new Figures()
                .text("Exported", series + " (" + format + ")")
                .number("Samples", (double) samples, null)
                .list();
    }
}
