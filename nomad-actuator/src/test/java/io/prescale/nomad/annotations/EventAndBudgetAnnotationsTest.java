package io.prescale.nomad.annotations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** prescale.events, prescale.max-unserved and prescale.interval → spec, or a visible reason. */
class EventAndBudgetAnnotationsTest {
    static Annotated read(String extra) throws Exception {
        String meta = AnnotationsTest.OK_META.strip();
        meta = meta.substring(0, meta.length() - 1) + extra + "}";
        return Annotations.read(
                        AnnotationsTest.job(meta, "null", AnnotationsTest.SCALING), Annotations.Defaults.defaults())
                .get(0);
    }

    @Test
    void withoutThemAGroupUsesNoEventsItsFixedQuantileAndEveryCycle() throws Exception {
        GroupSpec s = read("").spec();
        assertThat(s.eventKinds()).isEmpty();
        assertThat(s.hasRiskBudget()).isFalse();
        assertThat(s.interval()).isNull();
    }

    @Test
    void readsEventKindsABudgetAndAnInterval() throws Exception {
        GroupSpec s = read(",\"prescale.events\":\"match, sale\",\"prescale.max-unserved\":\"0.01\","
                        + "\"prescale.interval\":\"15m\"")
                .spec();
        assertThat(s.eventKinds()).containsExactlyInAnyOrder("match", "sale");
        assertThat(s.maxUnserved()).isEqualTo(0.01);
        assertThat(s.hasRiskBudget()).isTrue();
        assertThat(s.interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(read(",\"prescale.events\":\"*\"").spec().eventKinds()).containsExactly("*");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'\"prescale.max-unserved\":\"0\"'      | prescale.max-unserved must be a share in (0, 1)",
                "'\"prescale.max-unserved\":\"1.5\"'    | prescale.max-unserved must be a share in (0, 1)",
                "'\"prescale.max-unserved\":\"lots\"'   | prescale.max-unserved must be a number",
                "'\"prescale.events\":\"match,,sale\"'  | prescale.events must list event kinds",
                "'\"prescale.events\":\"*,match\"'      | prescale.events is either * or a list of kinds",
                "'\"prescale.interval\":\"0s\"'         | prescale.interval must be > 0",
                "'\"prescale.interval\":\"often\"'      | prescale.interval must be a duration"
            })
    void aBadValueMakesTheGroupInvalidWithTheReason(String extra, String reason) throws Exception {
        Annotated a = read("," + extra);
        assertThat(a.status()).isEqualTo("invalid");
        assertThat(a.reason()).contains(reason);
    }
}
