package io.prescale.loadtest;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * An incremental HTTP/1.1 response parser (RFC 9112): status line, headers, and a body framed by
 * {@code Content-Length}, by chunked transfer coding, or by the end of the connection. It keeps only the status
 * and the framing; body bytes are skipped. One response at a time; {@link #reset()} before the next.
 */
final class ResponseParser {
    private static final int MAX_LINE = 16 * 1024;

    private enum State { HEAD, BODY, CHUNK_SIZE, CHUNK_DATA, TRAILER, UNTIL_EOF, DONE }

    private final StringBuilder line = new StringBuilder();
    private State state = State.HEAD;
    private int status;
    private long contentLength;
    private boolean chunked;
    private boolean keepAlive;
    private long remaining;

    void reset() {
        line.setLength(0);
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
        return status != 0 || line.length() > 0;
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
                    String text = readLine(in);
                    if (text != null) {
                        onLine(text);
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

    private String readLine(ByteBuffer in) throws ProtocolException {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                String text = line.toString();
                line.setLength(0);
                return text;
            }
            if (line.length() >= MAX_LINE) {
                throw new ProtocolException("response line longer than " + MAX_LINE + " bytes");
            }
            line.append((char) (b & 0xff));
        }
        return null;
    }

    private void onLine(String text) throws ProtocolException {
        switch (state) {
            case HEAD -> onHeadLine(text);
            case CHUNK_SIZE -> {
                int semicolon = text.indexOf(';');
                String hex = (semicolon < 0 ? text : text.substring(0, semicolon)).strip();
                long size;
                try {
                    size = Long.parseLong(hex, 16);
                } catch (NumberFormatException e) {
                    throw new ProtocolException("bad chunk size '" + hex + "'");
                }
                if (size < 0) {
                    throw new ProtocolException("bad chunk size '" + hex + "'");
                }
                remaining = size + 2;
                state = size == 0 ? State.TRAILER : State.CHUNK_DATA;
            }
            case TRAILER -> {
                if (text.isEmpty()) {
                    state = State.DONE;
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void onHeadLine(String text) throws ProtocolException {
        if (status == 0) {
            if (!text.startsWith("HTTP/1.") || text.length() < 12) {
                throw new ProtocolException("not an HTTP/1.x status line: '" + shorten(text) + "'");
            }
            try {
                status = Integer.parseInt(text.substring(9, 12));
            } catch (NumberFormatException e) {
                throw new ProtocolException("bad status in '" + shorten(text) + "'");
            }
            keepAlive = text.startsWith("HTTP/1.1");
            return;
        }
        if (!text.isEmpty()) {
            onHeader(text);
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

    private void onHeader(String text) throws ProtocolException {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new ProtocolException("bad header line '" + shorten(text) + "'");
        }
        String name = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = text.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
        switch (name) {
            case "content-length" -> {
                try {
                    contentLength = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new ProtocolException("bad Content-Length '" + value + "'");
                }
            }
            case "transfer-encoding" -> chunked = value.endsWith("chunked");
            case "connection" -> {
                if (value.contains("close")) {
                    keepAlive = false;
                } else if (value.contains("keep-alive")) {
                    keepAlive = true;
                }
            }
            default -> {
                // other headers do not affect framing
            }
        }
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
