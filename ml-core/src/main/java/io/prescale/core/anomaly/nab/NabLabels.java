package io.prescale.core.anomaly.nab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * NAB's {@code labels/combined_windows.json}: {@code {"<category>/<file>.csv": [["start", "end"], …]}}. Anything
 * else is rejected with one line naming the first entry that is not in this format.
 *
 * @param windows per data file (relative path with {@code /}), in file order
 */
public record NabLabels(Map<String, List<NabWindow>> windows) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public NabLabels {
        Map<String, List<NabWindow>> copy = new LinkedHashMap<>();
        Objects.requireNonNull(windows, "windows").forEach((file, list) -> copy.put(file, List.copyOf(list)));
        windows = java.util.Collections.unmodifiableMap(copy);
    }

    /** Reads a label file; IllegalArgumentException (one line) when it is not NAB's windows format. */
    public static NabLabels read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** As {@link #read(Path)} from a stream; {@code name} names the source in errors. */
    public static NabLabels read(InputStream in, String name) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(name + " is not JSON: expected NAB's combined_windows.json format");
        }
        if (root == null || !root.isObject()) {
            throw notNab(name, "the top level is not an object of file → windows");
        }
        Map<String, List<NabWindow>> windows = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            windows.put(entry.getKey(), windowsOf(entry.getKey(), entry.getValue(), name));
        }
        return new NabLabels(windows);
    }

    /**
     * NAB's windows for the shipped traces that come from NAB ({@code realKnownCause/nyc_taxi.csv} and
     * {@code realAWSCloudwatch/elb_request_count_8c0756.csv}), verbatim from {@code labels/combined_windows.json}
     * (MIT, Numenta), so the demo can check whether the known events were found.
     */
    public static NabLabels shippedTraceWindows() {
        try (InputStream in =
                NabLabels.class.getResourceAsStream("/io/prescale/core/anomaly/shipped_trace_windows.json")) {
            return read(Objects.requireNonNull(in, "shipped_trace_windows.json"), "shipped_trace_windows.json");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The windows of {@code file}, or null when the file has no entry. */
    public List<NabWindow> of(String file) {
        return windows.get(file);
    }

    private static List<NabWindow> windowsOf(String file, JsonNode list, String name) {
        if (!list.isArray()) {
            throw notNab(name, "entry '" + file + "' is not a list of [start, end] windows");
        }
        List<NabWindow> result = new ArrayList<>();
        for (JsonNode pair : list) {
            if (!pair.isArray()
                    || pair.size() != 2
                    || !pair.get(0).isTextual()
                    || !pair.get(1).isTextual()) {
                throw notNab(name, "entry '" + file + "' has a window that is not [\"start\", \"end\"]: " + pair);
            }
            LocalDateTime start = NabCsv.parseTimestampOrNull(pair.get(0).asText());
            LocalDateTime end = NabCsv.parseTimestampOrNull(pair.get(1).asText());
            if (start == null || end == null || end.isBefore(start)) {
                throw notNab(name, "entry '" + file + "' has a window with bad timestamps: " + pair);
            }
            if (!result.isEmpty()
                    && start.isBefore(result.get(result.size() - 1).end())) {
                throw notNab(name, "entry '" + file + "' has overlapping or unsorted windows at " + pair);
            }
            result.add(new NabWindow(start, end));
        }
        return result;
    }

    private static IllegalArgumentException notNab(String name, String what) {
        return new IllegalArgumentException(name + " is not a NAB windows file (" + what
                + "); expected {\"<category>/<file>.csv\": [[\"start\", \"end\"], …]}");
    }
}
