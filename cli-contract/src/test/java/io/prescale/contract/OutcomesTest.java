package io.prescale.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.contract.document.ForecastTrainDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomesTest {
    static final Invocation TRAIN =
            new Invocation("train", List.of("forecast", "train"), List.of("--input", "a.csv"), List.of());

    @Test
    void exitZeroGivesTheTypedDocumentAndEveryFieldAsAMap() {
        Outcomes.Completed done = Outcomes.interpret(
                "prescaleTrain",
                TRAIN,
                new ProcessOutput(
                        0,
                        "{\"command\":\"forecast train\",\"schemaVersion\":1,\"prescaleVersion\":\"x\",\"model\":\"arima\","
                                + "\"out\":\"m.zip\",\"newField\":[1,2]}\n"));
        assertThat(done.document()).isInstanceOf(ForecastTrainDocument.class);
        assertThat(done.document().writtenFiles()).containsExactly("m.zip");
        assertThat(done.map()).containsEntry("model", "arima").containsEntry("newField", List.of(1, 2));
    }

    @Test
    void exitTwoNamesTheOptionAndValueTheCommandRejected() {
        assertThatThrownBy(() -> Outcomes.interpret(
                        "prescaleTrain",
                        TRAIN,
                        new ProcessOutput(
                                2,
                                "{\"command\":\"forecast train\",\"error\":{\"exitCode\":2,\"message\":\"--horizon '0' must be between 1"
                                        + " and 100000 steps\",\"option\":\"--horizon\",\"value\":\"0\"}}")))
                .isInstanceOf(StepFailure.class)
                .hasMessage(
                        "prescaleTrain: prescale forecast train rejected --horizon '0': --horizon '0' must be between"
                                + " 1 and 100000 steps");
    }

    @Test
    void exitOneGivesTheErrorDocumentsMessage() {
        assertThatThrownBy(() -> Outcomes.interpret(
                        "prescalePublish",
                        new Invocation("policy", List.of("policy", "publish"), List.of(), List.of()),
                        new ProcessOutput(
                                1,
                                "{\"command\":\"policy publish\",\"error\":"
                                        + "{\"exitCode\":1,\"message\":\"actuator at http://a:9464 answered 403\"}}")))
                .hasMessage("prescalePublish: prescale policy publish failed: actuator at http://a:9464 answered 403");
    }

    @Test
    void aKilledProcessWithoutADocumentPointsAtTheLog() {
        assertThatThrownBy(() -> Outcomes.interpret("prescaleTrain", TRAIN, new ProcessOutput(137, "")))
                .hasMessage("prescaleTrain: prescale forecast train exited with code 137 without an error document"
                        + " (see its output above in the log)");
    }

    @Test
    void aDocumentOfAnotherShapeIsAContractMismatch() {
        assertThatThrownBy(() -> Outcomes.interpret(
                        "prescaleTrain",
                        TRAIN,
                        new ProcessOutput(
                                0, "{\"command\":\"forecast train\",\"schemaVersion\":2,\"prescaleVersion\":\"x\"}")))
                .hasMessageContaining("does not match this contract")
                .hasMessageContaining("schemaVersion 2");
        assertThatThrownBy(
                        () -> Outcomes.interpret(
                                "prescaleTrain",
                                TRAIN,
                                new ProcessOutput(
                                        0,
                                        "{\"command\":\"forecast train\",\"schemaVersion\":1,\"prescaleVersion\":\"x\"} trailing")))
                .hasMessageContaining("not one JSON document");
    }
}
