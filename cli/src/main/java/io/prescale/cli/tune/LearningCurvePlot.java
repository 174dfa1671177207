package io.prescale.cli.tune;

import io.prescale.core.tune.Ppo;
import io.prescale.core.tune.TuneResult;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The learning-curve picture of a tuning run (JFreeChart): PPO's mean episode reward against environment steps on
 * the left; the best cost per hour that held the SLO after each real load test, for Bayesian optimisation and random
 * search, against the PPO policy's and the grid optimum's top-band cost, on the right.
 */
final class LearningCurvePlot {
    private LearningCurvePlot() {}

    static void write(TuneResult result, Path file) throws IOException {
        XYSeries reward = new XYSeries("PPO mean episode reward");
        for (Ppo.CurvePoint p : result.ppoCurve()) {
            reward.add(p.steps(), p.meanEpisodeReward());
        }
        JFreeChart left = ChartFactory.createXYLineChart(
                "PPO learning curve",
                "environment steps",
                "mean episode reward",
                new XYSeriesCollection(reward),
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        XYSeriesCollection costs = new XYSeriesCollection();
        costs.addSeries(bestSoFar("Bayesian optimisation (best so far)", result.bayesCurve()));
        costs.addSeries(bestSoFar("random search (best so far)", result.randomCurve()));
        int trials = Math.max(result.bayesCurve().size(), result.randomCurve().size());
        costs.addSeries(flat("PPO policy, top band", result.ppo().costPerHour(), trials));
        costs.addSeries(flat("grid optimum, top band", result.gridOptimum().costPerHour(), trials));
        JFreeChart right = ChartFactory.createXYLineChart(
                "Cost that held the SLO at the sizing load",
                "real load tests",
                "cost per hour",
                costs,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        BufferedImage image = new BufferedImage(1400, 500, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1400, 500);
        left.draw(g, new Rectangle2D.Double(0, 0, 700, 500));
        right.draw(g, new Rectangle2D.Double(700, 0, 700, 500));
        g.dispose();
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, ".curve", ".png");
        try {
            ImageIO.write(image, "png", temp.toFile());
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static XYSeries bestSoFar(String name, List<Double> curve) {
        XYSeries series = new XYSeries(name);
        for (int i = 0; i < curve.size(); i++) {
            if (Double.isFinite(curve.get(i))) {
                series.add(i + 1, curve.get(i));
            }
        }
        return series;
    }

    private static XYSeries flat(String name, double value, int trials) {
        XYSeries series = new XYSeries(name);
        if (Double.isFinite(value)) {
            series.add(1, value);
            series.add(Math.max(2, trials), value);
        }
        return series;
    }
}
