package io.prescale.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseParserTest {
    private static boolean feed(ResponseParser parser, String text, int chunk) throws ProtocolException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        boolean done = false;
        for (int i = 0; i < bytes.length && !done; i += chunk) {
            done = parser.feed(ByteBuffer.wrap(bytes, i, Math.min(chunk, bytes.length - i)));
        }
        return done;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, 1000})
    void parsesContentLengthBodiesSplitAnywhere(int chunk) throws ProtocolException {
        ResponseParser parser = new ResponseParser();
        assertThat(feed(parser, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX: y\r\n\r\nhello", chunk))
                .isTrue();
        assertThat(parser.status()).isEqualTo(200);
        assertThat(parser.keepAlive()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 1000})
    void parsesChunkedBodiesWithExtensionsAndTrailers(int chunk) throws ProtocolException {
        ResponseParser parser = new ResponseParser();
        String response = "HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\nA\r\n0123456789\r\n0\r\nTrailer: x\r\n\r\n";
        assertThat(feed(parser, response.substring(0, response.length() - 2), chunk))
                .isFalse();
        assertThat(feed(parser, "\r\n", chunk)).isTrue();
        assertThat(parser.status()).isEqualTo(503);
    }

    @Test
    void incompleteBodyIsNotDoneAndCloseEndsKeepAlive() throws ProtocolException {
        ResponseParser parser = new ResponseParser();
        assertThat(feed(parser, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\nConnection: close\r\n\r\nshort", 100))
                .isFalse();
        assertThat(feed(parser, "enough", 100)).isTrue();
        assertThat(parser.keepAlive()).isFalse();
    }

    @Test
    void bodyWithoutLengthEndsWithTheConnection() throws ProtocolException {
        ResponseParser parser = new ResponseParser();
        assertThat(feed(parser, "HTTP/1.0 200 OK\r\n\r\nsome body", 100)).isFalse();
        assertThat(parser.completesOnEof()).isTrue();
        assertThat(parser.keepAlive()).isFalse();
    }

    @Test
    void skipsInterimResponsesAndHandlesBodilessStatuses() throws ProtocolException {
        ResponseParser parser = new ResponseParser();
        assertThat(feed(parser, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n", 100))
                .isTrue();
        assertThat(parser.status()).isEqualTo(204);
        parser.reset();
        assertThat(feed(parser, "HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n", 100))
                .isTrue();
    }

    @Test
    void rejectsWhatIsNotHttp() {
        assertThatThrownBy(() -> feed(new ResponseParser(), "GET / HTTP/1.1\r\n\r\n", 100))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("status line");
        assertThatThrownBy(() -> feed(new ResponseParser(), "HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n", 100))
                .hasMessageContaining("Content-Length");
        assertThatThrownBy(() ->
                        feed(new ResponseParser(), "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 100))
                .hasMessageContaining("chunk size");
    }
}
