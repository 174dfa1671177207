package io.prescale.grafana.report;

import io.prescale.core.series.TimeSeries;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The report's figures as JFreeChart charts, one method per panel of the dashboards. Each time figure shows the
 * {@link InterestingWindow} of the width given; values are never resampled. Stateless and thread-safe.
 */
public final class ReportCharts {
    private static final BasicStroke THIN = new BasicStroke(1.0f);
    private static final BasicStroke LINE = new BasicStroke(1.6f);
    private static final BasicStroke THICK = new BasicStroke(2.4f);
    private static final BasicStroke DASHED =
            new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f);

    /** Generated profiles in order: blue, orange, bluish green, reddish purple, sky blue (vermillion marks edge cases). */
    private static final List<Color> GENERATED =
            List.of(Palette.BLUE, Palette.ORANGE, Palette.BLUISH_GREEN, Palette.REDDISH_PURPLE, Palette.SKY_BLUE);

    private ReportCharts() {}

    /** Load (black) against the forecast median (blue) and its p10–p90 band (shaded), over the window of largest miss. */
    public static JFreeChart loadForecast(LoadForecast f, Duration window) {
        Instant from = f.p50().start().isBefore(f.load().start())
                ? f.p50().start()
                : f.load().start();
        Instant to =
                f.p50().end().isAfter(f.load().end()) ? f.p50().end() : f.load().end();
        // interest: load outside the band, and the band's width where no load is known yet
        double[] interest = new double[f.p50().size()];
        for (int i = 0; i < interest.length; i++) {
            double load = valueAt(f.load(), f.p50().timeAt(i));
            double lo = f.p10().valueAt(i);
            double hi = f.p90().valueAt(i);
            interest[i] = Double.isNaN(load) ? 0 : Math.max(0, load - hi) + Math.max(0, lo - load);
        }
        InterestingWindow w =
                InterestingWindow.of(interest, steps(window, f.p50().step()));
        Instant wFrom = f.p50().timeAt(w.from());
        Instant wTo = f.p50().timeAt(Math.max(w.from(), w.to() - 1));
        if (allZero(interest)) {
            // nothing missed (or nothing to compare): the end of the forecast with history before it
            wTo = to;
            wFrom = to.minus(window);
            if (wFrom.isBefore(from)) {
                wFrom = from;
            }
        }
        YIntervalSeries band = new YIntervalSeries("forecast p50 with p10–p90 band");
        for (int i = 0; i < f.p50().size(); i++) {
            Instant t = f.p50().timeAt(i);
            if (!t.isBefore(wFrom) && !t.isAfter(wTo) && Double.isFinite(f.p50().valueAt(i))) {
                band.add(
                        t.toEpochMilli(),
                        f.p50().valueAt(i),
                        f.p10().valueAt(i),
                        f.p90().valueAt(i));
            }
        }
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(band);
        DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
        bandRenderer.setSeriesPaint(0, Palette.BLUE);
        bandRenderer.setSeriesFillPaint(0, Palette.SKY_BLUE);
        bandRenderer.setSeriesStroke(0, LINE);
        bandRenderer.setAlpha(0.35f);
        XYPlot plot =
                Axes.style(new XYPlot(bands, Axes.time(), Axes.number("load (" + f.unit() + ")", true), bandRenderer));
        XYSeriesCollection load = new XYSeriesCollection(series("observed load", f.load(), wFrom, wTo));
        plot.setDataset(1, load);
        plot.setRenderer(1, lines(List.of(Palette.BLACK), List.of(LINE)));
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        return Axes.chart("Load vs forecast", plot);
    }

    /** Desired (vermillion steps) and running (blue steps) instances, with decisions as triangles at their target. */
    public static JFreeChart counts(Counts c, Duration window) {
        Instant[] span = countsWindow(c, window);
        Instant from = span[0];
        Instant to = span[1];
        XYSeriesCollection counts = new XYSeriesCollection();
        counts.addSeries(series("desired", c.desired(), from, to));
        counts.addSeries(series("running", c.running(), from, to));
        XYStepRenderer steps = new XYStepRenderer();
        steps.setSeriesPaint(0, Palette.VERMILLION);
        steps.setSeriesStroke(0, THICK);
        steps.setSeriesPaint(1, Palette.BLUE);
        steps.setSeriesStroke(1, DASHED);
        XYPlot plot = Axes.style(new XYPlot(counts, Axes.time(), Axes.number("instances", true), steps));
        XYSeries out = new XYSeries("scale out", true, true);
        XYSeries in = new XYSeries("scale in", true, true);
        for (Decision d : c.decisions()) {
            if (d.time().isBefore(from) || d.time().isAfter(to)) {
                continue;
            }
            if (d.to() > d.from()) {
                out.add(d.time().toEpochMilli(), d.to());
            } else if (d.to() < d.from()) {
                in.add(d.time().toEpochMilli(), d.to());
            }
        }
        XYSeriesCollection marks = new XYSeriesCollection();
        marks.addSeries(out);
        marks.addSeries(in);
        XYLineAndShapeRenderer shapes = new XYLineAndShapeRenderer(false, true);
        shapes.setSeriesPaint(0, Palette.VERMILLION);
        shapes.setSeriesShape(0, triangle(true));
        shapes.setSeriesPaint(1, Palette.BLUISH_GREEN);
        shapes.setSeriesShape(1, triangle(false));
        plot.setDataset(1, marks);
        plot.setRenderer(1, shapes);
        return Axes.chart("Desired vs running instances, with decisions", plot);
    }

    /**
     * The first and last instant that {@link #counts} shows: the window with the most count changes and the
     * largest gaps between desired and running.
     */
    public static Instant[] countsWindow(Counts c, Duration window) {
        double[] interest = new double[c.desired().size()];
        for (int i = 1; i < interest.length; i++) {
            interest[i] = Math.abs(c.desired().valueAt(i) - c.desired().valueAt(i - 1))
                    + Math.abs(c.desired().valueAt(i)
                            - valueAt(c.running(), c.desired().timeAt(i)));
        }
        InterestingWindow w =
                InterestingWindow.of(interest, steps(window, c.desired().step()));
        return new Instant[] {c.desired().timeAt(w.from()), c.desired().timeAt(Math.max(w.from(), w.to() - 1))};
    }

    /** p99 latency against offered load per configuration, the SLO as a dashed line; error share on the right axis. */
    public static JFreeChart slo(List<SloCurve> curves) {
        XYSeriesCollection latency = new XYSeriesCollection();
        XYSeriesCollection errors = new XYSeriesCollection();
        double slo = curves.isEmpty() ? Double.NaN : curves.get(0).sloMs();
        for (SloCurve c : curves) {
            XYSeries l = new XYSeries("p99 " + c.configuration(), false, true);
            XYSeries e = new XYSeries("errors " + c.configuration(), false, true);
            double[] x = c.offeredRps();
            double[] p = c.p99Ms();
            double[] s = c.errorShare();
            for (int i = 0; i < x.length; i++) {
                l.add(x[i], finiteOrNull(p[i]));
                e.add(x[i], finiteOrNull(s[i]));
            }
            latency.addSeries(l);
            errors.addSeries(e);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        XYLineAndShapeRenderer re = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < curves.size(); i++) {
            r.setSeriesPaint(i, Palette.series(i));
            r.setSeriesStroke(i, LINE);
            re.setSeriesPaint(i, Palette.series(i));
            re.setSeriesStroke(i, DASHED);
        }
        XYPlot plot = Axes.style(new XYPlot(
                latency, Axes.number("offered load (requests/s)", true), Axes.number("p99 latency (ms)", true), r));
        plot.setRangeAxis(1, Axes.share("error share (dashed)"));
        plot.setDataset(1, errors);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, re);
        if (Double.isFinite(slo)) {
            ValueMarker m = new ValueMarker(slo, Palette.BLACK, DASHED);
            m.setLabel("SLO " + new java.text.DecimalFormat("#,##0").format(slo) + " ms");
            m.setLabelFont(Axes.TICK);
            m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(m);
        }
        return Axes.chart("SLO: p99 latency and errors by offered load", plot);
    }

    /** Real days thin and grey behind generated profiles; edge cases dashed. x is the hour of day. */
    public static JFreeChart profiles(ProfileLibrary lib) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        double hoursPerStep = lib.step().toSeconds() / 3600.0;
        int s = 0;
        for (double[] day : lib.real()) {
            XYSeries series = new XYSeries(s == 0 ? "real days" : "real day " + s, false, true);
            for (int t = 0; t < day.length; t++) {
                series.add(t * hoursPerStep, finiteOrNull(day[t]));
            }
            data.addSeries(series);
            r.setSeriesPaint(s, Palette.GREY);
            r.setSeriesStroke(s, THIN);
            r.setSeriesVisibleInLegend(s, s == 0);
            s++;
        }
        int g = 0;
        for (ProfileLibrary.Profile p : lib.generated()) {
            XYSeries series = new XYSeries(p.name() + (p.edgeCase() ? " (edge case)" : ""), false, true);
            double[] v = p.values();
            for (int t = 0; t < v.length; t++) {
                series.add(t * hoursPerStep, finiteOrNull(v[t]));
            }
            data.addSeries(series);
            r.setSeriesPaint(s, p.edgeCase() ? Palette.VERMILLION : GENERATED.get(g % GENERATED.size()));
            r.setSeriesStroke(s, p.edgeCase() ? DASHED : THICK);
            s++;
            g++;
        }
        NumberAxis hours = Axes.number("hour of day (UTC)", true);
        hours.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(3));
        XYPlot plot = Axes.style(new XYPlot(data, hours, Axes.number("load (" + lib.unit() + ")", true), r));
        return Axes.chart("Profile library: generated days against real ones", plot);
    }

    /** The series above, its anomaly score below with the threshold; flagged spans shaded in both. */
    public static JFreeChart anomalies(AnomalyTrack a, Duration window) {
        double[] interest = new double[a.scores().size()];
        for (int i = 0; i < interest.length; i++) {
            double v = a.scores().valueAt(i);
            interest[i] = Double.isFinite(v) && v >= a.threshold() ? 1 + v : 0;
        }
        InterestingWindow w =
                InterestingWindow.of(interest, steps(window, a.scores().step()));
        Instant from = a.scores().timeAt(w.from());
        Instant to = a.scores().timeAt(Math.max(w.from(), w.to() - 1));
        DateAxis time = Axes.time();
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(time);
        combined.setGap(8);
        XYPlot top = Axes.style(new XYPlot(
                new XYSeriesCollection(series(a.name(), a.values(), from, to)),
                null,
                Axes.number("load (" + a.unit() + ")", true),
                lines(List.of(Palette.BLACK), List.of(LINE))));
        XYPlot bottom = Axes.style(new XYPlot(
                new XYSeriesCollection(series("anomaly score", a.scores(), from, to)),
                null,
                Axes.number("score", true),
                lines(List.of(Palette.REDDISH_PURPLE), List.of(LINE))));
        ValueMarker threshold = new ValueMarker(a.threshold(), Palette.BLACK, DASHED);
        threshold.setLabel("threshold");
        threshold.setLabelFont(Axes.TICK);
        threshold.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
        threshold.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
        bottom.addRangeMarker(threshold);
        for (AnomalyTrack.Span span : a.flagged()) {
            if (span.to().isBefore(from) || span.from().isAfter(to)) {
                continue;
            }
            for (XYPlot p : List.of(top, bottom)) {
                IntervalMarker m =
                        new IntervalMarker(span.from().toEpochMilli(), span.to().toEpochMilli());
                m.setPaint(Palette.ORANGE);
                m.setAlpha(0.3f);
                p.addDomainMarker(m, Layer.BACKGROUND);
            }
        }
        combined.add(top, 3);
        combined.add(bottom, 2);
        return Axes.chart("Anomaly scores and flagged spans (orange)", combined);
    }

    /** Mean episode reward per agent against episodes trained. */
    public static JFreeChart tuning(List<TuningCurve> curves) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < curves.size(); i++) {
            TuningCurve c = curves.get(i);
            XYSeries s = new XYSeries(c.agent(), false, true);
            double[] x = c.episodes();
            double[] y = c.reward();
            for (int k = 0; k < x.length; k++) {
                s.add(x[k], finiteOrNull(y[k]));
            }
            data.addSeries(s);
            r.setSeriesPaint(i, Palette.series(i));
            r.setSeriesStroke(i, i == 0 ? THICK : DASHED);
        }
        XYPlot plot = Axes.style(new XYPlot(
                data, Axes.number("episodes", true), Axes.number("mean episode reward (higher is better)", false), r));
        return Axes.chart("Tuning learning curve", plot);
    }

    /** Demand (black) and each strategy's ready capacity over the window with the most unserved demand. */
    public static JFreeChart capacity(CapacityTimeline c, Duration window) {
        TimeSeries demand = c.demand();
        double[] interest = new double[demand.size()];
        for (int t = c.scoredFrom(); t < demand.size(); t++) {
            double d = demand.valueAt(t);
            for (NamedSeries s : c.capacity()) {
                double cap = valueAt(s.series(), demand.timeAt(t));
                if (Double.isFinite(d) && Double.isFinite(cap)) {
                    interest[t] += Math.max(0, d - cap);
                }
            }
        }
        int width = steps(window, demand.step());
        InterestingWindow w = allZero(interest)
                ? new InterestingWindow(Math.max(c.scoredFrom(), demand.size() - width), demand.size())
                : InterestingWindow.of(interest, width);
        Instant from = demand.timeAt(w.from());
        Instant to = demand.timeAt(Math.max(w.from(), w.to() - 1));
        XYSeriesCollection data = new XYSeriesCollection();
        List<Color> colours = new java.util.ArrayList<>();
        List<BasicStroke> strokes = new java.util.ArrayList<>();
        int i = 0;
        for (NamedSeries s : c.capacity()) {
            data.addSeries(series(s.name() + " capacity", s.series(), from, to));
            colours.add(Palette.series(i));
            strokes.add(i == 0 ? THICK : LINE);
            i++;
        }
        data.addSeries(series("demand", demand, from, to));
        colours.add(Palette.BLACK);
        strokes.add(LINE);
        XYPlot plot = Axes.style(
                new XYPlot(data, Axes.time(), Axes.number("load (" + c.unit() + ")", true), lines(colours, strokes)));
        return Axes.chart("Backtest " + c.trace() + ": demand vs ready capacity", plot);
    }

    private static XYLineAndShapeRenderer lines(List<Color> colours, List<BasicStroke> strokes) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < colours.size(); i++) {
            r.setSeriesPaint(i, colours.get(i));
            r.setSeriesStroke(i, strokes.get(i));
        }
        return r;
    }

    private static XYSeries series(String name, TimeSeries s, Instant from, Instant to) {
        XYSeries out = new XYSeries(name, false, true);
        for (int i = 0; i < s.size(); i++) {
            Instant t = s.timeAt(i);
            if (!t.isBefore(from) && !t.isAfter(to)) {
                out.add(t.toEpochMilli(), finiteOrNull(s.valueAt(i)));
            }
        }
        return out;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double valueAt(TimeSeries s, Instant t) {
        long i = s.indexOf(t);
        return i >= 0 && i < s.size() ? s.valueAt((int) i) : Double.NaN;
    }

    private static int steps(Duration window, Duration step) {
        return (int) Math.max(1, window.toMillis() / Math.max(1, step.toMillis()));
    }

    private static boolean allZero(double[] v) {
        for (double x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static Shape triangle(boolean up) {
        Path2D.Double p = new Path2D.Double();
        double s = 6;
        if (up) {
            p.moveTo(0, -s);
            p.lineTo(s, s);
            p.lineTo(-s, s);
        } else {
            p.moveTo(0, s);
            p.lineTo(s, -s);
            p.lineTo(-s, -s);
        }
        p.closePath();
        return p;
    }
}
