package io.prescale.contract.document;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.prescale.contract.summary.Figure;
import java.util.List;

/** {@code import}: the series written into the store. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImportDocument(
        String command,
        int schemaVersion,
        String prescaleVersion,
        String series,
        String from,
        String store,
        Stored stored)
        implements CommandDocument {
    /** The stored series: range, step, samples and gaps. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stored(String name, String start, String end, String step, long count, long gaps) {}

    @Override
    public List<String> writtenFiles() {
        return List.of();
    }

    @Override
    public List<Figure> figures() {
        Figures figures = new Figures().text("Series", series);
        if (stored != null) {
            figures.text("History", stored.start() + " to " + stored.end())
                    .text("Step", stored.step())
                    .number("Samples", (double) stored.count(), null)
                    .number("Gaps", (double) stored.gaps(), null);
        }
        return figures.list();
    }
}
