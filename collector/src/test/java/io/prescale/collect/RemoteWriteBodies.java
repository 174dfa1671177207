package io.prescale.collect;

import io.prescale.collect.remotewrite.proto.RemoteWrite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.xerial.snappy.Snappy;

/** Remote-write bodies as Prometheus sends them: sorted labels, Snappy block format around a WriteRequest. */
final class RemoteWriteBodies {
    private RemoteWriteBodies() {}

    static RemoteWrite.TimeSeries series(Map<String, String> labels, long[] times, double[] values) {
        RemoteWrite.TimeSeries.Builder series = RemoteWrite.TimeSeries.newBuilder();
        new TreeMap<>(labels)
                .forEach((k, v) -> series.addLabels(
                        RemoteWrite.Label.newBuilder().setName(k).setValue(v)));
        for (int i = 0; i < times.length; i++) {
            series.addSamples(
                    RemoteWrite.Sample.newBuilder().setTimestamp(times[i]).setValue(values[i]));
        }
        return series.build();
    }

    static byte[] body(RemoteWrite.TimeSeries... series) {
        RemoteWrite.WriteRequest.Builder request = RemoteWrite.WriteRequest.newBuilder();
        for (RemoteWrite.TimeSeries s : series) {
            request.addTimeseries(s);
        }
        try {
            return Snappy.compress(request.build().toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
