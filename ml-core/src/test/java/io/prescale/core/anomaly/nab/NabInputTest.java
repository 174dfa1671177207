package io.prescale.core.anomaly.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class NabInputTest {
    @Test
    void readsRowsExactlyAsWrittenKeepingDuplicatesAndBackwardSteps() throws Exception {
        String csv = "timestamp,value\n2014-01-01 00:10:00,1\n2014-01-01 00:10:00,2\n2014-01-01 00:05:00,3\n";
        NabRows rows = NabCsv.read(new StringReader(csv), "x/y.csv", "value");
        assertThat(rows.size()).isEqualTo(3);
        assertThat(rows.values()).containsExactly(1, 2, 3);
        assertThat(rows.timestampAt(2)).isEqualTo(LocalDateTime.of(2014, 1, 1, 0, 5));
    }

    @Test
    void rowThatDoesNotParseIsNamedWithFileAndLine() {
        String csv = "timestamp,value\n2014-01-01 00:00:00,1\n2014-01-01 00:05:00,abc\n";
        assertThatThrownBy(() -> NabCsv.read(new StringReader(csv), "x/y.csv", "value"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x/y.csv line 3");
    }

    @Test
    void labelFileNotInNabFormatIsRejected() {
        for (String json : List.of("[1,2]", "{\"a.csv\": [[\"2014-01-01 00:00:00\"]]}", "{\"a.csv\": 3}", "not json")) {
            assertThatThrownBy(() -> NabLabels.read(
                            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "labels.json"))
                    .as(json)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("labels.json");
        }
    }

    @Test
    void windowTimestampMissingFromTheFileIsRejected() throws Exception {
        String csv = "timestamp,value\n2014-01-01 00:00:00,1\n2014-01-01 00:05:00,2\n";
        NabRows rows = NabCsv.read(new StringReader(csv), "x/y.csv", "value");
        NabWindow window = new NabWindow(LocalDateTime.of(2014, 1, 1, 0, 0), LocalDateTime.of(2014, 1, 1, 0, 7));
        assertThatThrownBy(() -> new NabScoring.FileScores(rows, new double[2], List.of(window)))
                .hasMessageContaining("00:07");
    }

    @Test
    void optimisedThresholdScoresAtLeastThePublishedOneOnTheSameFiles() throws Exception {
        PublishedNabResults published = PublishedNabResults.read(NabScoringPublishedTest.resourceRoot());
        NabLabels labels = published.labels();
        List<NabScoring.FileScores> files = new java.util.ArrayList<>();
        for (String name : labels.windows().keySet()) {
            files.add(new NabScoring.FileScores(
                    published.data(name), published.scores("numenta", name), labels.of(name)));
        }
        NabScoring.Optimum optimum = NabScoring.optimise(files, NabProfile.STANDARD);
        double atOptimum = 0;
        double atPublished = 0;
        for (NabScoring.FileScores file : files) {
            atOptimum += NabScoring.score(file, NabProfile.STANDARD, optimum.threshold())
                    .score();
            atPublished +=
                    NabScoring.score(file, NabProfile.STANDARD, 0.542187690735).score();
        }
        assertThat(atOptimum).isCloseTo(optimum.score(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(atOptimum).isGreaterThanOrEqualTo(atPublished);
    }

    @Test
    void scaledSigmoidMatchesNabValues() {
        assertThat(NabSweeper.scaledSigmoid(-1.0)).isCloseTo(0.98661, org.assertj.core.api.Assertions.within(1e-5));
        assertThat(NabSweeper.scaledSigmoid(-0.5)).isCloseTo(0.84828, org.assertj.core.api.Assertions.within(1e-5));
        assertThat(NabSweeper.scaledSigmoid(0.0)).isZero();
        assertThat(NabSweeper.scaledSigmoid(3.5)).isEqualTo(-1.0);
        assertThat(NabSweeper.probationaryLength(4032)).isEqualTo(604.0);
        assertThat(NabSweeper.probationaryLength(10320)).isEqualTo(750.0);
    }
}
