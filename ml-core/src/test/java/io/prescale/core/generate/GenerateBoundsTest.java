package io.prescale.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the generators refuse before allocating: too many profiles, and loads a model cannot learn from. */
class GenerateBoundsTest {
    @ParameterizedTest
    @ValueSource(ints = {-1, ProfileGenerator.MAX_PROFILES + 1, 100_000_000})
    void aSampleCountOutsideTheLimitIsRefusedNamingIt(int n) {
        assertThatThrownBy(() -> ProfileGenerator.checkCount(n, "profiles"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("profiles to sample must be in 0..10000 (the limit per call), got " + n);
    }

    @Test
    void negativeLoadsAreRefusedNamingTheRow() {
        double[][] rows = {{0.5, 10}, {0.6, -3}};
        assertThatThrownBy(() -> MinMaxScaler.fit(rows))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("load at row 1 is -3.0");
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e308, Double.POSITIVE_INFINITY, Double.NaN, 2e12})
    void hugeOrNonFiniteTrainingValuesAreRefused(double value) {
        double[][] rows = {{0.5, 10}, {0.6, value}};
        assertThatThrownBy(() -> MinMaxScaler.fit(rows))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1, feature 1")
                .hasMessageContaining("at most 1.0E12");
    }

    @Test
    void ordinaryLoadsFit() {
        MinMaxScaler scaler = MinMaxScaler.fit(new double[][] {{0, 0}, {1, 1e9}});
        assertThat(scaler.max()).containsExactly(1, 1e9);
    }
}
