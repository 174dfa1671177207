package io.prescale.grafana.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;

/**
 * Writes a {@link Report} as one self-contained page: {@code report.html} with its figures as PNGs in
 * {@code img/} beside it. The page loads nothing from the network (no scripts, fonts or styles from elsewhere);
 * each figure has one sentence saying what to look at. Each file is written to a temporary name and moved
 * into place.
 */
public final class ReportWriter {
    /** Width of every figure in pixels. */
    public static final int WIDTH = 1200;
    /** Height of a figure in pixels. */
    public static final int HEIGHT = 480;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);
    private static final int MAX_DECISIONS = 12;

    private ReportWriter() {}

    /** One rendered figure: file name under img/, alt text, the sentence under it. */
    private record Figure(String file, String alt, String caption, JFreeChart chart, int height) {}

    /** Writes {@code report.html} and {@code img/*.png} under {@code dir}; returns the files, relative to {@code dir}. */
    public static List<Path> write(Report report, Path dir) throws IOException {
        List<Figure> figures = figures(report);
        List<Path> written = new ArrayList<>();
        for (Figure f : figures) {
            Path rel = Path.of("img", f.file());
            ChartImages.writePng(f.chart(), dir.resolve(rel), WIDTH, f.height());
            written.add(rel);
        }
        Path html = dir.resolve("report.html");
        Path temp = Files.createTempFile(dir.toAbsolutePath(), ".report", ".tmp");
        try {
            Files.writeString(temp, html(report, figures), StandardCharsets.UTF_8);
            Files.move(temp, html, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        written.add(Path.of("report.html"));
        return written;
    }

    private static List<Figure> figures(Report r) {
        List<Figure> out = new ArrayList<>();
        String days = days(r);
        r.loadForecast()
                .ifPresent(f -> out.add(new Figure(
                        "load-forecast.png",
                        "Load vs forecast",
                        "Look for the black observed load leaving the blue p10–p90 band: that is where the forecast missed"
                                + " (shown: the " + days + " with the largest misses).",
                        ReportCharts.loadForecast(f, r.window()),
                        HEIGHT)));
        r.counts()
                .ifPresent(c -> out.add(new Figure(
                        "counts.png",
                        "Desired vs running instances",
                        "The solid desired count should step up before the dashed running count, and every triangle is a"
                                + " decision whose reason is listed in the table above (shown: the " + days
                                + " with the most changes).",
                        ReportCharts.counts(c, r.window()),
                        HEIGHT)));
        for (int i = 0; i < r.backtests().size(); i++) {
            CapacityTimeline b = r.backtests().get(i);
            out.add(new Figure(
                    "backtest-" + (i + 1) + ".png",
                    "Backtest " + b.trace(),
                    "Wherever the black demand rises above a strategy's capacity line, that strategy left load"
                            + " unserved (shown: the " + days + " with the most unserved load).",
                    ReportCharts.capacity(b, r.window()),
                    HEIGHT));
        }
        if (!r.slo().isEmpty()) {
            out.add(new Figure(
                    "slo.png",
                    "SLO: p99 latency and errors by offered load",
                    "The offered load at which a configuration's p99 line crosses the dashed SLO is the most one"
                            + " such instance set can serve.",
                    ReportCharts.slo(r.slo()),
                    HEIGHT));
        }
        r.profiles()
                .ifPresent(p -> out.add(new Figure(
                        "profiles.png",
                        "Profile library",
                        "Generated days (coloured) should look like the grey real days, while the dashed edge case should"
                                + " go beyond them.",
                        ReportCharts.profiles(p),
                        HEIGHT)));
        r.anomalies()
                .ifPresent(a -> out.add(new Figure(
                        "anomalies.png",
                        "Anomaly scores",
                        "Scores above the dashed threshold are flagged; check that the shaded spans sit on visibly unusual"
                                + " load (shown: the " + days + " with the most flagged steps).",
                        ReportCharts.anomalies(a, r.window()),
                        HEIGHT + 120)));
        if (!r.tuning().isEmpty()) {
            out.add(new Figure(
                    "tuning.png",
                    "Tuning learning curve",
                    "The thick line (the learning agent) should end above the dashed baselines and level off.",
                    ReportCharts.tuning(r.tuning()),
                    HEIGHT));
        }
        return out;
    }

    private static String days(Report r) {
        long hours = r.window().toHours();
        return hours % 24 == 0 ? (hours / 24) + (hours == 24 ? " day" : " days") : hours + " hours";
    }

    private static String html(Report r, List<Figure> figures) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(esc(r.title()))
                .append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:1240px;margin:2em auto;padding:0 1em;color:#222}\n")
                .append("h1{margin-bottom:0.2em}.when{color:#555;margin-top:0}\n")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 10px;")
                .append("text-align:left}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\n")
                .append("figure{margin:2em 0}img{max-width:100%;height:auto;border:1px solid #eee}\n")
                .append("figcaption{margin-top:0.4em;color:#333}\n</style>\n</head>\n<body>\n");
        h.append("<h1>")
                .append(esc(r.title()))
                .append("</h1>\n<p class=\"when\">Generated ")
                .append(esc(TIME.format(r.generatedAt())))
                .append("</p>\n");
        if (!r.facts().isEmpty()) {
            h.append("<h2>Key figures</h2>\n<table>\n");
            for (Report.Fact f : r.facts()) {
                h.append("<tr><th>")
                        .append(esc(f.label()))
                        .append("</th><td class=\"n\">")
                        .append(esc(f.value()))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (!r.policy().isEmpty()) {
            policy(h, r.policy());
        }
        if (!r.actuator().isEmpty()) {
            actuator(h, r.actuator());
        }
        r.counts().ifPresent(c -> decisions(h, c, r.window()));
        h.append("<h2>Figures</h2>\n");
        for (Figure f : figures) {
            h.append("<figure>\n<img src=\"img/")
                    .append(esc(f.file()))
                    .append("\" alt=\"")
                    .append(esc(f.alt()))
                    .append("\" width=\"")
                    .append(WIDTH)
                    .append("\" height=\"")
                    .append(f.height())
                    .append("\">\n")
                    .append("<figcaption>")
                    .append(esc(f.caption()))
                    .append("</figcaption>\n</figure>\n");
        }
        List<String> missing = missing(r);
        if (!missing.isEmpty()) {
            h.append("<p>Not in this run: ")
                    .append(esc(String.join(", ", missing)))
                    .append(".</p>\n");
        }
        for (String n : r.notes()) {
            h.append("<p>").append(esc(n)).append("</p>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void policy(StringBuilder h, List<PolicyRow> rows) {
        h.append("<h2>Scaling policy</h2>\n<p>Each load band and what the policy holds there; read the expected p99")
                .append(" against the SLO.</p>\n<table>\n<tr><th class=\"n\">load from (requests/s)</th>")
                .append("<th class=\"n\">load to (requests/s)</th><th class=\"n\">instances</th>")
                .append("<th>configuration</th><th class=\"n\">expected p99 (ms)</th>")
                .append("<th class=\"n\">cost (instance-hours per hour)</th></tr>\n");
        for (PolicyRow p : rows) {
            h.append("<tr><td class=\"n\">")
                    .append(num(p.loadFrom()))
                    .append("</td><td class=\"n\">")
                    .append(num(p.loadTo()))
                    .append("</td><td class=\"n\">")
                    .append(p.instances())
                    .append("</td><td>")
                    .append(esc(p.configuration()))
                    .append("</td><td class=\"n\">")
                    .append(num(p.expectedP99Ms()))
                    .append("</td><td class=\"n\">")
                    .append(num(p.costPerHour()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void actuator(StringBuilder h, List<Decision> decisions) {
        h.append("<h2>What the actuator decided</h2>\n<p>One evaluation cycle over the annotated job groups: what")
                .append(" each group would be scaled to now, and why.</p>\n<table>\n<tr><th>time</th><th>action</th>")
                .append("<th class=\"n\">instances</th><th>reason</th></tr>\n");
        for (Decision d : decisions) {
            h.append("<tr><td>")
                    .append(esc(TIME.format(d.time())))
                    .append("</td><td>")
                    .append(esc(d.action()))
                    .append("</td><td class=\"n\">")
                    .append(d.from())
                    .append(" → ")
                    .append(d.to())
                    .append("</td><td>")
                    .append(esc(d.reason()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** The count changes inside the window the counts figure shows, at most {@value #MAX_DECISIONS}. */
    private static void decisions(StringBuilder h, Counts counts, java.time.Duration window) {
        java.time.Instant[] span = ReportCharts.countsWindow(counts, window);
        List<Decision> changes = counts.decisions().stream()
                .filter(d -> d.from() != d.to())
                .filter(d -> !d.time().isBefore(span[0]) && !d.time().isAfter(span[1]))
                .toList();
        if (changes.isEmpty()) {
            return;
        }
        h.append("<h2>What would be decided and why</h2>\n<p>The count changes in the days the instance figure")
                .append(" shows, with their reasons.</p>\n<table>\n<tr><th>time</th><th>action</th>")
                .append("<th class=\"n\">instances</th><th>reason</th></tr>\n");
        for (Decision d : changes.subList(0, Math.min(MAX_DECISIONS, changes.size()))) {
            h.append("<tr><td>")
                    .append(esc(TIME.format(d.time())))
                    .append("</td><td>")
                    .append(esc(d.action()))
                    .append("</td><td class=\"n\">")
                    .append(d.from())
                    .append(" → ")
                    .append(d.to())
                    .append("</td><td>")
                    .append(esc(d.reason()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (changes.size() > MAX_DECISIONS) {
            h.append("<p>").append(num(changes.size() - MAX_DECISIONS)).append(" more changes not listed.</p>\n");
        }
    }

    private static List<String> missing(Report r) {
        List<String> m = new ArrayList<>();
        if (r.loadForecast().isEmpty()) {
            m.add("forecast");
        }
        if (r.counts().isEmpty()) {
            m.add("instance counts");
        }
        if (r.actuator().isEmpty()) {
            m.add("actuator cycle");
        }
        if (r.slo().isEmpty()) {
            m.add("load tests");
        }
        if (r.profiles().isEmpty()) {
            m.add("profile library");
        }
        if (r.anomalies().isEmpty()) {
            m.add("anomaly scan");
        }
        if (r.tuning().isEmpty()) {
            m.add("tuning");
        }
        if (r.policy().isEmpty()) {
            m.add("policy table");
        }
        if (r.backtests().isEmpty()) {
            m.add("scaling backtest");
        }
        return m;
    }

    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.UK)).format(v);
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
