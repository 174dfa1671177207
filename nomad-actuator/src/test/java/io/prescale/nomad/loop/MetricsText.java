package io.prescale.nomad.loop;

import io.prescale.nomad.metrics.ActuatorMetrics;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The text exposition of the actuator's metrics, for assertions. */
final class MetricsText {
    private MetricsText() {}

    static String of(ActuatorMetrics metrics) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, metrics.registry().scrape());
        return out.toString(StandardCharsets.UTF_8);
    }
}
