package io.prescale.contract;

import io.prescale.contract.document.CommandDocument;
import io.prescale.contract.summary.Summary;
import java.util.List;
import java.util.Map;

/**
 * What a step hands back: the value the pipeline receives (the document as a map when the step ran one command;
 * a map from each run's key, e.g. {@code train} and {@code sample}, to its document otherwise), the typed
 * documents, the archived workspace-relative files and the build-page summary.
 */
public record StepResult(
        Map<String, Object> value, List<CommandDocument> documents, List<String> archived, Summary summary) {
    public StepResult {
        value = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(value));
        documents = List.copyOf(documents);
        archived = List.copyOf(archived);
    }
}
