package io.prescale.cli.base;

import io.prescale.core.anomaly.AnomalyDetectors;
import io.prescale.core.anomaly.AnomalyExclusion;
import io.prescale.core.anomaly.nab.NabProfile;
import io.prescale.core.anomaly.nab.NabThresholds;
import io.prescale.core.forecast.Forecaster;
import io.prescale.core.forecast.GapMaskedForecaster;
import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --exclude-anomalies}: spans that the {@code best} anomaly detector flags (at its shipped standard NAB
 * threshold) in the training history, each lasting {@code --exclude-span} from its flagged onset, become gaps
 * when a forecaster fits; forecasts are still made from, and scored against, the real history.
 */
public final class ExcludeAnomaliesOption {
    @Option(
            names = "--exclude-anomalies",
            description = "Fit on the history with anomalous spans (flagged by the best anomaly detector) as gaps.")
    boolean exclude;

    @Option(
            names = "--exclude-span",
            defaultValue = "1d",
            paramLabel = "D",
            converter = DurationConverter.class,
            description = "How long after a flagged row its excluded span lasts (default: ${DEFAULT-VALUE}).")
    Duration span;

    public boolean enabled() {
        return exclude;
    }

    /** The exclusion in force (best detector, its shipped standard threshold, the span). */
    public AnomalyExclusion exclusion(long seed) {
        Double threshold = NabThresholds.shipped(AnomalyDetectors.BEST).get(NabProfile.STANDARD);
        return new AnomalyExclusion(
                AnomalyDetectors.named(AnomalyDetectors.BEST, seed), threshold == null ? 0.5 : threshold, span);
    }

    /** {@code forecaster} itself when the option is off, else fitting with {@code full}'s flagged spans as gaps. */
    public Forecaster apply(Forecaster forecaster, TimeSeries full, long seed) {
        if (!exclude) {
            return forecaster;
        }
        if (span.isNegative()) {
            throw new BadInputException(
                    "--exclude-span", span.toString(), "--exclude-span must be zero or positive, got " + span);
        }
        AnomalyExclusion exclusion = exclusion(seed);
        boolean[] fullMask = exclusion.mask(full);
        return new GapMaskedForecaster(forecaster, history -> exclusion.withGapsFor(history, full, fullMask));
    }
}
