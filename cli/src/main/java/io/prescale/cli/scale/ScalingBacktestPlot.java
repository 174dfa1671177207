package io.prescale.cli.scale;

import io.prescale.cli.base.BadInputException;
import io.prescale.core.scale.ScalingBacktestResult;
import io.prescale.core.scale.StrategyResult;
import io.prescale.core.series.TimeSeries;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The timeline picture of a backtest (PNG, drawn with java.awt so that the cli needs no chart library): demand
 * per step and each strategy's ready capacity (ready instances × c) over the last three scored days. Written
 * to a temporary file and moved into place, so a failure leaves nothing half-written.
 */
final class ScalingBacktestPlot {
    private static final int WIDTH = 1500;
    private static final int HEIGHT = 620;
    private static final int LEFT = 80;
    private static final int RIGHT = 20;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final List<Color> COLORS = List.of(new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b));

    private ScalingBacktestPlot() {
    }

    static void write(ScalingBacktestResult result, Path file) {
        TimeSeries demand = result.demand();
        int window = result.settings().stepsIn(Duration.ofDays(3));
        int to = demand.size();
        int from = Math.max(result.scoredFrom(), to - window);
        double c = result.settings().capacity();
        double top = 1;
        for (int t = from; t < to; t++) {
            top = Math.max(top, Double.isNaN(demand.valueAt(t)) ? 0 : demand.valueAt(t));
            for (StrategyResult s : result.strategies()) {
                top = Math.max(top, s.ready()[t] * c);
            }
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            axes(g, demand, from, to, top * 1.05);
            int i = 0;
            for (StrategyResult s : result.strategies()) {
                int[] ready = s.ready();
                double[] capacity = new double[to - from];
                for (int t = from; t < to; t++) {
                    capacity[t - from] = ready[t] * c;
                }
                line(g, capacity, top * 1.05, COLORS.get(i % COLORS.size()), 1.4f, s.name(), i + 1);
                i++;
            }
            double[] d = new double[to - from];
            for (int t = from; t < to; t++) {
                d[t - from] = demand.valueAt(t);
            }
            line(g, d, top * 1.05, Color.BLACK, 2f, "demand", 0);
        } finally {
            g.dispose();
        }
        save(image, file);
    }

    private static void axes(Graphics2D g, TimeSeries demand, int from, int to, double top) {
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
        g.drawLine(LEFT, TOP, LEFT, HEIGHT - BOTTOM);
        for (int k = 0; k <= 5; k++) {
            int y = y(top * k / 5, top);
            g.setColor(new Color(0xeeeeee));
            g.drawLine(LEFT + 1, y, WIDTH - RIGHT, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format("%.0f", top * k / 5), 8, y + 5);
        }
        g.drawString(demand.timeAt(from).toString(), LEFT, HEIGHT - BOTTOM + 20);
        String end = demand.timeAt(to).toString();
        g.drawString(end, WIDTH - RIGHT - g.getFontMetrics().stringWidth(end), HEIGHT - BOTTOM + 20);
        g.drawString("requests per step (demand) and ready instances × capacity, step " + demand.step(), LEFT,
                HEIGHT - 15);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Backtest timeline, last scored days", LEFT, 28);
    }

    private static void line(Graphics2D g, double[] values, double top, Color color, float width, String label,
                             int legendRow) {
        g.setColor(color);
        g.setStroke(new BasicStroke(width));
        int n = values.length;
        int prevX = -1;
        int prevY = -1;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(values[i])) {
                prevX = -1;
                continue;
            }
            int x = LEFT + (int) Math.round((WIDTH - LEFT - RIGHT) * (double) i / Math.max(1, n - 1));
            int y = y(values[i], top);
            if (prevX >= 0) {
                g.drawLine(prevX, prevY, x, y);
            }
            prevX = x;
            prevY = y;
        }
        g.setStroke(new BasicStroke(1f));
        int lx = LEFT + 330 + legendRow * 175;
        int ly = 28;
        g.fillRect(lx, ly - 9, 22, 4);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(label, lx + 30, ly);
    }

    private static int y(double value, double top) {
        return HEIGHT - BOTTOM - (int) Math.round((HEIGHT - TOP - BOTTOM) * value / top);
    }

    private static void save(BufferedImage image, Path file) {
        try {
            Path target = file.toAbsolutePath();
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".plot", ".png");
            try {
                ImageIO.write(image, "png", temp.toFile());
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new BadInputException("--plot", file.toString(), "cannot write --plot " + file + ": " + e.getMessage(), e);
        }
    }
}
