package io.prescale.cli.series;

import io.prescale.cli.base.BadInputException;

/** The {@code --from} of {@code prescale import}: a kind and a location (file or URL). */
record ImportSource(Kind kind, String location) {
    enum Kind {
        CSV,
        NAB,
        PROMETHEUS
    }

    static ImportSource parse(String from) {
        for (Kind kind : Kind.values()) {
            String prefix = kind.name().toLowerCase(java.util.Locale.ROOT) + ":";
            if (from.startsWith(prefix)) {
                String location = from.substring(prefix.length());
                if (location.isBlank()) {
                    throw new BadInputException(
                            "--from",
                            from,
                            "'" + from + "' names no " + (kind == Kind.PROMETHEUS ? "URL" : "file") + " after '"
                                    + prefix + "'");
                }
                return new ImportSource(kind, location);
            }
        }
        throw new BadInputException(
                "--from", from, "'" + from + "' is not a source (expected csv:FILE, nab:FILE or prometheus:URL)");
    }
}
