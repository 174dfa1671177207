package io.prescale.cli.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One stage of {@code prescale demo}: one file in this package and one line in {@link DemoStages#ALL}. A stage
 * reads its history from the store ({@link DemoContext#history(String)}) and the typed results (records) that
 * earlier stages left ({@link DemoContext#get(Class)}), calls the same library code and JSON mapping as the
 * command it mirrors (never a command class), and returns its summary for the demo document.
 */
public interface DemoStage {
    /** Short name, the key of the stage's summary in the demo document. */
    String name();

    /** Runs the stage; {@code context.quick()} asks for a run of at most a few tens of seconds. */
    ObjectNode run(DemoContext context) throws Exception;
}
