package io.prescale.contract;

import io.prescale.contract.document.CommandDocument;
import io.prescale.contract.document.Documents;
import io.prescale.contract.document.ErrorDocument;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a finished run into its document, or into the step's one-line failure: exit 2 (bad input) names the
 * option and value the command rejected; exit 1 gives the error document's message; any other exit code, or a
 * stdout that is not the documented JSON, says so and points at the log (where stderr went).
 */
public final class Outcomes {
    private Outcomes() {}

    /** A successful run: its typed document and the whole document as a map. */
    public record Completed(Invocation invocation, CommandDocument document, Map<String, Object> map) {}

    /**
     * Interprets one run of {@code invocation} for {@code step}.
     *
     * @throws StepFailure on a non-zero exit or a document this contract cannot read
     */
    public static Completed interpret(String step, Invocation invocation, ProcessOutput output) {
        String command = invocation.commandName();
        if (output.exitCode() == 0) {
            try {
                return new Completed(
                        invocation, Documents.read(command, output.stdout()), Documents.toMap(output.stdout()));
            } catch (IllegalArgumentException e) {
                throw new StepFailure(
                        step + ": prescale " + command + " succeeded but its JSON document does not match"
                                + " this contract (" + e.getMessage()
                                + "); are the plugin and the prescale tool the same"
                                + " version?",
                        e);
            }
        }
        Optional<ErrorDocument> error = Documents.error(output.stdout());
        if (error.isEmpty()) {
            throw new StepFailure(step + ": prescale " + command + " exited with code " + output.exitCode()
                    + " without an error document (see its output above in the log)");
        }
        ErrorDocument.Error e = error.get().error();
        if (output.exitCode() == 2 || e.exitCode() == 2) {
            String what = e.option() == null
                    ? "its input"
                    : e.value() == null ? e.option() : e.option() + " '" + e.value() + "'";
            throw new StepFailure(step + ": prescale " + command + " rejected " + what + ": " + e.message());
        }
        throw new StepFailure(step + ": prescale " + command + " failed: " + e.message());
    }
}
