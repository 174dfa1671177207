package io.prescale.cli;

import io.prescale.cli.base.ConfigDefaultProvider;
import io.prescale.cli.base.DurationConverter;
import io.prescale.cli.base.CommandFailure;
import io.prescale.cli.base.OutputContext;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;

/**
 * Builds the picocli command tree and runs one invocation with the output rules of DESIGN.md §4.
 * Separate from {@link Main} so that tests run commands in-process with captured streams.
 */
public final class Prescale {
    private Prescale() {
    }

    /**
     * Runs one command line.
     *
     * @param args the arguments after {@code prescale}
     * @param stdout where the JSON document (or the human text) goes
     * @param stderr progress, logs and the one-line error
     * @param env the environment ({@code PRESCALE_CONFIG}, {@code PRESCALE_HOME}, {@code PRESCALE_<SECTION>_<KEY>})
     * @return the exit code: 0 success, 2 bad input, 1 other failure
     */
    public static int run(String[] args, PrintStream stdout, PrintStream stderr, Map<String, String> env) {
        OutputContext output = new OutputContext(stdout, stderr, env);
        PrintStream previousOut = System.out;
        System.setOut(stderr);
        try {
            CommandLine commandLine = newCommandLine(output);
            try {
                ConfigDefaultProvider defaults = ConfigDefaultProvider.load(args, env, commandLine);
                commandLine.setDefaultValueProvider(defaults);
            } catch (IllegalArgumentException e) {
                return output.fail(CommandFailure.badInput(commandNameOf(args), e.getMessage(), "--config", null),
                        wantsJson(args));
            }
            return commandLine.execute(args);
        } finally {
            System.setOut(previousOut);
        }
    }

    static CommandLine newCommandLine(OutputContext output) {
        CommandLine commandLine = new CommandLine(new Commands.Root(), new InjectingFactory(output));
        for (Class<?> group : Commands.GROUPS) {
            commandLine.addSubcommand(group);
        }
        commandLine.registerConverter(Duration.class, new DurationConverter());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((ex, args) -> output.fail(
                CommandFailure.badInput(ex.getCommandLine().getCommandSpec().qualifiedName(" ")
                        .replaceFirst("^prescale ?", ""), oneLine(ex.getMessage()), optionOf(ex), valueOf(ex)),
                wantsJson(args)));
        commandLine.setExecutionExceptionHandler((ex, cl, parseResult) -> output.fail(
                CommandFailure.from(cl.getCommandSpec().qualifiedName(" ").replaceFirst("^prescale ?", ""), ex),
                wantsJson(parseResult.originalArgs().toArray(new String[0]))));
        commandLine.setOut(new java.io.PrintWriter(output.stdout(), true));
        commandLine.setErr(new java.io.PrintWriter(output.stderr(), true));
        return commandLine;
    }

    static boolean wantsJson(String[] args) {
        for (String arg : args) {
            if ("--json".equals(arg)) {
                return true;
            }
        }
        return false;
    }

    private static String commandNameOf(String[] args) {
        StringBuilder name = new StringBuilder();
        for (String arg : args) {
            if (arg.startsWith("-")) {
                break;
            }
            name.append(name.length() == 0 ? "" : " ").append(arg);
        }
        return name.toString();
    }

    private static String optionOf(CommandLine.ParameterException ex) {
        if (ex.getArgSpec() instanceof CommandLine.Model.OptionSpec option) {
            return option.longestName();
        }
        return null;
    }

    private static String valueOf(CommandLine.ParameterException ex) {
        return ex.getValue();
    }

    static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String first = message.strip().lines().findFirst().orElse("");
        return first.isEmpty() ? "unknown error" : first;
    }

    /** Hands every command the shared {@link OutputContext} (stdout, stderr, environment). */
    private record InjectingFactory(OutputContext output) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            K instance = CommandLine.defaultFactory().create(cls);
            if (instance instanceof io.prescale.cli.base.NeedsOutput needsOutput) {
                needsOutput.setOutput(output);
            }
            return instance;
        }
    }
}
