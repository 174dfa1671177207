package io.prescale.core.store.prometheus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Response bodies exactly as the real Debian Prometheus 2.42 printed them (reference/platform-apis.md §D), and a
 * MockWebServer on 127.0.0.1 to replay them.
 */
final class PrometheusWire {
    static final String GAUGE = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":"
            + "{\"__name__\":\"myapp_queue_depth\",\"instance\":\"127.0.0.1:9101\",\"job\":\"myapp\"},\"values\":"
            + "[[1795833234,\"0\"],[1795833239,\"5\"],[1795833244,\"3\"]]}]}}";
    static final String RATE_TWO_SERIES = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":"
            + "[{\"metric\":{\"code\":\"200\",\"instance\":\"127.0.0.1:9101\",\"job\":\"myapp\",\"method\":\"get\"},"
            + "\"values\":[[1795833234,\"10\"],[1795833239,\"9.992505620784412\"],[1795833244,\"10\"]]},{\"metric\":"
            + "{\"code\":\"500\",\"instance\":\"127.0.0.1:9101\",\"job\":\"myapp\",\"method\":\"post\"},\"values\":"
            + "[[1795833234,\"1\"],[1795833239,\"0.9992505620784412\"],[1795833244,\"1\"]]}]}}";
    static final String FRACTIONAL =
            "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":"
                    + "{\"__name__\":\"myapp_queue_depth\",\"instance\":\"127.0.0.1:9101\",\"job\":\"myapp\"},\"values\":"
                    + "[[1795833244.500,\"3\"],[1795833247,\"6\"],[1795833249.500,\"1\"]]}]}}";
    static final String NO_MATCH = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}";
    static final String INSTANT = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":"
            + "{\"__name__\":\"myapp_queue_depth\",\"instance\":\"127.0.0.1:9101\",\"job\":\"myapp\"},\"value\":"
            + "[1795833244,\"3\"]}]}}";
    static final String PARSE_ERROR =
            "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:26: parse error: unclosed left parenthesis\"}";
    static final String BAD_STEP = "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid parameter "
            + "\\\"step\\\": cannot parse \\\"\\\" to a valid duration\"}";
    static final String END_BEFORE_START = "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid "
            + "parameter \\\"end\\\": end timestamp must not be before start time\"}";
    static final String TOO_MANY_POINTS = "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"exceeded "
            + "maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)\"}";

    private PrometheusWire() {}

    static MockWebServer start() {
        MockWebServer server = new MockWebServer();
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    static URI base(MockWebServer server) {
        return URI.create("http://127.0.0.1:" + server.getPort());
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    static RecordedRequest take(MockWebServer server) {
        try {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("no request reached the server");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
