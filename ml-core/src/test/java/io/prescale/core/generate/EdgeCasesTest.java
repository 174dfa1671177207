package io.prescale.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.prescale.core.anomaly.AnomalyModel;
import io.prescale.core.series.LoadProfile;
import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdgeCasesTest {
    @Test
    void robustZScoreFlagsAnInjectedSpike() {
        double[] x = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = 100 + 10 * Math.sin(i / 5.0);
        }
        AnomalyModel model = new RobustZScoreDetector().fit(TimeSeries.of(Instant.EPOCH, Duration.ofMinutes(1), x));
        x[120] = 400;
        double[] scores = model.score(TimeSeries.of(Instant.EPOCH, Duration.ofMinutes(1), x));
        assertThat(scores[120]).isGreaterThan(0.9);
        assertThat(scores[60]).isLessThan(0.5);
    }

    @Test
    void tailSamplesScoreHigherThanTypicalOnesAndAreReproducible() {
        Evaluation.Split split = Evaluation.split(EvaluationTest.ROWS, 24);
        LoadModel vae =
                ConditionalVae.trainer(new VaeOptions(4, 32, 300, 64, 3e-3, 10)).train(split.train(), 2);
        ProfileGenerator generator = new ProfileGenerator(
                vae, Instant.parse("2030-01-01T00:00:00Z"), Duration.ofHours(1), LoadProfile.Unit.COUNT, 0);
        EdgeCases edgeCases = new EdgeCases(new RobustZScoreDetector(), 5, 32, 0.001);
        List<EdgeCases.Scored> found = edgeCases.find(generator, 3, ProfileControls.NONE, 4);
        assertThat(found).hasSize(3);
        assertThat(found.get(0).score()).isGreaterThanOrEqualTo(found.get(2).score());
        assertThat(found.get(0).profile().provenance())
                .containsEntry("kind", "edge-case")
                .containsEntry("anomalyDetector", "robust-zscore");
        assertThat(edgeCases.find(generator, 3, ProfileControls.NONE, 4)).isEqualTo(found);

        AnomalyModel scorer = new RobustZScoreDetector()
                .fit(generator.sample(32, ProfileControls.NONE, 99).get(0).toSeries());
        double typical = generator.sample(15, ProfileControls.NONE, 5).stream()
                .mapToDouble(scorer::scoreProfile)
                .average()
                .orElseThrow();
        double tails = generator.sampleTail(15, 0.001, ProfileControls.NONE, 5).stream()
                .mapToDouble(scorer::scoreProfile)
                .average()
                .orElseThrow();
        assertThat(tails).isGreaterThan(typical);
    }
}
