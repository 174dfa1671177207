package io.prescale.cli.base;

import picocli.CommandLine.Option;

/** {@code --json}: stdout holds exactly one JSON document. A mixin of every leaf command. */
public final class JsonOption {
    @Option(
            names = "--json",
            description = "Print exactly one JSON document on stdout (logs and progress go to stderr).")
    boolean json;

    public boolean json() {
        return json;
    }
}
