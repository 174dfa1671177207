package io.prescale.core.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzes the readers of user files — {@link TraceReader}, the NAB reader and {@link LoadProfile#fromJson} — with
 * random bytes,
 * random CSV shapes (delimiters, quoting, headers, line endings, a BOM), huge and tiny numbers and mixed time
 * formats. Every outcome must be a value or an {@link IllegalArgumentException} (bad input, exit 2 in the CLI),
 * never another exception, and each input must be answered in bounded time (a hang guard of seconds, not a
 * performance goal).
 */
class ReaderFuzzTest {
    private static final long GUARD_NANOS = 5_000_000_000L;

    private static void valueOrBadInput(Supplier<?> read, String input) {
        long start = System.nanoTime();
        try {
            assertThat(read.get()).isNotNull();
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage())
                    .as("message for %s", shown(input))
                    .isNotBlank()
                    .hasSizeLessThan(1_000);
        } catch (RuntimeException | Error e) {
            throw new AssertionError("input " + shown(input) + " gave " + e, e);
        }
        assertThat(System.nanoTime() - start).as("time for %s", shown(input)).isLessThan(GUARD_NANOS);
    }

    private static String shown(String input) {
        return '"' + (input.length() > 300 ? input.substring(0, 300) + "…" : input).replace("\n", "\\n") + '"';
    }

    @Property(tries = 300)
    void randomBytesAreAValueOrBadInput(@ForAll @Size(max = 4096) byte[] bytes) {
        String shown = new String(bytes, StandardCharsets.ISO_8859_1);
        valueOrBadInput(
                () -> TraceReader.read(new ByteArrayInputStream(bytes), "fuzz.csv", TraceReadOptions.defaults()),
                shown);
        valueOrBadInput(() -> LoadProfile.fromJson(new String(bytes, StandardCharsets.UTF_8)), shown);
    }

    @Property(tries = 600)
    void randomCsvShapesAreAValueOrBadInput(@ForAll("csv") String csv, @ForAll boolean strict) {
        TraceReadOptions options = strict ? TraceReadOptions.importDefaults() : TraceReadOptions.defaults();
        valueOrBadInput(() -> TraceReader.readText(csv, "fuzz.csv", options), csv);
        valueOrBadInput(
                () -> TraceReader.read(
                        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "fuzz.csv", options),
                csv);
        valueOrBadInput(
                () -> {
                    try {
                        return io.prescale.core.anomaly.nab.NabCsv.read(
                                new java.io.StringReader(csv), "fuzz.csv", null);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                },
                csv);
    }

    @Property(tries = 300)
    void randomLoadProfilesAreAValueOrBadInput(@ForAll("profileJson") String json) {
        valueOrBadInput(() -> LoadProfile.fromJson(json), json);
    }

    @Provide
    Arbitrary<String> csv() {
        Arbitrary<String> delimiter = Arbitraries.of(",", ";", "\t", ", ", "|");
        Arbitrary<String> newline = Arbitraries.of("\n", "\r\n", "\n\n", "\r");
        Arbitrary<List<String>> header = Arbitraries.of(
                        "timestamp", "time", "value", "t", "ts", "", "\"a,b\"", "null", "date", "count", "1")
                .list()
                .ofMaxSize(4);
        Arbitrary<List<List<String>>> rows =
                cell().list().ofMinSize(0).ofMaxSize(5).list().ofMaxSize(60);
        return Combinators.combine(
                        delimiter, newline, header, rows, Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((d, nl, h, r, withHeader, bom) -> {
                    StringBuilder text = new StringBuilder(bom ? "\uFEFF" : "");
                    if (withHeader) {
                        text.append(String.join(d, h)).append(nl);
                    }
                    for (List<String> row : r) {
                        text.append(String.join(d, row)).append(nl);
                    }
                    return text.toString();
                });
    }

    private static Arbitrary<String> cell() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "",
                        " ",
                        "NaN",
                        "nan",
                        "null",
                        "NA",
                        "Infinity",
                        "-Infinity",
                        "1e308",
                        "-1e308",
                        "1e999",
                        "4.9e-324",
                        "1e-400",
                        "-0",
                        "0x1F",
                        "1,5",
                        "\"\"",
                        "\"",
                        "\"1\"",
                        "1_000",
                        "9223372036854775808",
                        "-9223372036854775809",
                        "1".repeat(120),
                        "+5",
                        ".",
                        "-",
                        "e5"),
                Arbitraries.doubles().map(d -> Double.toString(d)),
                Arbitraries.longs().map(l -> Long.toString(l)),
                Arbitraries.integers().between(0, 4_200_000).map(i -> Long.toString(315_532_800L + i * 997L)),
                Arbitraries.longs()
                        .between(315_532_800_000L, 4_102_444_800_000L)
                        .map(l -> Long.toString(l)),
                Arbitraries.integers()
                        .between(0, 86_399)
                        .map(s -> String.format(
                                "2024-03-%02dT%02d:%02d:%02dZ", 1 + s % 28, s / 3600, s / 60 % 60, s % 60)),
                Arbitraries.of(
                        "2024-03-01 00:00:00",
                        "2024-03-01T00:00:00+02:00",
                        "2024-03-01T00:00:00.123456789Z",
                        "2024-02-30T00:00:00Z",
                        "2024-03-01T25:00:00Z",
                        "2024-03-01T00:00:00[Europe/Paris]",
                        "2024-03-01",
                        "1969-12-31T23:59:59Z",
                        "+999999999-12-31T23:59:59Z",
                        "2024-03-01T00:00Z"),
                Arbitraries.strings().ofMaxLength(12));
    }

    @Provide
    Arbitrary<String> profileJson() {
        Arbitrary<String> number = Arbitraries.of(
                "0",
                "1",
                "-1",
                "1e308",
                "1e999",
                "NaN",
                "\"x\"",
                "null",
                "4.9e-324",
                "12345678901234567890",
                "[]",
                "{}");
        Arbitrary<String> step =
                Arbitraries.of("\"PT1M\"", "\"PT0S\"", "\"-PT1S\"", "\"P9999999999D\"", "\"x\"", "60", "null");
        Arbitrary<String> start =
                Arbitraries.of("\"2024-01-01T00:00:00Z\"", "\"x\"", "0", "null", "\"+1000000000-01-01T00:00:00Z\"");
        Arbitrary<String> version = Arbitraries.of("1", "2", "0", "\"1\"", "null");
        Arbitrary<String> unit = Arbitraries.of("\"requests/s\"", "\"count\"", "null", "1");
        return Combinators.combine(version, start, step, unit, number.list().ofMaxSize(20), Arbitraries.of(true, false))
                .as((v, s, st, u, values, array) -> {
                    String one = "{\"schemaVersion\":" + v + ",\"start\":" + s + ",\"step\":" + st + ",\"unit\":" + u
                            + ",\"values\":[" + String.join(",", values) + "]}";
                    return array ? "[" + one + "," + one + "]" : one;
                });
    }
}
