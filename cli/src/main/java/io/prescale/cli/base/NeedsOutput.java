package io.prescale.cli.base;

/** Commands that write results receive the shared {@link OutputContext} from the command factory. */
public interface NeedsOutput {
    void setOutput(OutputContext output);
}
