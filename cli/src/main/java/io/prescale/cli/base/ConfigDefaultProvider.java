package io.prescale.cli.base;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option values that were not given as flags: from the environment ({@code PRESCALE_<SECTION>_<KEY>}), else
 * from the YAML config file ({@code --config FILE} or {@code $PRESCALE_CONFIG}), else the option's default.
 * Precedence is therefore defaults &lt; file &lt; environment &lt; flags.
 *
 * <p>The section of an option is the part before the dot of its {@code descriptionKey} (e.g. {@code store.dir}),
 * else the name of the top-level command it belongs to ({@code import}, {@code forecast}…); the key is its long
 * name without dashes. So {@code prescale import --on-duplicate} reads {@code import.on-duplicate} from the file
 * and {@code PRESCALE_IMPORT_ON_DUPLICATE} from the environment. Unknown sections or keys in the file are an
 * error, all reported at once.
 */
public final class ConfigDefaultProvider implements CommandLine.IDefaultValueProvider {
    /** Sections whose command reads and checks them itself (the collector's rules are lists, not option values). */
    private static final Set<String> SELF_CHECKED_SECTIONS = Set.of("collect");

    private final Map<String, String> env;
    private final JsonNode file;

    private ConfigDefaultProvider(Map<String, String> env, JsonNode file) {
        this.env = env;
        this.file = file;
    }

    /**
     * Reads the config file named by {@code --config} in {@code args} or {@code PRESCALE_CONFIG}, and checks
     * its keys against the options of {@code root}.
     *
     * @throws IllegalArgumentException naming the file and every unknown or malformed entry
     */
    public static ConfigDefaultProvider load(String[] args, Map<String, String> env, CommandLine root) {
        String configPath = env.get("PRESCALE_CONFIG");
        for (int i = 0; i < args.length; i++) {
            if ("--config".equals(args[i]) && i + 1 < args.length) {
                configPath = args[i + 1];
            } else if (args[i].startsWith("--config=")) {
                configPath = args[i].substring("--config=".length());
            }
        }
        JsonNode file = null;
        if (configPath != null && !configPath.isBlank()) {
            Path path = Path.of(configPath);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("config file '" + configPath + "' does not exist or is not a file");
            }
            try {
                file = new ObjectMapper(new YAMLFactory()).readTree(path.toFile());
            } catch (IOException e) {
                throw new IllegalArgumentException("config file '" + configPath + "' is not valid YAML: "
                        + CommandLine.Help.Ansi.OFF
                                .string(String.valueOf(e.getMessage()))
                                .lines()
                                .findFirst()
                                .orElse(""));
            }
            if (file != null && !file.isNull()) {
                validate(configPath, file, knownKeys(root));
            }
        }
        return new ConfigDefaultProvider(env, file);
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option) || option.command() == null) {
            return null;
        }
        String section = sectionOf(option);
        String key = keyOf(option);
        if (section == null) {
            return null;
        }
        String envName = "PRESCALE_"
                + (section + "_" + key)
                        .toUpperCase(Locale.ROOT)
                        .replace('-', '_')
                        .replace('.', '_');
        String fromEnv = env.get(envName);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        if (file != null && file.path(section).has(key)) {
            JsonNode value = file.path(section).get(key);
            return value.isValueNode() ? value.asText() : value.toString();
        }
        if ("store".equals(section) && "dir".equals(key)) {
            return defaultStoreDir(env).toString();
        }
        return option.defaultValue();
    }

    /**
     * Where the default of {@code option} came from when it was not given as a flag: {@code environment variable
     * PRESCALE_…} or {@code config file …}; null when it is the option's own default. For messages about a value
     * the user did not type on the command line.
     */
    public String origin(OptionSpec option) {
        String section = option.command() == null ? null : sectionOf(option);
        if (section == null) {
            return null;
        }
        String key = keyOf(option);
        String envName = "PRESCALE_"
                + (section + "_" + key)
                        .toUpperCase(Locale.ROOT)
                        .replace('-', '_')
                        .replace('.', '_');
        String fromEnv = env.get(envName);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return "environment variable " + envName;
        }
        if (file != null && file.path(section).has(key)) {
            return "config file entry " + section + "." + key;
        }
        return null;
    }

    /** {@code ${PRESCALE_HOME:-~/.prescale}/store}. */
    public static Path defaultStoreDir(Map<String, String> env) {
        String home = env.get("PRESCALE_HOME");
        Path base =
                home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".prescale");
        return base.resolve("store");
    }

    private static String sectionOf(OptionSpec option) {
        String descriptionKey = option.descriptionKey();
        if (descriptionKey != null && descriptionKey.contains(".")) {
            return descriptionKey.substring(0, descriptionKey.indexOf('.'));
        }
        if (option.scopeType() == CommandLine.ScopeType.INHERIT) {
            return null;
        }
        CommandSpec command = option.command();
        if (command.parent() == null) {
            return null;
        }
        while (command.parent() != null && command.parent().parent() != null) {
            command = command.parent();
        }
        return command.name();
    }

    private static String keyOf(OptionSpec option) {
        String descriptionKey = option.descriptionKey();
        if (descriptionKey != null && descriptionKey.contains(".")) {
            return descriptionKey.substring(descriptionKey.indexOf('.') + 1);
        }
        return option.longestName().replaceFirst("^-+", "");
    }

    private static Set<String> knownKeys(CommandLine root) {
        Set<String> keys = new TreeSet<>();
        collect(root.getCommandSpec(), keys);
        return keys;
    }

    private static void collect(CommandSpec command, Set<String> keys) {
        for (OptionSpec option : command.options()) {
            String section = sectionOf(option);
            if (section != null) {
                keys.add(section + "." + keyOf(option));
            }
        }
        for (CommandLine sub : command.subcommands().values()) {
            collect(sub.getCommandSpec(), keys);
        }
    }

    private static void validate(String path, JsonNode file, Set<String> known) {
        List<String> problems = new ArrayList<>();
        if (!file.isObject()) {
            throw new IllegalArgumentException(
                    "config file '" + path + "' must be a map of sections, got " + file.getNodeType());
        }
        Iterator<Map.Entry<String, JsonNode>> sections = file.fields();
        while (sections.hasNext()) {
            Map.Entry<String, JsonNode> section = sections.next();
            if (!section.getValue().isObject()) {
                problems.add("'" + section.getKey() + "' must be a section of keys");
                continue;
            }
            if (SELF_CHECKED_SECTIONS.contains(section.getKey())) {
                continue;
            }
            section.getValue().fieldNames().forEachRemaining(key -> {
                if (!known.contains(section.getKey() + "." + key)) {
                    problems.add("unknown key '" + section.getKey() + "." + key + "'");
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("config file '" + path + "': " + String.join("; ", problems));
        }
    }
}
