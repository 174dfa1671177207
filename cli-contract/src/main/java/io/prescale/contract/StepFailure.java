package io.prescale.contract;

/**
 * Why a step failed, as the one line the build log and the build result show. Messages never contain a secret:
 * a missing credential is named by its ID only.
 */
public final class StepFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StepFailure(String message) {
        super(oneLine(message));
    }

    public StepFailure(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** The first non-blank line of {@code message}, stripped ("unknown error" when there is none). */
    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "unknown error";
        }
        return message.strip()
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .findFirst()
                .orElse("unknown error");
    }
}
