package io.prescale.grafana.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @Test
    void writesAPageWhoseEveryImageExistsWithItsDeclaredSize(@TempDir Path dir) throws Exception {
        List<Path> files = ReportWriter.write(ReportFixture.full(), dir);
        assertThat(files)
                .contains(
                        Path.of("report.html"),
                        Path.of("img/load-forecast.png"),
                        Path.of("img/slo.png"),
                        Path.of("img/anomalies.png"),
                        Path.of("img/tuning.png"),
                        Path.of("img/profiles.png"),
                        Path.of("img/counts.png"),
                        Path.of("img/backtest-1.png"));
        String html = Files.readString(dir.resolve("report.html"));
        Matcher img = Pattern.compile("<img src=\"([^\"]+)\"[^>]*width=\"(\\d+)\" height=\"(\\d+)\"")
                .matcher(html);
        int images = 0;
        while (img.find()) {
            BufferedImage png = ImageIO.read(dir.resolve(img.group(1)).toFile());
            assertThat(png.getWidth()).isEqualTo(Integer.parseInt(img.group(2)));
            assertThat(png.getHeight()).isEqualTo(Integer.parseInt(img.group(3)));
            images++;
        }
        assertThat(images).isEqualTo(7);
        try (var all = Files.walk(dir)) {
            assertThat(all.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void thePageIsSelfContainedAndEscapesText(@TempDir Path dir) throws Exception {
        ReportWriter.write(ReportFixture.full(), dir);
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).doesNotContain("http://", "https://", "<script", "<link", "@import");
        assertThat(html).contains("Prescale demo report &lt;fixture&gt;").doesNotContain("<fixture>");
        assertThat(html).contains("12,345", "2,500", "scale_out", "&lt;needs&gt;");
        assertThat(html).contains("<figcaption>");
        assertThat(html).doesNotContain("Not in this run");
    }

    @Test
    void theActuatorCycleIsATableOfDecisionsWithTheirReasons(@TempDir Path dir) throws Exception {
        ReportWriter.write(ReportFixture.full(), dir);
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html)
                .contains(
                        "What the actuator decided",
                        "3 → 5",
                        "default/web/api: &lt;p90&gt; forecast over the 10 min lead needs 5 instances");
    }

    @Test
    void aReportWithoutOptionalPanelsSaysWhatIsMissing(@TempDir Path dir) throws Exception {
        Report r = Report.builder("Prescale", Instant.EPOCH).fact("x", "1").build();
        assertThat(ReportWriter.write(r, dir)).containsExactly(Path.of("report.html"));
        assertThat(Files.readString(dir.resolve("report.html")))
                .contains("Not in this run: forecast, instance counts, actuator cycle, load tests, profile library");
    }

    @Test
    void axesHaveUnitsThousandsSeparatorsAndUtcDates() {
        Report r = ReportFixture.full();
        JFreeChart chart = ReportCharts.loadForecast(r.loadForecast().orElseThrow(), r.window());
        XYPlot plot = chart.getXYPlot();
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        assertThat(y.getLabel()).isEqualTo("load (requests/s)");
        assertThat(y.getNumberFormatOverride().format(12345.5)).isEqualTo("12,345.5");
        DateAxis x = (DateAxis) plot.getDomainAxis();
        assertThat(x.getLabel()).isEqualTo("time (UTC)");
        assertThat(x.getDateFormatOverride().format(java.util.Date.from(Instant.parse("2026-01-06T14:00:00Z"))))
                .isEqualTo("Tue 6 Jan 14:00");
    }

    @Test
    void theLoadFigureShowsTheDaysWithTheFlashCrowd() {
        Report r = ReportFixture.full();
        XYPlot plot = ReportCharts.loadForecast(r.loadForecast().orElseThrow(), r.window())
                .getXYPlot();
        double first = plot.getDataset(1).getXValue(0, 0);
        double last = plot.getDataset(1).getXValue(0, plot.getDataset(1).getItemCount(0) - 1);
        long spike = ReportFixture.load().timeAt(ReportFixture.SPIKE).toEpochMilli();
        assertThat(spike).isBetween((long) first, (long) last);
        assertThat(last - first).isLessThanOrEqualTo(r.window().toMillis());
    }

    @Test
    void interestingWindowPicksTheLargestSumAndPrefersTheLatestOnTies() {
        assertThat(InterestingWindow.of(new double[] {0, 0, 5, 5, 0, 0, 1}, 2)).isEqualTo(new InterestingWindow(2, 4));
        assertThat(InterestingWindow.of(new double[] {1, 0, 0, 1}, 1)).isEqualTo(new InterestingWindow(3, 4));
        assertThat(InterestingWindow.of(new double[] {1, 2}, 5)).isEqualTo(new InterestingWindow(0, 2));
        assertThat(InterestingWindow.of(new double[] {Double.NaN, 1, Double.NaN}, 1))
                .isEqualTo(new InterestingWindow(1, 2));
    }

    @Test
    void paletteIsOkabeIto() {
        assertThat(Palette.SERIES)
                .extracting(c -> String.format("#%06X", c.getRGB() & 0xFFFFFF))
                .containsExactly("#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#F0E442");
    }
}
