package io.prescale.cli.base;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Turns a file-system failure on a path the user named into bad input naming the option and that path — never
 * the temporary file a command wrote beside it ({@code OUT.tmp}, {@code .OUT…tmp}) or a file under it. A failure
 * on a path no option names stays an internal failure.
 */
final class UserPaths {
    private UserPaths() {}

    /** The bad-input failure for {@code error} (or one of its causes), or empty when no option names its path. */
    static Optional<CommandFailure> failure(String command, Throwable error, CommandSpec spec) {
        if (spec == null) {
            return Optional.empty();
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof FileSystemException fs && fs.getFile() != null) {
                for (OptionSpec option : spec.options()) {
                    Object value = option.getValue();
                    if ((value instanceof Path || value instanceof java.io.File || value instanceof String)
                            && names(value.toString(), fs.getFile())) {
                        String path = value.toString();
                        return Optional.of(CommandFailure.badInput(
                                command,
                                option.longestName() + " '" + path + "': " + reason(fs, path),
                                option.longestName(),
                                path));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A file the user named that is truncated or not in the expected format (a zip cut short, JSON that does not
     * parse): bad input, naming the option when exactly one option other than {@code --input} names an existing
     * file.
     */
    static Optional<CommandFailure> corruptFile(String command, Throwable error, CommandSpec spec) {
        Throwable corrupt = null;
        for (Throwable t = error; t != null && corrupt == null; t = t.getCause()) {
            if (t instanceof java.util.zip.ZipException
                    || t instanceof java.io.EOFException
                    || t instanceof java.io.StreamCorruptedException
                    || t instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                corrupt = t;
            }
        }
        if (corrupt == null) {
            return Optional.empty();
        }
        String what =
                corrupt.getClass().getSimpleName().replace("Exception", "").toLowerCase(java.util.Locale.ROOT);
        OptionSpec only = null;
        int files = 0;
        for (OptionSpec option : spec == null ? java.util.List.<OptionSpec>of() : spec.options()) {
            Object value = option.getValue();
            // --input goes through the trace reader, whose failures are already bad input naming it
            if (value instanceof Path path
                    && java.nio.file.Files.isRegularFile(path)
                    && !option.longestName().equals("--input")) {
                only = option;
                files++;
            }
        }
        if (files == 1) {
            String path = only.getValue().toString();
            return Optional.of(CommandFailure.badInput(
                    command,
                    only.longestName() + " '" + path + "' is truncated or not in the expected format (" + what + ")",
                    only.longestName(),
                    path));
        }
        return Optional.of(CommandFailure.badInput(
                command, "an input file is truncated or not in the expected format (" + what + ")", null, null));
    }

    /**
     * Whether {@code file} is {@code given}, a temporary sibling of it, a file under it, or a part of its path
     * (a regular file where a directory was needed).
     */
    static boolean names(String given, String file) {
        if (given.isEmpty()) {
            return false;
        }
        Path g = Path.of(given).toAbsolutePath().normalize();
        Path f = Path.of(file).toAbsolutePath().normalize();
        if (f.equals(g) || f.startsWith(g) || (g.startsWith(f) && f.getNameCount() > 0)) {
            return true;
        }
        String name = g.getFileName() == null ? "" : g.getFileName().toString();
        String other = f.getFileName() == null ? "" : f.getFileName().toString();
        boolean sibling = f.getParent() != null && f.getParent().equals(g.getParent());
        return sibling && !name.isEmpty() && (other.startsWith(name + ".") || other.startsWith("." + name));
    }

    private static String reason(FileSystemException e, String path) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "does not exist (or its directory does not)";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is a regular file, not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists and cannot be replaced";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "is a directory that is not empty";
        }
        String reason = e.getReason();
        return reason == null || reason.isBlank() ? "cannot be written or read" : reason.strip();
    }
}
