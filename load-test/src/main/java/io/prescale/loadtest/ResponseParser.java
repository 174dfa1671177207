package io.prescale.loadtest;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * An incremental HTTP/1.1 response parser (RFC 9112): status line, headers, and a body framed by
 * {@code Content-Length}, by chunked transfer coding, or by the end of the connection. It keeps only the status
 * and the framing; body bytes are skipped. Lines are parsed as bytes in a reused buffer, so a well-formed
 * response allocates nothing. One response at a time; {@link #reset()} before the next.
 */
final class ResponseParser {
    private static final int MAX_LINE = 16 * 1024;
    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] CHUNKED = ascii("chunked");
    private static final byte[] CLOSE = ascii("close");
    private static final byte[] KEEP_ALIVE = ascii("keep-alive");

    private enum State {
        HEAD,
        BODY,
        CHUNK_SIZE,
        CHUNK_DATA,
        TRAILER,
        UNTIL_EOF,
        DONE
    }

    private byte[] line = new byte[256];
    private int length;
    private State state = State.HEAD;
    private int status;
    private long contentLength;
    private boolean chunked;
    private boolean keepAlive;
    private long remaining;

    void reset() {
        length = 0;
        state = State.HEAD;
        status = 0;
        contentLength = -1;
        chunked = false;
        keepAlive = true;
        remaining = 0;
    }

    ResponseParser() {
        reset();
    }

    int status() {
        return status;
    }

    /** Whether the connection may carry another request after this response. */
    boolean keepAlive() {
        return keepAlive && state == State.DONE;
    }

    /** Whether the end of the connection completes the response (a body without length). */
    boolean completesOnEof() {
        return state == State.UNTIL_EOF;
    }

    /** Whether any byte of this response has arrived. */
    boolean started() {
        return status != 0 || length > 0;
    }

    /**
     * Consumes bytes; returns true once the response is complete (bytes after it are ignored).
     *
     * @throws ProtocolException when the bytes are not an HTTP/1.x response
     */
    boolean feed(ByteBuffer in) throws ProtocolException {
        while (in.hasRemaining() && state != State.DONE) {
            switch (state) {
                case HEAD, CHUNK_SIZE, TRAILER -> {
                    if (readLine(in)) {
                        onLine();
                        length = 0;
                    }
                }
                case BODY, CHUNK_DATA -> {
                    int skip = (int) Math.min(remaining, in.remaining());
                    in.position(in.position() + skip);
                    remaining -= skip;
                    if (remaining == 0) {
                        state = state == State.BODY ? State.DONE : State.CHUNK_SIZE;
                    }
                }
                case UNTIL_EOF -> in.position(in.limit());
                default -> throw new IllegalStateException(state.name());
            }
        }
        return state == State.DONE;
    }

    /** Appends bytes up to the end of a line; true when the line (without CR LF) is complete in {@link #line}. */
    private boolean readLine(ByteBuffer in) throws ProtocolException {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return true;
            }
            if (length >= MAX_LINE) {
                throw new ProtocolException("response line longer than " + MAX_LINE + " bytes");
            }
            if (length == line.length) {
                line = java.util.Arrays.copyOf(line, Math.min(MAX_LINE, 2 * line.length));
            }
            line[length++] = b;
        }
        return false;
    }

    private void onLine() throws ProtocolException {
        switch (state) {
            case HEAD -> onHeadLine();
            case CHUNK_SIZE -> {
                int end = indexOf((byte) ';', 0);
                long size = parseHex(0, end < 0 ? length : end);
                remaining = size + 2;
                state = size == 0 ? State.TRAILER : State.CHUNK_DATA;
            }
            case TRAILER -> {
                if (length == 0) {
                    state = State.DONE;
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void onHeadLine() throws ProtocolException {
        if (status == 0) {
            if (length < 12 || !startsWith("HTTP/1.")) {
                throw new ProtocolException("not an HTTP/1.x status line: '" + shorten() + "'");
            }
            int value = 0;
            for (int i = 9; i < 12; i++) {
                int digit = line[i] - '0';
                if (digit < 0 || digit > 9) {
                    throw new ProtocolException("bad status in '" + shorten() + "'");
                }
                value = value * 10 + digit;
            }
            status = value;
            keepAlive = line[7] == '1';
            return;
        }
        if (length > 0) {
            onHeader();
            return;
        }
        if (status >= 100 && status < 200) {
            reset();
        } else if (status == 204 || status == 304) {
            state = State.DONE;
        } else if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (contentLength >= 0) {
            remaining = contentLength;
            state = contentLength == 0 ? State.DONE : State.BODY;
        } else {
            keepAlive = false;
            state = State.UNTIL_EOF;
        }
    }

    private void onHeader() throws ProtocolException {
        int colon = indexOf((byte) ':', 0);
        if (colon <= 0) {
            throw new ProtocolException("bad header line '" + shorten() + "'");
        }
        int nameEnd = colon;
        while (nameEnd > 0 && isSpace(line[nameEnd - 1])) {
            nameEnd--;
        }
        int from = colon + 1;
        int to = length;
        while (from < to && isSpace(line[from])) {
            from++;
        }
        while (to > from && isSpace(line[to - 1])) {
            to--;
        }
        if (nameIs(CONTENT_LENGTH, nameEnd)) {
            contentLength = parseDecimal(from, to);
        } else if (nameIs(TRANSFER_ENCODING, nameEnd)) {
            chunked = to - from >= CHUNKED.length && regionIs(CHUNKED, to - CHUNKED.length);
        } else if (nameIs(CONNECTION, nameEnd)) {
            if (contains(CLOSE, from, to)) {
                keepAlive = false;
            } else if (contains(KEEP_ALIVE, from, to)) {
                keepAlive = true;
            }
        }
        // other headers do not affect framing
    }

    private long parseDecimal(int from, int to) throws ProtocolException {
        if (from == to || to - from > 18) {
            throw new ProtocolException("bad Content-Length '" + text(from, to) + "'");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = line[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new ProtocolException("bad Content-Length '" + text(from, to) + "'");
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private long parseHex(int from, int to) throws ProtocolException {
        while (from < to && isSpace(line[from])) {
            from++;
        }
        while (to > from && isSpace(line[to - 1])) {
            to--;
        }
        if (from == to || to - from > 15) {
            throw new ProtocolException("bad chunk size '" + text(from, to) + "'");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(line[i], 16);
            if (digit < 0) {
                throw new ProtocolException("bad chunk size '" + text(from, to) + "'");
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private boolean nameIs(byte[] lowerName, int nameEnd) {
        return nameEnd == lowerName.length && regionIs(lowerName, 0);
    }

    /** Whether {@code lower} matches the line at {@code at}, ignoring ASCII case. */
    private boolean regionIs(byte[] lower, int at) {
        for (int i = 0; i < lower.length; i++) {
            if (toLower(line[at + i]) != lower[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean contains(byte[] lower, int from, int to) {
        for (int at = from; at + lower.length <= to; at++) {
            if (regionIs(lower, at)) {
                return true;
            }
        }
        return false;
    }

    private boolean startsWith(String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (line[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(byte b, int from) {
        for (int i = from; i < length; i++) {
            if (line[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static byte toLower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    private String text(int from, int to) {
        return new String(line, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private String shorten() {
        String text = text(0, length);
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
