package io.prescale.core.anomaly.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The proof of the scorer: applying each published detector's corpus-wide threshold to its raw scores
 * reproduces NAB's per-file Score, TP, TN, FP and FN ({@code per_file_scores_shared.csv}, derived from NAB's
 * {@code results/} at commit ea702d7), and the normalised totals of ../shared/reference/benchmarks.md §1.3.
 */
class NabScoringPublishedTest {
    private static final String[] DETECTORS = {"numenta", "windowedGaussian"};

    @Test
    void reproducesPublishedPerFileResultsOnResourceCopies() throws Exception {
        PublishedNabResults published = PublishedNabResults.read(resourceRoot());
        int checked = reproducePerFile(published);
        assertThat(checked).isEqualTo(6 * 3 * 2);
    }

    @Test
    void reproducesPublishedPerFileResultsAndTotalsOnAll36Files() throws Exception {
        Path shared = Path.of(System.getProperty("prescale.sharedData", "../../shared"), "data", "nab");
        Assumptions.assumeTrue(Files.isDirectory(shared), "needs ../shared/data/nab (developer machines and CI only)");
        PublishedNabResults published = PublishedNabResults.read(shared);
        assertThat(reproducePerFile(published)).isEqualTo(36 * 3 * 2);

        Map<NabProfile, Double> numenta = normalisedTotals(published, "numenta");
        assertThat(numenta.get(NabProfile.STANDARD)).isCloseTo(75.1, within(0.05));
        assertThat(numenta.get(NabProfile.LOW_FP)).isCloseTo(68.9, within(0.05));
        assertThat(numenta.get(NabProfile.LOW_FN)).isCloseTo(78.5, within(0.05));
    }

    /** Scores every published row with our scorer and compares; returns how many rows matched. */
    private static int reproducePerFile(PublishedNabResults published) throws Exception {
        NabLabels labels = published.labels();
        int checked = 0;
        for (PublishedNabResults.Row row : published.rows()) {
            if (!row.detector().equals("numenta") && !row.detector().equals("windowedGaussian")) {
                continue;
            }
            NabScoring.FileScores file = new NabScoring.FileScores(
                    published.data(row.file()), published.scores(row.detector(), row.file()), labels.of(row.file()));
            NabScoring.Counts counts = NabScoring.score(file, row.profile(), row.threshold());
            String what = row.detector() + " " + row.profile() + " " + row.file();
            assertThat(counts.score()).as(what).isCloseTo(row.score(), within(1e-9));
            assertThat(counts.tp()).as(what).isEqualTo(row.tp());
            assertThat(counts.tn()).as(what).isEqualTo(row.tn());
            assertThat(counts.fp()).as(what).isEqualTo(row.fp());
            assertThat(counts.fn()).as(what).isEqualTo(row.fn());
            checked++;
        }
        return checked;
    }

    /** Our normalised totals for {@code detector} equal those computed from the published per-file scores. */
    private static Map<NabProfile, Double> normalisedTotals(PublishedNabResults published, String detector)
            throws Exception {
        NabLabels labels = published.labels();
        Map<NabProfile, Double> result = new EnumMap<>(NabProfile.class);
        Map<String, Double> publishedSums = new HashMap<>();
        published.rows().stream()
                .filter(r -> r.detector().equals(detector))
                .forEach(r -> publishedSums.merge(r.profile().name(), r.score(), Double::sum));
        for (NabProfile profile : NabProfile.values()) {
            double sum = 0;
            double nullSum = 0;
            int windows = 0;
            double threshold = published.rows().stream()
                    .filter(r -> r.detector().equals(detector) && r.profile() == profile)
                    .findFirst()
                    .orElseThrow()
                    .threshold();
            for (String name : labels.windows().keySet()) {
                NabScoring.FileScores file = new NabScoring.FileScores(
                        published.data(name), published.scores(detector, name), labels.of(name));
                sum += NabScoring.score(file, profile, threshold).score();
                nullSum += NabScoring.nullScore(file, profile);
                windows += labels.of(name).size();
            }
            assertThat(sum).isCloseTo(publishedSums.get(profile.name()), within(1e-6));
            result.put(profile, NabScoring.normalise(sum, nullSum, NabScoring.perfectScore(windows, profile)));
        }
        return result;
    }

    static Path resourceRoot() throws URISyntaxException {
        return Path.of(NabScoringPublishedTest.class
                        .getResource("/io/prescale/core/anomaly/nab/labels")
                        .toURI())
                .getParent();
    }
}
