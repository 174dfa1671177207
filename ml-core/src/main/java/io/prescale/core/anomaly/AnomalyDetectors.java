package io.prescale.core.anomaly;

import java.util.List;

/**
 * The detectors by the names the CLI uses: {@code iforest}, {@code autoencoder}, {@code combined},
 * {@code likelihood}, {@code knncad}, {@code context}, {@code ensemble} and {@code best}.
 */
public final class AnomalyDetectors {
    /** Every name {@link #named} accepts. */
    public static final List<String> NAMES =
            List.of("iforest", "autoencoder", "combined", "likelihood", "knncad", "context", "ensemble", "best");

    /**
     * What {@code best} stands for: the detector with the highest leave-one-category-out pooled NAB standard score
     * on the shipped NAB files among those within the speed budget (docs/anomaly.md), never the in-sample score.
     */
    public static final String BEST = "ensemble";

    private AnomalyDetectors() {}

    /** The detector called {@code name} with default options and {@code seed}; IllegalArgumentException otherwise. */
    public static AnomalyDetector named(String name, long seed) {
        return switch (name) {
            case "iforest" -> new IsolationForestDetector(IsolationForestDetector.Options.defaults(seed));
            case "autoencoder" -> new AutoencoderDetector(AutoencoderDetector.Options.defaults(seed));
            case "combined" ->
                new CombinedDetector(
                        new IsolationForestDetector(IsolationForestDetector.Options.defaults(seed)),
                        new AutoencoderDetector(AutoencoderDetector.Options.defaults(seed)),
                        StreamCalibration.defaults());
            case "likelihood" -> new PredictionErrorDetector(PredictionErrorDetector.Options.defaults());
            case "knncad" -> new KnnCadDetector(KnnCadDetector.Options.defaults());
            case "context" -> new ContextDetector(ContextDetector.Options.defaults());
            case "ensemble" ->
                new EnsembleDetector(
                        "ensemble",
                        List.of(
                                new PredictionErrorDetector(PredictionErrorDetector.Options.defaults()),
                                new KnnCadDetector(KnnCadDetector.Options.defaults())));
            case "best" -> named(BEST, seed);
            default -> throw new IllegalArgumentException("unknown detector '" + name + "', expected one of " + NAMES);
        };
    }

    /** The canonical name ({@code best} resolves to what it stands for). */
    public static String resolve(String name) {
        named(name, 0);
        return name.equals("best") ? BEST : name;
    }
}
