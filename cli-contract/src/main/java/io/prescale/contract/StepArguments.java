package io.prescale.contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The named arguments of one step call ({@code prescaleTrain input: 'load.csv', model: 'auto'}), read by name
 * with their types checked. Unknown names, missing required ones and values of the wrong type fail with a
 * {@link StepFailure} of one line naming the step, the argument and what was expected. Values may be Groovy or
 * Java numbers, booleans, strings, or lists of strings; null means absent.
 */
public final class StepArguments {
    private final String step;
    private final Map<String, Object> values;

    private StepArguments(String step, Map<String, Object> values) {
        this.step = step;
        this.values = values;
    }

    /**
     * Checks {@code arguments} against the names a step accepts.
     *
     * @throws StepFailure naming the first unknown argument and the accepted ones
     */
    public static StepArguments of(String step, Map<String, ?> arguments, Collection<String> accepted) {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (arguments != null) {
            for (Map.Entry<String, ?> entry : arguments.entrySet()) {
                if (!accepted.contains(entry.getKey())) {
                    throw new StepFailure(step + ": unknown argument '" + entry.getKey() + "'; expected one of "
                            + new TreeSet<>(accepted));
                }
                if (entry.getValue() != null) {
                    copy.put(entry.getKey(), entry.getValue());
                }
            }
        }
        return new StepArguments(step, copy);
    }

    /** The names given (non-null values only). */
    public Set<String> names() {
        return values.keySet();
    }

    public boolean has(String name) {
        return values.containsKey(name) && !(values.get(name) instanceof String s && s.isBlank());
    }

    /** A required text argument. */
    public String requiredText(String name) {
        if (!has(name)) {
            throw new StepFailure(step + ": argument '" + name + "' is required");
        }
        return text(name, null);
    }

    /** A text argument, or {@code fallback} when absent or blank. Numbers and booleans are accepted as text. */
    public String text(String name, String fallback) {
        if (!has(name)) {
            return fallback;
        }
        Object value = values.get(name);
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
            return value.toString().strip();
        }
        throw wrongType(name, "text", value);
    }

    /** A whole-number argument (a number or its text), or null when absent. */
    public Long whole(String name) {
        if (!has(name)) {
            return null;
        }
        Object value = values.get(name);
        try {
            if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                return n.longValue();
            }
            if (value instanceof CharSequence text) {
                return Long.parseLong(text.toString().strip());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw wrongType(name, "a whole number", value);
    }

    /** A finite number (a number or its text), or null when absent. */
    public Double number(String name) {
        if (!has(name)) {
            return null;
        }
        Object value = values.get(name);
        try {
            double parsed = value instanceof Number n
                    ? n.doubleValue()
                    : value instanceof CharSequence text
                            ? Double.parseDouble(text.toString().strip())
                            : Double.NaN;
            if (Double.isFinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw wrongType(name, "a number", value);
    }

    /** A boolean argument (true/false or their text), or {@code fallback} when absent. */
    public boolean flag(String name, boolean fallback) {
        if (!has(name)) {
            return fallback;
        }
        Object value = values.get(name);
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof CharSequence text
                && List.of("true", "false").contains(text.toString().strip())) {
            return Boolean.parseBoolean(text.toString().strip());
        }
        throw wrongType(name, "true or false", value);
    }

    /** A list of text values: a list, or one text split at commas; empty when absent. */
    public List<String> list(String name) {
        if (!has(name)) {
            return List.of();
        }
        Object value = values.get(name);
        List<String> result = new ArrayList<>();
        if (value instanceof CharSequence text) {
            for (String part : text.toString().split(",")) {
                if (!part.isBlank()) {
                    result.add(part.strip());
                }
            }
            return List.copyOf(result);
        }
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                if (!(item instanceof CharSequence)) {
                    throw wrongType(name, "a list of text", value);
                }
                if (!item.toString().isBlank()) {
                    result.add(item.toString().strip());
                }
            }
            return List.copyOf(result);
        }
        throw wrongType(name, "text or a list of text", value);
    }

    private StepFailure wrongType(String name, String expected, Object value) {
        return new StepFailure(step + ": argument '" + name + "' must be " + expected + ", got '" + value + "'");
    }
}
