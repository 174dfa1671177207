package io.prescale.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.scale.ScalingPolicy;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Typed results between demo stages: required ones by their record type, optional ones by what they carry. */
class DemoContextTest {
    /** A later stage's record that carries a library value (as a tune stage's record carries its policy). */
    record Tuned(String note, ScalingPolicy policy) {}

    private static DemoContext context() {
        return new DemoContext(
                Path.of("out"), Path.of("store"), true, 1, new PrintStream(OutputStream.nullOutputStream()));
    }

    @Test
    void getNamesTheMissingRecordType() {
        assertThatThrownBy(() -> context().get(Tuned.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Tuned");
    }

    @Test
    void findReturnsAResultOfTheTypeOrAComponentOfThatTypeOrNothing() {
        DemoContext context = context();
        assertThat(context.find(ScalingPolicy.class)).isEmpty();
        ScalingPolicy policy = ScalingPolicy.capacityOnly("demo", 100, "requests/s", null);
        context.put(new Tuned("ppo", policy));
        assertThat(context.find(Tuned.class)).map(Tuned::note).hasValue("ppo");
        assertThat(context.find(ScalingPolicy.class)).hasValue(policy);
        assertThat(context.find(Integer.class)).isEmpty();
    }

    @Test
    void aNullComponentIsNotFound() {
        DemoContext context = context();
        context.put(new Tuned("none", null));
        assertThat(context.find(ScalingPolicy.class)).isEmpty();
    }
}
