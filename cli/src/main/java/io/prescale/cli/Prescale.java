package io.prescale.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.CommandFailure;
import io.prescale.cli.base.ConfigDefaultProvider;
import io.prescale.cli.base.DurationConverter;
import io.prescale.cli.base.OutputContext;
import io.prescale.cli.base.VersionInfo;
import io.prescale.core.series.Timestamps;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;

/**
 * Builds the picocli command tree and runs one invocation with the output rules of DESIGN.md §4.
 * Separate from {@link Main} so that tests run commands in-process with captured streams.
 */
public final class Prescale {
    private Prescale() {}

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
                commandLine.setParameterExceptionHandler(parameterHandler(output, defaults));
            } catch (IllegalArgumentException e) {
                return output.fail(
                        CommandFailure.badInput(commandNameOf(args), e.getMessage(), "--config", null),
                        wantsJson(args));
            }
            if (wantsJson(args) && Arrays.asList(args).contains("--version")) {
                ObjectNode document = OutputContext.header("version");
                document.put("version", VersionInfo.version());
                document.put("commit", VersionInfo.commit());
                output.succeed(document, "", true);
                return 0;
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
        commandLine.registerConverter(Instant.class, Prescale::instant);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(parameterHandler(output, null));
        commandLine.setExecutionExceptionHandler((ex, cl, parseResult) -> output.fail(
                CommandFailure.from(cl.getCommandSpec().qualifiedName(" ").replaceFirst("^prescale ?", ""), ex),
                wantsJson(parseResult.originalArgs().toArray(new String[0]))));
        commandLine.setOut(new java.io.PrintWriter(output.stdout(), true));
        commandLine.setErr(new java.io.PrintWriter(output.stderr(), true));
        return commandLine;
    }

    /** Every time option goes through the one timestamp parser (ISO-8601 with or without zone, or epoch). */
    private static Instant instant(String text) {
        try {
            return Timestamps.parseInstant(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /**
     * Bad flags and values: exit 2 naming the option; a value that came from the environment or the config file
     * (not typed as a flag) also names the variable or entry it came from.
     */
    private static CommandLine.IParameterExceptionHandler parameterHandler(
            OutputContext output, ConfigDefaultProvider defaults) {
        return (ex, args) -> {
            String message = oneLine(ex.getMessage());
            if (defaults != null
                    && ex.getArgSpec() instanceof CommandLine.Model.OptionSpec option
                    && !typed(args, option)) {
                String origin = defaults.origin(option);
                message = origin == null ? message : message + " (from " + origin + ")";
            }
            return output.fail(
                    CommandFailure.badInput(
                            ex.getCommandLine()
                                    .getCommandSpec()
                                    .qualifiedName(" ")
                                    .replaceFirst("^prescale ?", ""),
                            message,
                            optionOf(ex),
                            valueOf(ex)),
                    wantsJson(args));
        };
    }

    private static boolean typed(String[] args, CommandLine.Model.OptionSpec option) {
        for (String arg : args) {
            for (String name : option.names()) {
                if (arg.equals(name) || arg.startsWith(name + "=")) {
                    return true;
                }
            }
        }
        return false;
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
