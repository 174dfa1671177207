package io.prescale.grafana.report;

import java.awt.Color;
import java.util.List;

/**
 * The Okabe–Ito palette (Okabe and Ito 2008, "Color Universal Design: How to make figures and presentations
 * that are friendly to colorblind people"): eight colours that stay distinguishable under the common colour-vision
 * deficiencies. Lines also differ in width or dash where it matters, so no figure relies on colour alone.
 */
public final class Palette {
    public static final Color BLACK = new Color(0x000000);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    public static final Color YELLOW = new Color(0xF0E442);
    public static final Color BLUE = new Color(0x0072B2);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    /** Context lines (real days behind generated ones). */
    public static final Color GREY = new Color(0xBBBBBB);

    /** The colours for a sequence of series, black left out (it is kept for observed data). */
    public static final List<Color> SERIES =
            List.of(BLUE, VERMILLION, BLUISH_GREEN, ORANGE, REDDISH_PURPLE, SKY_BLUE, YELLOW);

    private Palette() {}

    /** The {@code i}-th series colour, cycling. */
    public static Color series(int i) {
        return SERIES.get(Math.floorMod(i, SERIES.size()));
    }
}
