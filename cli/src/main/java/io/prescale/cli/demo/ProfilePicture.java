package io.prescale.cli.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A PNG of day profiles on one time axis, without text (so that it needs no fonts): real days as thin grey lines,
 * generated ones as thick coloured lines in the order blue, orange, green, red. The README explains the colours.
 */
final class ProfilePicture {
    private static final Color[] COLOURS = {new Color(31, 119, 180), new Color(255, 127, 14),
        new Color(44, 160, 44), new Color(214, 39, 40)};
    private static final int WIDTH = 900;
    private static final int HEIGHT = 360;
    private static final int MARGIN = 20;

    private ProfilePicture() {
    }

    static void write(Path file, List<double[]> real, List<double[]> generated) throws IOException {
        double max = 0;
        for (List<double[]> group : List.of(real, generated)) {
            for (double[] day : group) {
                for (double v : day) {
                    max = Math.max(max, v);
                }
            }
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.LIGHT_GRAY);
        g.drawRect(MARGIN, MARGIN, WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN);
        g.setStroke(new BasicStroke(1f));
        g.setColor(new Color(150, 150, 150));
        for (double[] day : real) {
            line(g, day, max);
        }
        g.setStroke(new BasicStroke(3f));
        for (int i = 0; i < generated.size(); i++) {
            g.setColor(COLOURS[i % COLOURS.length]);
            line(g, generated.get(i), max);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void line(Graphics2D g, double[] day, double max) {
        int plotWidth = WIDTH - 2 * MARGIN;
        int plotHeight = HEIGHT - 2 * MARGIN;
        for (int t = 1; t < day.length; t++) {
            int x0 = MARGIN + (t - 1) * plotWidth / (day.length - 1);
            int x1 = MARGIN + t * plotWidth / (day.length - 1);
            int y0 = HEIGHT - MARGIN - (int) (day[t - 1] / max * plotHeight);
            int y1 = HEIGHT - MARGIN - (int) (day[t] / max * plotHeight);
            g.drawLine(x0, y0, x1, y1);
        }
    }
}
