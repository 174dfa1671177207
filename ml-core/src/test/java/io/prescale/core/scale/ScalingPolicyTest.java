package io.prescale.core.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScalingPolicyTest {
    static final String DOCUMENT = "{\"schemaVersion\":1,\"name\":\"checkout\",\"bands\":["
            + "{\"loadFrom\":0,\"loadTo\":400,\"unit\":\"requests/s\",\"config\":{\"count\":2,\"cpu\":500,\"env.THREADS\":\"16\"},"
            + "\"restartRequired\":false,\"predictedP99Ms\":120.5,\"costPerHour\":0.2},"
            + "{\"loadFrom\":400,\"loadTo\":null,\"unit\":\"requests/s\",\"config\":{\"count\":4,\"cpu\":500,\"env.THREADS\":\"32\"},"
            + "\"restartRequired\":true,\"predictedP99Ms\":180,\"costPerHour\":0.4}],"
            + "\"provenance\":{\"data\":\"nyc_taxi\",\"seed\":7}}";

    @Test
    void computesTheDigestOfTheCanonicalDocumentWithoutDigest() {
        ScalingPolicy policy = ScalingPolicy.fromJson(DOCUMENT);
        assertThat(policy.digest()).startsWith("sha256:").hasSize(7 + 64);
        // the same content written in another key order and number spelling has the same digest
        String reordered = DOCUMENT.replace(
                        "\"schemaVersion\":1,\"name\":\"checkout\"", "\"name\":\"checkout\",\"schemaVersion\":1.0")
                .replace("\"loadTo\":400,", "\"loadTo\":4.0e2,");
        assertThat(ScalingPolicy.fromJson(reordered).digest()).isEqualTo(policy.digest());
        assertThat(policy.digest())
                .isEqualTo(CanonicalJson.sha256(
                        ScalingPolicy.fromJson(DOCUMENT).toJsonNode().without("digest")));
    }

    @Test
    void roundTripsThroughJsonWithItsDigest() {
        ScalingPolicy policy = ScalingPolicy.fromJson(DOCUMENT);
        ScalingPolicy again = ScalingPolicy.fromJson(policy.toJson());
        assertThat(again).isEqualTo(policy);
        assertThat(again.bands().get(1).config())
                .containsEntry("env.THREADS", "32")
                .containsEntry("count", 4L);
        assertThat(policy.toJsonNode().fieldNames())
                .toIterable()
                .containsExactly("schemaVersion", "name", "bands", "provenance", "digest");
    }

    @Test
    void rejectsADigestThatDoesNotMatch() {
        String tampered = ScalingPolicy.fromJson(DOCUMENT).toJson().replace("\"count\":4", "\"count\":5");
        assertThatThrownBy(() -> ScalingPolicy.fromJson(tampered))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("digest does not match");
    }

    @Test
    void rejectsBandsThatAreNotContiguous() {
        String gap = DOCUMENT.replace("{\"loadFrom\":400,\"loadTo\":null", "{\"loadFrom\":450,\"loadTo\":null");
        assertThatThrownBy(() -> ScalingPolicy.fromJson(gap))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contiguous")
                .hasMessageContaining("450");
    }

    @Test
    void rejectsAnUnknownFieldAndAWrongSchemaVersion() {
        assertThatThrownBy(() -> ScalingPolicy.fromJson(DOCUMENT.replace("\"provenance\"", "\"provenanse\"")))
                .hasMessageContaining("provenanse");
        assertThatThrownBy(() -> ScalingPolicy.fromJson(DOCUMENT.replace("\"schemaVersion\":1", "\"schemaVersion\":2")))
                .hasMessageContaining("schemaVersion must be 1, got 2");
    }

    @Test
    void aCapacityOnlyPolicyIsValidAndSizesByCeiling() {
        ScalingPolicy policy = ScalingPolicy.capacityOnly("per-instance", 100, "requests/s", null);
        assertThat(ScalingPolicy.fromJson(policy.toJson())).isEqualTo(policy);
        assertThat(policy.instancesFor(0)).isZero();
        assertThat(policy.instancesFor(100)).isEqualTo(1);
        assertThat(policy.instancesFor(100.5)).isEqualTo(2);
        assertThat(policy.covers(1e12)).isTrue();
    }

    @Test
    void bandsAnswerTheLoadTheyHoldAndTheTopBandAbove() {
        ScalingPolicy policy = new ScalingPolicy(
                1,
                "two",
                List.of(
                        new ScalingBand(0, 500, "rps", Map.of("count", 2), false, null, null, null),
                        new ScalingBand(500, 1000, "rps", Map.of("count", 5), false, null, null, null)),
                null,
                null);
        assertThat(policy.instancesFor(499)).isEqualTo(2);
        assertThat(policy.instancesFor(500)).isEqualTo(5);
        assertThat(policy.covers(1500)).isFalse();
        assertThat(policy.instancesFor(1500)).isEqualTo(5);
    }
}
