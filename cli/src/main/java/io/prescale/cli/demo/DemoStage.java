package io.prescale.cli.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One stage of {@code prescale demo}: each issue adds one, registered in {@link DemoStages#ALL}. A stage reads
 * what earlier stages left in the {@link DemoContext} and returns its summary for the demo document.
 */
public interface DemoStage {
    /** Short name, the key of the stage's summary in the demo document. */
    String name();

    /** Runs the stage; {@code context.quick()} asks for a run of at most a few tens of seconds. */
    ObjectNode run(DemoContext context) throws Exception;
}
