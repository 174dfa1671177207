package io.prescale.core.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The importing process of {@link StoreCrashTest}: opens the store, imports one {@link CrashVersion} and reports
 * each {@link ImportStage} on stdout. Given a stage to pause at, it stops there (reading stdin until it closes)
 * so that the test can kill it at exactly that point.
 *
 * <p>Arguments: store directory, version name, stage to pause at or {@code -}, how many times that stage must be
 * reached first (1 for the first time).
 */
public final class CrashImportMain {
    private CrashImportMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        CrashVersion version = CrashVersion.valueOf(args[1]);
        String pauseAt = args[2];
        int[] remaining = {Integer.parseInt(args[3])};
        out.println("started");
        ImportObserver observer = stage -> {
            out.println("stage " + stage);
            if (stage.name().equals(pauseAt) && --remaining[0] == 0) {
                out.println("paused");
                try {
                    while (System.in.read() >= 0) {
                        // wait to be killed
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        try (QuestDbStore store = QuestDbStore.open(Path.of(args[0]), observer)) {
            version.writeTo(store);
        }
        out.println("done");
    }
}
