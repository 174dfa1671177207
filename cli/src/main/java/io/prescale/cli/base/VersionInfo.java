package io.prescale.cli.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** The version and git commit, filtered into {@code prescale-version.properties} at build time. */
public final class VersionInfo implements CommandLine.IVersionProvider {
    private static final Properties PROPERTIES = load();

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return PROPERTIES.getProperty("version", "unknown");
    }

    /** The abbreviated commit the jar was built from, or {@code unknown} outside a git checkout. */
    public static String commit() {
        String commit = PROPERTIES.getProperty("commit", "");
        if (commit.isEmpty() || commit.startsWith("${")) {
            return "unknown";
        }
        String dirty = PROPERTIES.getProperty("dirty", "false");
        return "true".equals(dirty) ? commit + "-dirty" : commit;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"prescale " + version() + " (commit " + commit() + ")"};
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream("/prescale-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
