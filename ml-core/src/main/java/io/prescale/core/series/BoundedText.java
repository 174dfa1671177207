package io.prescale.core.series;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 text whole, refusing it as soon as it passes a size or line-length limit — before the rest is read
 * or allocated, so a 200 MB line is refused after its first {@code maxLine} characters. Messages show at most
 * {@value #SHOWN} characters of the offending line. Every reader of a user's text file goes through it, with the
 * limits of {@link TraceReader}.
 */
public final class BoundedText {
    /** Characters of an offending line shown in a message. */
    static final int SHOWN = 60;

    private static final int CHUNK = 64 * 1024;

    private BoundedText() {}

    /**
     * The text of a user's file within {@link TraceReader#MAX_BYTES} and {@link TraceReader#MAX_LINE_CHARS}.
     *
     * @throws IllegalArgumentException over a limit or not UTF-8, naming {@code source}, the line and the limit
     */
    public static String read(java.nio.file.Path file, String source) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return read(in, source, TraceReader.MAX_BYTES, TraceReader.MAX_LINE_CHARS);
        }
    }

    /**
     * The text of {@code in} (a leading BOM kept; {@link CsvLines} drops it).
     *
     * @throws IllegalArgumentException over {@code maxBytes} bytes, a line over {@code maxLine} characters, or
     *                                  bytes that are not UTF-8; the message names {@code source}, the line and
     *                                  the limit
     */
    static String read(InputStream in, String source, long maxBytes, int maxLine) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        StringBuilder text = new StringBuilder();
        byte[] chunk = new byte[CHUNK];
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK * 2);
        CharBuffer chars = CharBuffer.allocate(CHUNK * 2);
        long total = 0;
        int line = 1;
        int lineLength = 0;
        int lineStart = 0;
        boolean end = false;
        while (!end) {
            int n = in.read(chunk);
            end = n < 0;
            if (n > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new IllegalArgumentException(source + " is larger than " + maxBytes + " bytes, the limit for"
                            + " a trace read whole; cut it or import it in parts");
                }
                bytes.put(chunk, 0, n);
            }
            bytes.flip();
            CoderResult result = decoder.decode(bytes, chars, end);
            if (end && !result.isError()) {
                decoder.flush(chars);
            }
            bytes.compact();
            chars.flip();
            while (chars.hasRemaining()) {
                char c = chars.get();
                text.append(c);
                if (c == '\n') {
                    line++;
                    lineLength = 0;
                    lineStart = text.length();
                } else if (++lineLength > maxLine) {
                    throw tooLong(source, line, maxLine, text.substring(lineStart, lineStart + SHOWN));
                }
            }
            chars.clear();
            if (result.isError()) { // after the characters before the bad byte, so that the line is right
                throw new IllegalArgumentException(source + " line " + line + " is not UTF-8 text");
            }
        }
        return text.toString();
    }

    static IllegalArgumentException tooLong(String source, int line, int maxLine, String start) {
        return new IllegalArgumentException(source + " line " + line + " is longer than " + maxLine
                + " characters, the limit for a trace line; it starts '" + start + "…'");
    }

    /** {@code text} cut to {@code max} characters for a message (ending in … when cut). */
    static String shown(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
