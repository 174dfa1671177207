package io.prescale.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Entry point of {@code prescale}. The first thing it does is point {@link System#out} at stderr, so that
 * nothing a library prints can land in the one JSON document that {@code --json} promises on stdout; the
 * document is written through the saved real stdout.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintStream realStdout =
                new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.setOut(stderr);
        int exitCode = Prescale.run(args, realStdout, stderr, System.getenv());
        realStdout.flush();
        stderr.flush();
        System.exit(exitCode);
    }
}
