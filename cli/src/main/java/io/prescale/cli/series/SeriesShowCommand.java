package io.prescale.cli.series;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.Json;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.input.StoreOption;
import io.prescale.core.series.TimeSeries;
import io.prescale.core.store.MetricStore;
import io.prescale.core.store.QuestDbStore;
import io.prescale.core.store.SeriesInfo;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code prescale series show --series NAME}: range, step, count, gaps and min/mean/max of one series. */
@Command(name = "show", description = "Show one series: range, step, count, gaps, min/mean/max.")
public final class SeriesShowCommand extends LeafCommand {
    @Option(names = "--series", required = true, paramLabel = "NAME", description = "The series.")
    String series;

    @Mixin
    StoreOption store;

    @Override
    protected Result execute() {
        Path dir = store.directory();
        SeriesInfo info;
        TimeSeries values;
        try (QuestDbStore questDb = StoreOption.open(dir)) {
            info = questDb.info(series).orElseThrow(() -> MetricStore.unknownSeries(series, questDb.list()));
            values = questDb.read(series);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--series", series, e.getMessage(), e);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int finite = 0;
        for (int i = 0; i < values.size(); i++) {
            double v = values.valueAt(i);
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
                finite++;
            }
        }
        ObjectNode fields = SeriesJson.seriesInfo(info);
        fields.put("store", dir.toString());
        Json.putNumber(fields, "min", finite == 0 ? Double.NaN : min, "no samples");
        Json.putNumber(fields, "mean", finite == 0 ? Double.NaN : sum / finite, "no samples");
        Json.putNumber(fields, "max", finite == 0 ? Double.NaN : max, "no samples");
        String human = String.format(
                "%s: %s → %s, step %s, %d samples, %d gaps, min %.4g mean %.4g max %.4g (%s)",
                info.name(),
                info.start(),
                info.end(),
                info.step(),
                info.count(),
                info.gaps(),
                min,
                sum / finite,
                max,
                info.source());
        return new Result(fields, human);
    }
}
