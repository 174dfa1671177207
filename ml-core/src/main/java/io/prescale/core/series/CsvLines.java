package io.prescale.core.series;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks the lines of a CSV text and splits them into cells. The delimiter is the most frequent of
 * {@code , ; TAB} in the first line (comma when none). Cells are trimmed; a cell in double quotes may hold the
 * delimiter and {@code ""} for a quote. Blank lines are skipped but counted, so line numbers are the ones an
 * editor shows. Not thread-safe.
 */
final class CsvLines {
    private final String text;
    private final char delimiter;
    private final String source;
    private int position;
    private int lineNumber;
    private int lineStart;
    private int lineEnd;

    CsvLines(String text, String source) {
        this.source = source;
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        this.delimiter = detectDelimiter(this.text);
    }

    /** Moves to the next non-blank line; false at the end of the text. */
    boolean next() {
        while (position < text.length()) {
            int end = text.indexOf('\n', position);
            if (end < 0) {
                end = text.length();
            }
            lineStart = position;
            lineEnd = end > lineStart && text.charAt(end - 1) == '\r' ? end - 1 : end;
            position = end + 1;
            lineNumber++;
            if (lineEnd - lineStart > TraceReader.MAX_LINE_CHARS) {
                throw BoundedText.tooLong(
                        source,
                        lineNumber,
                        TraceReader.MAX_LINE_CHARS,
                        text.substring(lineStart, lineStart + BoundedText.SHOWN));
            }
            if (!isBlank(lineStart, lineEnd)) {
                return true;
            }
        }
        return false;
    }

    /** 1-based number of the current line. */
    int lineNumber() {
        return lineNumber;
    }

    /** The current line as written (for messages, cut at 100 characters). */
    String lineText() {
        return BoundedText.shown(text.substring(lineStart, Math.min(lineEnd, lineStart + 101)), 100);
    }

    /** Every cell of the current line. */
    List<String> cells() {
        List<String> cells = new ArrayList<>();
        int start = lineStart;
        while (true) {
            int end = cellEnd(start);
            cells.add(clean(start, end));
            if (end >= lineEnd) {
                return cells;
            }
            start = end + 1;
        }
    }

    /**
     * Fills {@code out[k]} with cell {@code wanted[k]} of the current line (the indexes ascending); returns false
     * when the line has too few cells.
     */
    boolean cells(int[] wanted, String[] out) {
        int start = lineStart;
        int index = 0;
        int k = 0;
        while (k < wanted.length) {
            if (start > lineEnd) {
                return false;
            }
            int end = cellEnd(start);
            if (index == wanted[k]) {
                out[k++] = clean(start, end);
            }
            index++;
            start = end + 1;
        }
        return true;
    }

    private int cellEnd(int start) {
        boolean quoted = false;
        for (int i = start; i < lineEnd; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                return i;
            }
        }
        return lineEnd;
    }

    private String clean(int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end - start >= 2 && text.charAt(start) == '"' && text.charAt(end - 1) == '"') {
            return text.substring(start + 1, end - 1).replace("\"\"", "\"");
        }
        return text.substring(start, end);
    }

    private boolean isBlank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char detectDelimiter(String text) {
        int end = text.indexOf('\n');
        String first = (end < 0 ? text : text.substring(0, end));
        first = first.substring(0, Math.min(first.length(), TraceReader.MAX_LINE_CHARS + 1));
        char best = ',';
        long bestCount = 0;
        for (char candidate : new char[] {',', ';', '\t'}) {
            long count = first.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }
}
