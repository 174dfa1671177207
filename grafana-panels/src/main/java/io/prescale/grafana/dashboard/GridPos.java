package io.prescale.grafana.dashboard;

/**
 * A panel's place on Grafana's 24-column grid: {@code x} and {@code w} in columns, {@code y} and {@code h} in
 * rows of 30 px.
 */
public record GridPos(int x, int y, int w, int h) {
    /** Columns in Grafana's dashboard grid. */
    public static final int COLUMNS = 24;

    public GridPos {
        if (w < 1 || w > COLUMNS) {
            throw new IllegalArgumentException("gridPos.w must be in 1.." + COLUMNS + ", got " + w);
        }
        if (x < 0 || x + w > COLUMNS) {
            throw new IllegalArgumentException(
                    "gridPos.x + w must fit in " + COLUMNS + " columns, got x=" + x + " w=" + w);
        }
        if (y < 0 || h < 1) {
            throw new IllegalArgumentException("gridPos needs y >= 0 and h >= 1, got y=" + y + " h=" + h);
        }
    }
}
