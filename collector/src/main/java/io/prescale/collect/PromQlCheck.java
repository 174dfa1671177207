package io.prescale.collect;

/**
 * The checks of a PromQL expression that need no server: not blank, brackets, braces and parentheses balanced
 * and in order, quotes closed. Prometheus itself parses the query when the collector starts (an answer of
 * {@code bad_data} is then bad input); this catches the typical typos when it cannot be reached.
 */
final class PromQlCheck {
    private PromQlCheck() {}

    /** @throws IllegalArgumentException naming the query, the position and the problem */
    static void check(String query) {
        if (query.isBlank()) {
            throw new IllegalArgumentException("query must be a non-empty PromQL expression");
        }
        StringBuilder open = new StringBuilder();
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                int end = closing(query, i, c);
                if (end < 0) {
                    throw error(query, i, "unclosed " + c);
                }
                i = end;
            } else if ("([{".indexOf(c) >= 0) {
                open.append(c);
            } else if (")]}".indexOf(c) >= 0) {
                char expected = open.length() == 0 ? 0 : open.charAt(open.length() - 1);
                if ("([{".indexOf(expected) != ")]}".indexOf(c)) {
                    throw error(query, i, "unexpected " + c);
                }
                open.setLength(open.length() - 1);
            }
        }
        if (open.length() > 0) {
            throw error(query, query.length(), "unclosed " + open.charAt(open.length() - 1));
        }
    }

    private static int closing(String query, int start, char quote) {
        for (int i = start + 1; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\\' && quote != '`') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return -1;
    }

    private static IllegalArgumentException error(String query, int index, String problem) {
        return new IllegalArgumentException(
                "query '" + query + "' does not parse: " + problem + " at position " + (index + 1));
    }
}
