package io.prescale.core.anomaly.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Leave-one-category-out on resource copies of six NAB files (four categories) with HTM's published scores. */
class NabCrossValidationTest {
    private static List<NabScoring.FileScores> htmScores() throws Exception {
        PublishedNabResults published = PublishedNabResults.read(NabScoringPublishedTest.resourceRoot());
        NabLabels labels = published.labels();
        List<NabScoring.FileScores> scored = new ArrayList<>();
        for (String file : labels.windows().keySet().stream().sorted().toList()) {
            scored.add(new NabScoring.FileScores(
                    published.data(file), published.scores("numenta", file), labels.of(file)));
        }
        return scored;
    }

    @Test
    void eachCategoryIsScoredAtTheThresholdOptimisedOnTheOtherCategories() throws Exception {
        List<NabScoring.FileScores> scored = htmScores();
        NabCrossValidation.Report report = NabCrossValidation.byCategory(scored);
        assertThat(report.folds())
                .extracting(NabCrossValidation.Fold::group)
                .containsExactly("artificialNoAnomaly", "artificialWithAnomaly", "realAWSCloudwatch", "realTraffic");
        for (NabCrossValidation.Fold fold : report.folds()) {
            List<NabScoring.FileScores> others = scored.stream()
                    .filter(f -> !NabCrossValidation.category(f.rows().file()).equals(fold.group()))
                    .toList();
            List<NabScoring.FileScores> held = scored.stream()
                    .filter(f -> NabCrossValidation.category(f.rows().file()).equals(fold.group()))
                    .toList();
            for (NabProfile profile : NabProfile.values()) {
                double threshold = NabScoring.optimise(others, profile).threshold();
                assertThat(fold.thresholds().get(profile)).isEqualTo(threshold);
                double raw = held.stream()
                        .mapToDouble(
                                f -> NabScoring.score(f, profile, threshold).score())
                        .sum();
                assertThat(fold.raw().get(profile)).isCloseTo(raw, within(1e-12));
            }
        }
        assertThat(report.folds().get(0).normalised().get(NabProfile.STANDARD))
                .as("a category without windows has no normalised score")
                .isNaN();
    }

    @Test
    void pooledScoreNormalisesTheSumOfHeldOutScoresAndInSampleMatchesTheUsualRun() throws Exception {
        List<NabScoring.FileScores> scored = htmScores();
        NabCrossValidation.Report report = NabCrossValidation.byCategory(scored);
        NabEvaluation.Report usual = NabEvaluation.evaluate("numenta", scored, java.util.Map.of(), 0);
        for (NabProfile profile : NabProfile.values()) {
            double sum = report.folds().stream()
                    .mapToDouble(f -> f.raw().get(profile))
                    .sum();
            double nullSum = scored.stream()
                    .mapToDouble(f -> NabScoring.nullScore(f, profile))
                    .sum();
            int windows = scored.stream().mapToInt(f -> f.windows().size()).sum();
            assertThat(report.pooled().get(profile))
                    .isCloseTo(
                            NabScoring.normalise(sum, nullSum, NabScoring.perfectScore(windows, profile)),
                            within(1e-9));
            assertThat(report.inSample().get(profile))
                    .isCloseTo(usual.normalised().get(profile), within(1e-9));
            assertThat(report.pooled().get(profile))
                    .isLessThanOrEqualTo(report.inSample().get(profile) + 1e-9);
        }
    }

    @Test
    void oneCategoryCannotBeCrossValidated() throws Exception {
        List<NabScoring.FileScores> aws = htmScores().stream()
                .filter(f -> f.rows().file().startsWith("realAWSCloudwatch/"))
                .toList();
        assertThatThrownBy(() -> NabCrossValidation.byCategory(aws))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least two categories");
    }
}
