package io.prescale.cli.anomaly;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.Json;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.base.SeedOption;
import io.prescale.cli.input.TraceInput;
import io.prescale.core.anomaly.AnomalyDetector;
import io.prescale.core.anomaly.nab.NabCsv;
import io.prescale.core.anomaly.nab.NabRows;
import io.prescale.core.series.TraceReadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code prescale anomaly score --input FILE [--detector …] [--top N]}: the streaming scores of every row (row i
 * scored from rows ≤ i) and the most anomalous rows, at least {@code --separation} rows apart.
 */
@Command(name = "score", description = "Score each row of a trace (streaming) and list the top anomalies.")
public final class ScoreCommand extends LeafCommand {
    @Mixin
    TraceInput input;

    @Option(
            names = "--top",
            defaultValue = "10",
            paramLabel = "N",
            description = "How many top anomalies to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(
            names = "--separation",
            defaultValue = "50",
            paramLabel = "ROWS",
            description = "Least distance in rows between two listed anomalies (default: ${DEFAULT-VALUE}).")
    int separation;

    @Mixin
    DetectorOption detector;

    @Mixin
    SeedOption seed;

    @Override
    protected Result execute() throws Exception {
        if (top < 1) {
            throw new BadInputException("--top", String.valueOf(top), "--top must be at least 1, got " + top);
        }
        if (separation < 0) {
            throw new BadInputException(
                    "--separation", String.valueOf(separation), "--separation must be ≥ 0 rows, got " + separation);
        }
        AnomalyDetector chosen = detector.detector(seed.seed());
        NabRows rows = readRows(input);
        progress("scoring " + rows.size() + " rows with " + chosen.name());
        double[] scores = chosen.scoreStreaming(rows.values());
        ObjectNode fields = Json.object();
        fields.put("detector", detector.name());
        fields.put("input", input.file().toString());
        fields.put("rows", rows.size());
        ArrayNode top = fields.putArray("top");
        for (int row : TopAnomalies.of(scores, this.top, separation)) {
            ObjectNode node = top.addObject();
            node.put("row", row);
            node.put("timestamp", rows.timestampAt(row).toString());
            node.put("value", rows.values()[row]);
            node.put("score", scores[row]);
        }
        ArrayNode all = fields.putArray("scores");
        for (double s : scores) {
            if (Double.isFinite(s)) {
                all.add(s);
            } else {
                all.addNull();
            }
        }
        return Result.of(fields);
    }

    /** {@code --input} as NAB scores it: every row as written, in file order, with its own timestamp. */
    static NabRows readRows(TraceInput input) {
        return NabCsv.rows(
                input.file().getFileName().toString(),
                input.read(TraceReadOptions.defaults().withRowsAsWritten(true)));
    }
}
