package io.prescale.nomad.client;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Map;

/**
 * A body for {@code POST /v1/job/:id/dispatch}: an optional payload (sent base64; at most 16,384 bytes, Nomad's
 * limit), meta keys the parent declares, and an optional id prefix template. {@code idempotencyToken} (query
 * parameter) makes a retried dispatch return the existing child instead of a new one.
 */
public record DispatchRequest(
        byte[] payload, Map<String, String> meta, String idPrefixTemplate, String idempotencyToken) {
    /** Nomad's {@code DispatchPayloadSizeLimit}. */
    public static final int MAX_PAYLOAD = 16 * 1024;

    public DispatchRequest {
        payload = payload == null ? new byte[0] : payload.clone();
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException(
                    "dispatch payload must be ≤ " + MAX_PAYLOAD + " bytes, got " + payload.length);
        }
        meta = meta == null ? Map.of() : Map.copyOf(meta);
    }

    public static DispatchRequest of(Map<String, String> meta) {
        return new DispatchRequest(null, meta, null, null);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    ObjectNode toJson() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (payload.length > 0) {
            body.put("Payload", Base64.getEncoder().encodeToString(payload));
        }
        if (!meta.isEmpty()) {
            ObjectNode m = body.putObject("Meta");
            meta.forEach(m::put);
        }
        if (idPrefixTemplate != null && !idPrefixTemplate.isEmpty()) {
            body.put("IdPrefixTemplate", idPrefixTemplate);
        }
        return body;
    }
}
