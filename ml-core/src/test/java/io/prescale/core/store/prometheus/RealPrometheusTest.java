package io.prescale.core.store.prometheus;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.testing.RealPrometheus;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing Prometheus binary skips the real-Prometheus tests locally but fails them in CI. */
class RealPrometheusTest {
    @Test
    void aMissingBinaryFailsInCi() {
        assertThatThrownBy(() -> RealPrometheus.requireInstalled(false, "true"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("apt-get install -y prometheus");
    }

    @Test
    void aMissingBinarySkipsLocallyWithTheReason() {
        assertThatThrownBy(() -> RealPrometheus.requireInstalled(false, null))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("not installed");
    }

    @Test
    void anInstalledBinaryGoesAhead() {
        assertThatCode(() -> RealPrometheus.requireInstalled(true, "true")).doesNotThrowAnyException();
    }
}
