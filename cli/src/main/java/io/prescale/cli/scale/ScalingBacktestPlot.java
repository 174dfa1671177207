package io.prescale.cli.scale;

import io.prescale.cli.base.BadInputException;
import io.prescale.core.scale.ScalingBacktestResult;
import io.prescale.core.scale.StrategyResult;
import io.prescale.core.series.TimeSeries;
import io.prescale.grafana.report.CapacityTimeline;
import io.prescale.grafana.report.ChartImages;
import io.prescale.grafana.report.NamedSeries;
import io.prescale.grafana.report.ReportCharts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The timeline picture of a backtest (PNG, drawn by the report's JFreeChart renderer): demand per step and each
 * strategy's ready capacity (ready instances × c) over the three scored days with the most unserved demand (the
 * last three when nothing went unserved). Written to a temporary file and moved into place, so a failure leaves
 * nothing half-written.
 */
public final class ScalingBacktestPlot {
    private static final int WIDTH = 1500;
    private static final int HEIGHT = 620;

    private ScalingBacktestPlot() {}

    /** The backtest as the report's capacity timeline (values in requests per step). */
    public static CapacityTimeline timeline(String trace, ScalingBacktestResult result) {
        TimeSeries demand = result.demand();
        double c = result.settings().capacity();
        List<NamedSeries> capacity = new ArrayList<>();
        for (StrategyResult s : result.strategies()) {
            int[] ready = s.ready();
            double[] values = new double[demand.size()];
            for (int t = 0; t < values.length; t++) {
                values[t] = t < ready.length ? ready[t] * c : Double.NaN;
            }
            capacity.add(new NamedSeries(s.name(), demand.withValues(values)));
        }
        return new CapacityTimeline(
                trace, demand, capacity, result.scoredFrom(), "requests per " + humanStep(demand.step()));
    }

    /** Writes the picture of {@code result} on {@code trace} (a name for the title) to {@code file}. */
    static void write(String trace, ScalingBacktestResult result, Path file) {
        try {
            ChartImages.writePng(
                    ReportCharts.capacity(timeline(trace, result), Duration.ofDays(3)), file, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new BadInputException(
                    "--plot", file.toString(), "cannot write --plot " + file + ": " + e.getMessage(), e);
        }
    }

    private static String humanStep(Duration step) {
        long s = step.toSeconds();
        if (s % 3600 == 0) {
            return s == 3600 ? "hour" : (s / 3600) + " h";
        }
        if (s % 60 == 0) {
            return s == 60 ? "minute" : (s / 60) + " min";
        }
        return s + " s";
    }
}
