package io.prescale.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A Prometheus series selector: an optional metric name and label matchers, as in
 * {@code http_requests_total{job="web",code=~"5.."}}. Operators {@code =}, {@code !=}, {@code =~} and {@code !~};
 * regular expressions are anchored at both ends, as in Prometheus; a matcher on a missing label sees the empty
 * string. Values are double-, single- or back-quoted with the escapes of PromQL strings. Immutable.
 *
 * @param text     the selector as written
 * @param matchers the metric name (as a {@code __name__} matcher) and the label matchers, at least one
 */
public record Selector(String text, List<LabelMatcher> matchers) {
    private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    public Selector {
        Objects.requireNonNull(text, "text");
        matchers = List.copyOf(matchers);
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("selector '" + text + "' has no metric name and no matcher");
        }
    }

    /** One label matcher. */
    public record LabelMatcher(String label, String op, String value, Pattern regex) {
        public LabelMatcher {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
        }

        static LabelMatcher of(String label, String op, String value) {
            Pattern regex = null;
            if (op.endsWith("~")) {
                try {
                    regex = Pattern.compile(value);
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException(
                            "bad regular expression '" + value + "' for label " + label + ": " + e.getDescription());
                }
            }
            return new LabelMatcher(label, op, value, regex);
        }

        boolean matches(String actual) {
            String v = actual == null ? "" : actual;
            return switch (op) {
                case "=" -> v.equals(value);
                case "!=" -> !v.equals(value);
                case "=~" -> regex.matcher(v).matches();
                default -> !regex.matcher(v).matches();
            };
        }
    }

    /** Whether a series with these labels (including {@code __name__}) is selected. */
    public boolean matches(Map<String, String> labels) {
        for (LabelMatcher matcher : matchers) {
            if (!matcher.matches(labels.get(matcher.label()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses a selector.
     *
     * @throws IllegalArgumentException naming the selector, the position and what was expected there
     */
    public static Selector parse(String text) {
        Objects.requireNonNull(text, "text");
        return new Parser(text).parse();
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Selector parse() {
            List<LabelMatcher> matchers = new ArrayList<>();
            skipSpace();
            String name = match(METRIC);
            if (name != null) {
                matchers.add(LabelMatcher.of("__name__", "=", name));
            }
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '{') {
                pos++;
                skipSpace();
                while (pos < text.length() && text.charAt(pos) != '}') {
                    matchers.add(matcher());
                    skipSpace();
                    if (pos < text.length() && text.charAt(pos) == ',') {
                        pos++;
                        skipSpace();
                    } else if (pos >= text.length() || text.charAt(pos) != '}') {
                        throw error("',' or '}'");
                    }
                }
                if (pos >= text.length()) {
                    throw error("'}'");
                }
                pos++;
            } else if (name == null) {
                throw error("a metric name or '{'");
            }
            skipSpace();
            if (pos != text.length()) {
                throw error("the end of the selector");
            }
            if (matchers.isEmpty()) {
                throw new IllegalArgumentException("selector '" + text + "' has no metric name and no matcher");
            }
            return new Selector(text, matchers);
        }

        private LabelMatcher matcher() {
            String label = match(LABEL);
            if (label == null) {
                throw error("a label name");
            }
            skipSpace();
            String op;
            if (text.startsWith("=~", pos) || text.startsWith("!=", pos) || text.startsWith("!~", pos)) {
                op = text.substring(pos, pos + 2);
            } else if (text.startsWith("=", pos)) {
                op = "=";
            } else {
                throw error("=, !=, =~ or !~ after label " + label);
            }
            pos += op.length();
            skipSpace();
            return LabelMatcher.of(label, op, string());
        }

        private String string() {
            if (pos >= text.length() || "\"'`".indexOf(text.charAt(pos)) < 0) {
                throw error("a quoted value");
            }
            char quote = text.charAt(pos++);
            StringBuilder value = new StringBuilder();
            while (pos < text.length() && text.charAt(pos) != quote) {
                char c = text.charAt(pos++);
                if (c == '\\' && quote != '`' && pos < text.length()) {
                    char e = text.charAt(pos++);
                    value.append(
                            switch (e) {
                                case 'n' -> '\n';
                                case 't' -> '\t';
                                default -> e;
                            });
                } else {
                    value.append(c);
                }
            }
            if (pos >= text.length()) {
                throw error("the closing " + quote);
            }
            pos++;
            return value.toString();
        }

        private String match(Pattern pattern) {
            var m = pattern.matcher(text).region(pos, text.length());
            if (m.lookingAt()) {
                pos = m.end();
                return m.group();
            }
            return null;
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException error(String expected) {
            return new IllegalArgumentException(
                    "selector '" + text + "' does not parse: expected " + expected + " at position " + (pos + 1));
        }
    }
}
