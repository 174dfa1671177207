package io.prescale.cli.anomaly;

import io.prescale.cli.base.BadInputException;
import io.prescale.core.anomaly.AnomalyDetector;
import io.prescale.core.anomaly.AnomalyDetectors;
import picocli.CommandLine.Option;

/** {@code --detector NAME}: one of {@link AnomalyDetectors#NAMES} (default best). */
public final class DetectorOption {
    @Option(
            names = "--detector",
            defaultValue = "best",
            paramLabel = "NAME",
            description = "iforest, autoencoder, combined, likelihood, knncad, context, ensemble or best "
                    + "(default: ${DEFAULT-VALUE}; best is chosen by leave-one-category-out NAB cross-validation).")
    String name;

    public String name() {
        return name;
    }

    /** The detector, or bad input naming the value and the names expected. */
    public AnomalyDetector detector(long seed) {
        if (!AnomalyDetectors.NAMES.contains(name)) {
            throw new BadInputException(
                    "--detector",
                    name,
                    "unknown detector '" + name + "', expected one of " + String.join(", ", AnomalyDetectors.NAMES));
        }
        return AnomalyDetectors.named(name, seed);
    }
}
