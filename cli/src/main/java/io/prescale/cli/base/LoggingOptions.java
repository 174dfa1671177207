package io.prescale.cli.base;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options inherited by every command: {@code --log-level} (logs always go to stderr) and {@code --config}
 * (read by {@link ConfigDefaultProvider} before parsing; declared here so that it is documented and accepted).
 */
public final class LoggingOptions {
    static {
        // JUL (used by some libraries) goes through SLF4J to Logback, which writes to stderr only.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    @Option(
            names = "--log-level",
            scope = ScopeType.INHERIT,
            paramLabel = "LEVEL",
            defaultValue = "warn",
            description = "error, warn, info, debug or trace (default: ${DEFAULT-VALUE}); logs go to stderr.")
    void setLogLevel(String level) {
        Level parsed = Level.toLevel(level, null);
        if (parsed == null) {
            throw new picocli.CommandLine.TypeConversionException(
                    "'" + level + "' is not a log level (expected error, warn, info, debug or trace)");
        }
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(parsed);
    }

    @Option(
            names = "--config",
            scope = ScopeType.INHERIT,
            paramLabel = "FILE",
            description =
                    "YAML configuration file (or $PRESCALE_CONFIG); flags override environment, which overrides the file.")
    Path config;
}
