package io.prescale.contract.document;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The document of a failed command (exit 1 or 2): {@code {"command", "error": {"exitCode", "message", "option",
 * "value"}}}; {@code option} and {@code value} name the bad input when the command knows it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorDocument(String command, Error error) {
    /** The error: exit code, one-line message, and the option and value at fault (either may be null). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Error(int exitCode, String message, String option, String value) {}
}
