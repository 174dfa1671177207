package io.prescale.nomad.annotations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.prescale.nomad.client.Job;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Group meta → spec, or a visible reason. */
class AnnotationsTest {
    static Job job(String groupMeta, String jobMeta, String scaling) throws Exception {
        return Job.fromJson(new ObjectMapper().readTree("""
                {"ID":"web","Namespace":"apps","Meta":%s,"JobModifyIndex":44,
                 "TaskGroups":[{"Name":"api","Count":3,"Meta":%s,"Scaling":%s}]}""".formatted(jobMeta, groupMeta, scaling)));
    }

    static final String OK_META = """
            {"prescale.enabled":"true","prescale.query":"store:web_rps","prescale.capacity":"50"}""";
    static final String SCALING = "{\"Min\":1,\"Max\":10,\"Enabled\":true}";

    @Test
    void readsAGroupWithDefaultsAndBoundsFromTheScalingBlock() throws Exception {
        Annotated a = Annotations.read(job(OK_META, "null", SCALING), Annotations.Defaults.defaults())
                .get(0);
        assertThat(a.status()).isEqualTo("ok");
        GroupSpec s = a.spec();
        assertThat(s.ref()).isEqualTo(new GroupRef("apps", "web", "api"));
        assertThat(s.fromStore()).isTrue();
        assertThat(s.storeSeries()).isEqualTo("web_rps");
        assertThat(s.lead()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.mode()).isEqualTo(Mode.FORECAST_ONLY);
        assertThat(s.quantile()).isEqualTo(0.9);
        assertThat(s.bounds().min()).isEqualTo(1);
        assertThat(s.bounds().max()).isEqualTo(10);
        assertThat(a.currentCount()).isEqualTo(3);
        assertThat(a.jobModifyIndex()).isEqualTo(44);
    }

    @Test
    void groupMetaWinsOverJobMeta() throws Exception {
        Annotated a = Annotations.read(
                        job(
                                "{\"prescale.lead\":\"90s\",\"prescale.mode\":\"autoscaler\"}",
                                OK_META.replace("}", ",\"prescale.lead\":\"30m\"}"),
                                SCALING),
                        Annotations.Defaults.defaults())
                .get(0);
        assertThat(a.spec().lead()).isEqualTo(Duration.ofSeconds(90));
        assertThat(a.spec().mode()).isEqualTo(Mode.AUTOSCALER);
    }

    @Test
    void groupsWithoutEnabledAreNotDiscovered() throws Exception {
        assertThat(Annotations.read(
                        job("{\"prescale.query\":\"x\"}", "null", SCALING), Annotations.Defaults.defaults()))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}={1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            prescale.lead     | soon        | prescale.lead must be a duration
            prescale.lead     | 0s          | prescale.lead must be > 0
            prescale.cooldown | 2d          | prescale.cooldown must be ≥ 0 and ≤ 24h
            prescale.mode     | yolo        | prescale.mode mode must be one of forecast-and-scale, autoscaler, forecast-only
            prescale.quantile | 1.5         | prescale.quantile must be in (0, 1)
            prescale.quantile | high        | prescale.quantile must be a number
            prescale.capacity | -3          | prescale.capacity must be a positive number
            prescale.policy   | bad name!   | prescale.policy must match
            prescale.query    | store:      | 'store:' needs a series name
            prescale.lede     | 5m          | unknown annotation prescale.lede
            """)
    void invalidValuesGiveTheReason(String key, String value, String reason) throws Exception {
        String meta = OK_META.replace("}", ",\"" + key + "\":\"" + value + "\"}");
        Annotated a = Annotations.read(job(meta, "null", SCALING), Annotations.Defaults.defaults())
                .get(0);
        assertThat(a.status()).isEqualTo("invalid");
        assertThat(a.reason()).contains(reason);
    }

    @Test
    void boundsComeOnlyFromAnEnabledScalingBlock() throws Exception {
        assertThat(Annotations.read(job(OK_META, "null", "null"), Annotations.Defaults.defaults())
                        .get(0)
                        .reason())
                .contains("no scaling block");
        Annotated disabled = Annotations.read(
                        job(OK_META, "null", "{\"Min\":1,\"Max\":10,\"Enabled\":false}"),
                        Annotations.Defaults.defaults())
                .get(0);
        assertThat(disabled.status()).isEqualTo("disabled");
        Annotated noMin = Annotations.read(job(OK_META, "null", "{\"Max\":10}"), Annotations.Defaults.defaults())
                .get(0);
        assertThat(noMin.spec().bounds().min())
                .as("Nomad's default: Min = Count")
                .isEqualTo(3);
    }

    @Test
    void needsAPolicyOrACapacity() throws Exception {
        Annotated a = Annotations.read(
                        job("{\"prescale.enabled\":\"true\",\"prescale.query\":\"up\"}", "null", SCALING),
                        Annotations.Defaults.defaults())
                .get(0);
        assertThat(a.reason()).contains("give prescale.policy");
    }
}
