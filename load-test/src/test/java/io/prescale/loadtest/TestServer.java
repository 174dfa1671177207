package io.prescale.loadtest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/** A real HTTP server on 127.0.0.1 for the generator's tests, answering with a given handler. */
final class TestServer implements AutoCloseable {
    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm meets the
        // client's delayed ACK and every response takes 40 ms.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    final AtomicLong hits = new AtomicLong();

    private TestServer(HttpHandler handler, int threads) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        executor = Executors.newFixedThreadPool(threads);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            handler.handle(exchange);
        });
        server.start();
    }

    /** Answers every request with {@code status} and a short fixed-length body. */
    static TestServer status(int status) throws IOException {
        return new TestServer(exchange -> respond(exchange, status, false), 4);
    }

    /** Answers 200 with a chunked body. */
    static TestServer chunked() throws IOException {
        return new TestServer(exchange -> respond(exchange, 200, true), 4);
    }

    static TestServer of(HttpHandler handler, int threads) throws IOException {
        return new TestServer(handler, threads);
    }

    static void respond(HttpExchange exchange, int status, boolean chunked) throws IOException {
        byte[] body = "ok\n".getBytes(StandardCharsets.US_ASCII);
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
