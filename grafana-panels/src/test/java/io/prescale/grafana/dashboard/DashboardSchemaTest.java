package io.prescale.grafana.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DashboardSchemaTest {
    private static final GrafanaSchema SCHEMA = new GrafanaSchema();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Dashboard> dashboards() {
        return PrescaleDashboards.all().stream();
    }

    @ParameterizedTest
    @MethodSource("dashboards")
    void everyGeneratedDashboardPassesGrafanasSchemaAndOurChecks(Dashboard d) throws Exception {
        JsonNode json = MAPPER.readTree(DashboardJson.bytes(d));
        assertThat(SCHEMA.problems(json)).isEmpty();
    }

    static Stream<Arguments> breakages() {
        return Stream.of(
                Arguments.of(
                        "gridPos.x as a string",
                        (Consumer<ObjectNode>) d -> panel(d, 0).with("gridPos").put("x", "0"),
                        "/panels/0/gridPos/x"),
                Arguments.of(
                        "panel without gridPos",
                        (Consumer<ObjectNode>) d -> panel(d, 1).remove("gridPos"),
                        "/panels/1: has no gridPos"),
                Arguments.of(
                        "panel without title",
                        (Consumer<ObjectNode>) d -> panel(d, 2).remove("title"),
                        "/panels/2: has no title"),
                Arguments.of(
                        "duplicate panel id",
                        (Consumer<ObjectNode>) d -> panel(d, 1).put("id", 1),
                        "duplicate panel id 1"),
                Arguments.of("stale dashboard id", (Consumer<ObjectNode>) d -> d.put("id", 7), "/id: must be null"),
                Arguments.of("unknown top-level key", (Consumer<ObjectNode>) d -> d.put("colour", "red"), "colour"),
                Arguments.of(
                        "hard-coded data source",
                        (Consumer<ObjectNode>)
                                d -> panel(d, 0).with("datasource").put("uid", "prom"),
                        "/panels/0/datasource"),
                Arguments.of(
                        "target without expr",
                        (Consumer<ObjectNode>)
                                d -> ((ObjectNode) panel(d, 0).get("targets").get(0)).remove("expr"),
                        "/panels/0/targets/0"),
                Arguments.of(
                        "old schemaVersion", (Consumer<ObjectNode>) d -> d.put("schemaVersion", 17), "/schemaVersion"),
                Arguments.of(
                        "bad variable refresh",
                        (Consumer<ObjectNode>) d ->
                                ((ObjectNode) d.get("templating").get("list").get(1)).put("refresh", 9),
                        "/templating/list/1"),
                Arguments.of(
                        "timeseries legend placement unknown",
                        (Consumer<ObjectNode>)
                                d -> panel(d, 0).with("options").with("legend").put("placement", "middle"),
                        "/panels/0/options"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void aBrokenDashboardFails(String what, Consumer<ObjectNode> breakIt, String expectedProblem) {
        ObjectNode json = DashboardJson.tree(PrescaleDashboards.scaling());
        assertThat(SCHEMA.problems(json)).isEmpty();
        breakIt.accept(json);
        assertThat(SCHEMA.problems(json)).anySatisfy(p -> assertThat(p).contains(expectedProblem));
    }

    @Test
    void localPatchesFailLoudlyWhenUpstreamChangesThePatchedSpot() {
        ObjectNode schema = MAPPER.createObjectNode();
        schema.putObject("definitions")
                .putObject("Threshold")
                .putArray("required")
                .add("color");
        ArrayNode patch = MAPPER.createArrayNode();
        ObjectNode test = patch.addObject();
        test.put("op", "test");
        test.put("path", "/definitions/Threshold/required");
        test.putArray("value").add("value").add("color");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GrafanaSchema.applyPatch(schema, patch))
                .hasMessageContaining("upstream schema changed");
    }

    @Test
    void scalingDashboardHasTheDatasourceAndGroupVariablesAndDecisionAnnotations() {
        JsonNode json = DashboardJson.tree(PrescaleDashboards.scaling());
        assertThat(json.get("templating").get("list"))
                .extracting(v -> v.get("name").asText())
                .containsExactly("datasource", "namespace", "job", "group");
        assertThat(json.get("templating").get("list").get(0).get("type").asText())
                .isEqualTo("datasource");
        assertThat(json.get("annotations").get("list").get(1).get("target").get("tags"))
                .extracting(JsonNode::asText)
                .containsExactly("prescale", "decision");
        assertThat(json.toString()).doesNotContain("\"uid\":\"prom\"");
    }

    @Test
    void outputIsDeterministic() {
        for (Dashboard d : PrescaleDashboards.all()) {
            assertThat(DashboardJson.bytes(d)).isEqualTo(DashboardJson.bytes(d));
        }
    }

    @Test
    void panelsDoNotOverlapOnTheGrid() {
        for (Dashboard d : PrescaleDashboards.all()) {
            List<Panel> panels = d.panels();
            for (int i = 0; i < panels.size(); i++) {
                for (int j = i + 1; j < panels.size(); j++) {
                    GridPos a = panels.get(i).gridPos();
                    GridPos b = panels.get(j).gridPos();
                    boolean overlap = a.x() < b.x() + b.w()
                            && b.x() < a.x() + a.w()
                            && a.y() < b.y() + b.h()
                            && b.y() < a.y() + a.h();
                    assertThat(overlap)
                            .as(d.uid() + " panels " + panels.get(i).id() + " and "
                                    + panels.get(j).id())
                            .isFalse();
                }
            }
        }
    }

    private static ObjectNode panel(ObjectNode d, int i) {
        return (ObjectNode) d.get("panels").get(i);
    }
}
