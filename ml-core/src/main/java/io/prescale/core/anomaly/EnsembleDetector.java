package io.prescale.core.anomaly;

import io.prescale.core.series.TimeSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code ensemble}: several streaming detectors side by side; each row scores the largest of their scores, so
 * any member can raise the alarm (the members' scores are each calibrated to [0, 1] on their own). The members
 * are scored on two threads. The default members, {@link PredictionErrorDetector} and {@link KnnCadDetector},
 * were chosen by leave-one-category-out cross-validation on the NAB files (docs/anomaly.md).
 */
public final class EnsembleDetector implements AnomalyDetector {
    private final String name;
    private final List<AnomalyDetector> members;

    public EnsembleDetector(String name, List<AnomalyDetector> members) {
        this.name = name;
        this.members = List.copyOf(members);
        if (this.members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one member detector");
        }
    }

    @Override
    public String name() {
        return name;
    }

    public List<AnomalyDetector> members() {
        return members;
    }

    @Override
    public AnomalyModel fit(TimeSeries reference) {
        List<AnomalyModel> models = members.stream().map(m -> m.fit(reference)).toList();
        return series -> {
            double[] out = null;
            for (AnomalyModel m : models) {
                out = max(out, m.score(series));
            }
            return out;
        };
    }

    @Override
    public double[] scoreStreaming(double[] rows) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(2, members.size()), r -> {
            Thread t = new Thread(r, "ensemble-member");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (AnomalyDetector m : members) {
                futures.add(pool.submit(() -> m.scoreStreaming(rows)));
            }
            double[] out = null;
            for (Future<double[]> f : futures) {
                out = max(out, f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + " scoring failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static double[] max(double[] a, double[] b) {
        if (a == null) {
            return b.clone();
        }
        for (int i = 0; i < a.length; i++) {
            a[i] = Double.isNaN(a[i]) || Double.isNaN(b[i]) ? Double.NaN : Math.max(a[i], b[i]);
        }
        return a;
    }
}
