package io.prescale.collect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prescale.collect.remotewrite.CorruptBodyException;
import io.prescale.collect.remotewrite.TooLargeException;
import io.prescale.collect.remotewrite.WriteRequestDecoder;
import io.prescale.collect.remotewrite.proto.RemoteWrite;
import io.prescale.core.store.AppendOptions;
import io.prescale.core.store.AppendResult;
import io.prescale.core.store.AppendableStore;
import io.prescale.core.store.SampleBatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/write}, answering as Prometheus' own receiver does: 204 when every matched sample is
 * stored (or was already), 400 with a plain-text reason for a body that is not Snappy-compressed protobuf
 * (nothing is stored then), 413 over the size limit, 405 for another method, and 500 only when the store fails,
 * so that Prometheus retries (a retried request stores only what is missing). Each selector must select one
 * series: the first label set it matches is bound to it for the life of the process and samples of other label
 * sets are counted as {@code ambiguous}. Thread-safe.
 */
final class PushReceiver implements HttpHandler {
    static final String PATH = "/api/v1/write";
    private static final Logger LOG = LoggerFactory.getLogger(PushReceiver.class);

    private final List<PushRule> rules;
    private final AppendableStore store;
    private final CollectMetrics metrics;
    private final WriteRequestDecoder decoder;
    private final long maxBodyBytes;
    private final Duration window;
    private final Map<String, Map<String, String>> bound = new ConcurrentHashMap<>();
    private final Map<String, String> lastError = new ConcurrentHashMap<>();

    PushReceiver(CollectConfig config, AppendableStore store, CollectMetrics metrics) {
        this.rules = config.push();
        this.store = store;
        this.metrics = metrics;
        this.maxBodyBytes = config.maxBodyBytes();
        this.decoder = new WriteRequestDecoder(config.maxBodyBytes() * 8);
        this.window = config.outOfOrderWindow();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                respond(exchange, 405, "only POST is allowed on " + PATH);
                return;
            }
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                respond(exchange, 413, "body over the limit of " + maxBodyBytes + " bytes");
                return;
            }
            RemoteWrite.WriteRequest request;
            try {
                request = decoder.decode(body);
            } catch (CorruptBodyException e) {
                respond(exchange, 400, e.getMessage());
                return;
            } catch (TooLargeException e) {
                respond(exchange, 413, e.getMessage());
                return;
            }
            String failure = store(request);
            if (failure != null) {
                respond(exchange, 500, failure);
            } else {
                respond(exchange, 204, null);
            }
        }
    }

    /** Decoded body → appends, one per matched series. Returns null on success, else the store's error. */
    String store(RemoteWrite.WriteRequest request) {
        Map<PushRule, Samples> routed = new HashMap<>();
        long ignored = 0;
        for (RemoteWrite.TimeSeries series : request.getTimeseriesList()) {
            Map<String, String> labels = new HashMap<>();
            for (RemoteWrite.Label label : series.getLabelsList()) {
                labels.put(label.getName(), label.getValue());
            }
            PushRule rule = match(labels);
            if (rule == null) {
                ignored += series.getSamplesCount();
                continue;
            }
            Samples samples = routed.computeIfAbsent(rule, r -> new Samples());
            boolean mine =
                    bound.computeIfAbsent(rule.name(), n -> Map.copyOf(labels)).equals(labels);
            if (!mine) {
                samples.ambiguous += series.getSamplesCount();
                continue;
            }
            for (RemoteWrite.Sample sample : series.getSamplesList()) {
                samples.add(sample.getTimestamp(), sample.getValue());
            }
        }
        metrics.ignored.inc(ignored);
        String failure = null;
        for (Map.Entry<PushRule, Samples> entry : routed.entrySet()) {
            PushRule rule = entry.getKey();
            Samples samples = entry.getValue();
            try {
                AppendResult result = store.append(rule.name(), options(rule), samples.batch());
                metrics.appended(result, samples.ambiguous);
            } catch (RuntimeException e) {
                LOG.warn("storing {} samples of {} failed: {}", samples.size, rule.name(), e.toString());
                metrics.storeFailed(rule.name(), samples.size + samples.ambiguous);
                lastError.put(rule.name(), e.getMessage() == null ? e.toString() : e.getMessage());
                failure = "store failed for series " + rule.name() + ": " + e.getMessage();
            }
        }
        return failure;
    }

    /** The last store error of a series, or null. */
    String lastError(String series) {
        return lastError.get(series);
    }

    private AppendOptions options(PushRule rule) {
        return AppendOptions.defaults()
                .withStep(rule.step())
                .withUnit(rule.unit())
                .withSource("remote-write " + rule.selector().text())
                .withOutOfOrderWindow(window);
    }

    private PushRule match(Map<String, String> labels) {
        for (PushRule rule : rules) {
            if (rule.selector().matches(labels)) {
                return rule;
            }
        }
        return null;
    }

    /** The body, or null when it is longer than the limit. */
    private byte[] readBody(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > maxBodyBytes) {
                in.transferTo(OutputStream.nullOutputStream());
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private void respond(HttpExchange exchange, int status, String message) throws IOException {
        metrics.requests.labelValues(Integer.toString(status)).inc();
        if (message == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Growable samples of one series in one request. */
    private static final class Samples {
        long[] times = new long[16];
        double[] values = new double[16];
        int size;
        int ambiguous;

        void add(long time, double value) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            times[size] = time;
            values[size++] = value;
        }

        SampleBatch batch() {
            return SampleBatch.of(times, values, size);
        }
    }
}
