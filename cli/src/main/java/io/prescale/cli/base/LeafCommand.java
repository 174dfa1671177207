package io.prescale.cli.base;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every leaf command. A command implements {@link #execute()} and returns its result fields; this
 * class writes the header ({@code command}, {@code schemaVersion}, {@code prescaleVersion}, and {@code seed}
 * for commands with a {@code @Mixin SeedOption}), applies the non-finite rule, and turns exceptions into the error document.
 */
public abstract class LeafCommand implements Callable<Integer>, NeedsOutput {
    @Spec
    protected CommandSpec spec;

    @Mixin
    protected JsonOption jsonOption;

    protected OutputContext output;

    @Override
    public void setOutput(OutputContext output) {
        this.output = output;
    }

    /** The result of a command: the JSON fields after the header, and optional human-readable text. */
    public record Result(ObjectNode fields, String humanText) {
        public static Result of(ObjectNode fields) {
            return new Result(fields, null);
        }
    }

    /** Does the work. Throw {@link BadInputException} or {@link IllegalArgumentException} for bad input. */
    protected abstract Result execute() throws Exception;

    /** The command name as it appears in documents, e.g. {@code forecast backtest}. */
    protected final String commandName() {
        return spec.qualifiedName(" ").replaceFirst("^prescale ?", "");
    }

    /** Progress for people, on stderr (never on stdout). */
    protected final void progress(String message) {
        output.stderr().println(message);
    }

    @Override
    public final Integer call() {
        try {
            Result result = execute();
            ObjectNode document = OutputContext.header(commandName());
            SeedOption seed = seedOption();
            if (seed != null) {
                document.put("seed", seed.seed());
            }
            Json.appendFields(document, result.fields());
            output.succeed(document, result.humanText(), jsonOption.json());
            return 0;
        } catch (Exception | LinkageError e) {
            return output.fail(withOrigin(CommandFailure.from(commandName(), e, spec)), jsonOption.json());
        }
    }

    /**
     * A failure blamed on an option the user did not type names where its value came from (an environment
     * variable or the config file), since the flag alone would send them looking in the wrong place.
     */
    private CommandFailure withOrigin(CommandFailure failure) {
        if (failure.option() == null
                || spec.findOption(failure.option()) == null
                || !(spec.commandLine().getDefaultValueProvider() instanceof ConfigDefaultProvider defaults)) {
            return failure;
        }
        picocli.CommandLine.Model.OptionSpec option = spec.findOption(failure.option());
        picocli.CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (parsed != null && parsed.hasMatchedOption(option)) {
            return failure;
        }
        String origin = defaults.origin(option);
        return origin == null
                ? failure
                : new CommandFailure(
                        failure.command(),
                        failure.exitCode(),
                        failure.message() + " (from " + origin + ")",
                        failure.option(),
                        failure.value());
    }

    /**
     * The {@code @Mixin SeedOption} of a stochastic command, found among its mixins, or null for a command
     * without one; its seed is echoed in the document.
     */
    private SeedOption seedOption() {
        for (CommandSpec mixin : spec.mixins().values()) {
            if (mixin.userObject() instanceof SeedOption seed) {
                return seed;
            }
        }
        return null;
    }
}
