package io.prescale.loadtest;

import java.util.Locale;

/** Why a request failed. Names match the keys of the {@code errors} object in the load test document. */
public enum ErrorKind {
    /** The connection could not be opened (refused, unresolvable, or not established within the timeout). */
    CONNECT,
    /** No complete response within the per-request timeout (also requests that waited that long for a connection). */
    TIMEOUT,
    /** The connection was closed or reset before a complete response, or the response was not valid HTTP/1.1. */
    RESET,
    /** A complete response with a 4xx status. */
    HTTP4XX,
    /** A complete response with a 5xx status. */
    HTTP5XX;

    /** The JSON key. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
