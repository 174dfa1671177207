package io.prescale.core.generate;

import java.util.Locale;

/**
 * How {@link Evaluation} splits, scales and compares windows.
 *
 * <ul>
 *   <li>{@link #TIMEGAN}: exactly TimeGAN's protocol (Yoon, Jarrett &amp; van der Schaar, NeurIPS 2019,
 *   {@code data_loading.py}, {@code metrics/}): min-max scaling over all rows, all stride-1 windows shuffled, the
 *   synthetic set as large as the real one, both post-hoc networks trained and tested on random splits, TimeGAN's
 *   iteration counts by default. Figures compare with the paper's (Sines .011, Stocks .102, Energy .236) and
 *   Diffusion-TS's (Yuan &amp; Qiao, ICLR 2024; Stocks .067). The model trains on a random 80 % of the windows; the
 *   other 20 % are held out only for the memorisation ratio.</li>
 *   <li>{@link #TEMPORAL}: the model trains on the windows of the first 80 % of rows and is scored against the
 *   windows of the last 20 % (windows crossing the split dropped) — the question that matters for loads that have
 *   not happened yet. A min-max scaler fitted on the past cannot cover a trending future, so when a held-out value
 *   leaves the training range by more than {@value Evaluation#TREND_TOLERANCE} of it, every window is min-max
 *   scaled on its own (per-window scaling); otherwise one scaler fitted on the training rows is used.</li>
 * </ul>
 */
public enum EvaluationProtocol {
    TIMEGAN,
    TEMPORAL;

    /** {@code timegan} or {@code temporal} (case-insensitive); IllegalArgumentException otherwise. */
    public static EvaluationProtocol parse(String name) {
        for (EvaluationProtocol p : values()) {
            if (p.cliName().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("protocol '" + name + "' is unknown; expected timegan or temporal");
    }

    /** The lower-case name used on the command line and in documents. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
