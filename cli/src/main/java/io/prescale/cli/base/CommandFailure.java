package io.prescale.cli.base;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/**
 * A failed command, as the error document of DESIGN.md §4 describes it: exit code, one-line message, and the
 * option and value at fault when known.
 */
public record CommandFailure(String command, int exitCode, String message, String option, String value) {
    public static final int BAD_INPUT = 2;
    public static final int FAILURE = 1;

    public CommandFailure {
        if (exitCode != BAD_INPUT && exitCode != FAILURE) {
            throw new IllegalArgumentException("exitCode must be 1 or 2, got " + exitCode);
        }
        message = oneLine(message);
    }

    public static CommandFailure badInput(String command, String message, String option, String value) {
        return new CommandFailure(command, BAD_INPUT, message, option, value);
    }

    /**
     * Classifies an exception thrown by a command: {@link BadInputException}, {@link IllegalArgumentException}
     * and a missing input file are bad input (exit 2); anything else is a failure (exit 1).
     */
    /**
     * {@link #from(String, Throwable)}, and a file-system failure on a path one of the command's options names is
     * bad input naming that option and path.
     */
    public static CommandFailure from(String command, Throwable error, picocli.CommandLine.Model.CommandSpec spec) {
        return UserPaths.failure(command, error, spec)
                .or(() -> UserPaths.corruptFile(command, error, spec))
                .orElseGet(() -> from(command, error));
    }

    public static CommandFailure from(String command, Throwable error) {
        Throwable cause = error;
        if (cause instanceof UncheckedIOException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof BadInputException bad) {
            return new CommandFailure(command, BAD_INPUT, bad.getMessage(), bad.option(), bad.value());
        }
        if (cause instanceof IllegalArgumentException) {
            return new CommandFailure(command, BAD_INPUT, cause.getMessage(), null, null);
        }
        if (cause instanceof NoSuchFileException missing) {
            return new CommandFailure(command, BAD_INPUT, "file not found: " + missing.getFile(), null, null);
        }
        if (cause instanceof FileNotFoundException) {
            return new CommandFailure(command, BAD_INPUT, cause.getMessage(), null, null);
        }
        String message = cause.getMessage() == null
                ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new CommandFailure(command, FAILURE, message, null, null);
    }

    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "unknown error";
        }
        return message.strip().lines().findFirst().orElse("unknown error");
    }
}
