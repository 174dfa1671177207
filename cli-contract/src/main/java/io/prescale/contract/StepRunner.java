package io.prescale.contract;

import io.prescale.contract.document.CommandDocument;
import io.prescale.contract.document.Documents;
import io.prescale.contract.document.PolicyDocument;
import io.prescale.contract.document.TuneDocument;
import io.prescale.contract.summary.Summary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one step on a {@link StepHost}: for each of the request's invocations, resolves its secrets (to private
 * files or environment variables), runs {@code java -jar prescale.jar <command> … --json} in the workspace,
 * interprets the exit code and document, and keeps the document as {@code prescale/<step>-<key>.json}; then
 * archives the documents and the files the commands wrote, and builds the summary. The first failing run stops
 * the step with its {@link StepFailure}; secret files are deleted however the step ends.
 */
public final class StepRunner {
    /** Workspace-relative directory of the documents a step keeps. */
    public static final String DOCUMENT_DIRECTORY = "prescale";

    private final StepHost host;
    private final Tool tool;

    public StepRunner(StepHost host, Tool tool) {
        this.host = host;
        this.tool = tool;
    }

    public StepResult run(StepRequest request) throws IOException, InterruptedException {
        Map<String, Object> byKey = new LinkedHashMap<>();
        List<CommandDocument> documents = new ArrayList<>();
        Set<String> archived = new LinkedHashSet<>();
        try {
            for (Invocation invocation : request.invocations()) {
                Map<String, String> files = new LinkedHashMap<>();
                Map<String, String> environment = new LinkedHashMap<>();
                List<String> secrets = new ArrayList<>();
                for (SecretBinding binding : invocation.secrets()) {
                    String secret = host.secret(binding.credentialsId());
                    secrets.add(secret);
                    if (binding.fileOption() != null) {
                        files.put(
                                binding.credentialsId(),
                                host.writeSecretFile(invocation.key() + "-" + files.size(), secret));
                    } else {
                        environment.put(binding.environmentVariable(), secret);
                    }
                }
                SecretMasker masker = new SecretMasker(secrets);
                host.log("[prescale] " + request.step() + ": prescale " + invocation.commandName() + " "
                        + String.join(" ", invocation.options()));
                ProcessOutput output =
                        host.run(invocation.commandLine(tool.java(), tool.jar(), files), environment, masker);
                ProcessOutput masked = new ProcessOutput(output.exitCode(), masker.mask(output.stdout()));
                Outcomes.Completed completed = Outcomes.interpret(request.step(), invocation, masked);
                String documentFile = DOCUMENT_DIRECTORY + "/" + request.step() + "-" + invocation.key() + ".json";
                host.write(documentFile, masked.stdout());
                archived.add(documentFile);
                for (String written : completed.document().writtenFiles()) {
                    Optional<String> relative = relativeToWorkspace(host.workspace(), written);
                    if (relative.isPresent()) {
                        archived.add(relative.get());
                    } else {
                        host.log("[prescale] not archived (outside the workspace): " + written);
                    }
                }
                documents.add(completed.document());
                byKey.put(invocation.key(), completed.map());
            }
            List<String> paths = List.copyOf(archived);
            host.archive(paths);
            Summary summary = Summaries.of(request.step(), documents, paths, policy(documents));
            host.log(summary.toText().stripTrailing());
            Map<String, Object> value =
                    byKey.size() == 1 ? asMap(byKey.values().iterator().next()) : byKey;
            return new StepResult(value, documents, paths, summary);
        } finally {
            host.cleanUp();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    /** The policy a tuning run wrote, read back for the summary's table (absent or unreadable: no table). */
    private PolicyDocument policy(List<CommandDocument> documents) throws IOException, InterruptedException {
        for (CommandDocument document : documents) {
            if (document instanceof TuneDocument tune && tune.policyFile() != null) {
                Optional<String> content = host.read(tune.policyFile());
                if (content.isPresent()) {
                    try {
                        return Documents.policy(content.get());
                    } catch (IllegalArgumentException e) {
                        host.log("[prescale] the policy file cannot be shown: " + e.getMessage());
                    }
                }
            }
        }
        return null;
    }

    /**
     * {@code path} relative to {@code workspace} with {@code /} separators, when it lies inside it: relative
     * paths are taken as relative to the workspace; {@code ..} that leaves it, or an absolute path elsewhere,
     * gives empty.
     */
    public static Optional<String> relativeToWorkspace(String workspace, String path) {
        String normalised = path.replace('\\', '/');
        String root = workspace.replace('\\', '/').replaceAll("/+$", "");
        String relative;
        if (normalised.startsWith(root + "/")) {
            relative = normalised.substring(root.length() + 1);
        } else if (normalised.startsWith("/") || normalised.matches("^[A-Za-z]:/.*")) {
            return Optional.empty();
        } else {
            relative = normalised;
        }
        List<String> parts = new ArrayList<>();
        for (String part : relative.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
    }
}
