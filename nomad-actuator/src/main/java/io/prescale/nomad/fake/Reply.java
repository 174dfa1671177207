package io.prescale.nomad.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.MockResponse;

/** Nomad's reply shapes: JSON with index headers (Go-canonical spelling), or a plain-text error. */
final class Reply {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Reply() {}

    /** A query answer: {@code X-Nomad-Index}, {@code X-Nomad-Lastcontact}, {@code X-Nomad-Knownleader}. */
    static MockResponse query(JsonNode body, long index, boolean knownLeader, String nextToken) {
        MockResponse.Builder b = json(200, body)
                .addHeader("X-Nomad-Index", Long.toString(index))
                .addHeader("X-Nomad-Lastcontact", "0")
                .addHeader("X-Nomad-Knownleader", Boolean.toString(knownLeader));
        if (nextToken != null) {
            b.addHeader("X-Nomad-Nexttoken", nextToken);
        }
        return b.build();
    }

    /** A write answer: only {@code X-Nomad-Index} (absent when {@code index} &lt; 0). */
    static MockResponse write(JsonNode body, long index) {
        MockResponse.Builder b = json(200, body);
        if (index >= 0) {
            b.addHeader("X-Nomad-Index", Long.toString(index));
        }
        return b.build();
    }

    /**
     * Variables' 409 with a JSON body: the handler writes the status before the content type, so Go sniffs the
     * body and labels it {@code text/plain; charset=utf-8}.
     */
    static MockResponse conflictJson(JsonNode body, long index) {
        MockResponse.Builder b = new MockResponse.Builder()
                .code(409)
                .setHeader("Content-Type", "text/plain; charset=utf-8")
                .body(text(body));
        if (index >= 0) {
            b.addHeader("X-Nomad-Index", Long.toString(index));
        }
        return b.build();
    }

    static MockResponse error(int code, String message) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "text/plain; charset=utf-8")
                .body(message)
                .build();
    }

    private static MockResponse.Builder json(int code, JsonNode body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(text(body));
    }

    static String text(JsonNode body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
