package io.prescale.core.tune;

import java.util.List;

/**
 * A queueing model of one instance, fitted to measurements. A request costs CPU time {@code s_c = a·h + b·(1−h)} ms
 * on a core and holds a thread for {@code s_t = s_c + d·(1−h)} ms (h the cache hit ratio), so an instance serves at
 * most {@code μ = min(cores / s_c, threads / s_t)} requests per ms. At utilisation {@code ρ = λ / μ < 1} the p99 is
 * {@code g·s_t + e·s_t·ρ/(1−ρ)}, Kingman's heavy-traffic growth of the wait (Kingman, Proc. Cambridge Phil. Soc.
 * 1961), capped by the time to drain a full queue {@code (queue / threads)·s_t}; above it the service sheds
 * {@code 1 − 1/ρ} of the requests. Parameters (a, b, d, e, g) minimise the squared error of log p99 plus the
 * squared error rate, by a bounded pattern search from three starts.
 */
final class QueueingModel implements CapacityPredictor {
    private static final double[] LOWER = {0.01, 0.05, 0, 0.05, 0.2};
    private static final double[] UPPER = {50, 500, 1000, 50, 10};
    private final ConfigSpace space;
    private final double[] theta;

    private QueueingModel(ConfigSpace space, double[] theta) {
        this.space = space;
        this.theta = theta.clone();
    }

    static QueueingModel fit(ConfigSpace space, List<Measurement> data) {
        List<Physics> physics = data.stream().map(m -> Physics.of(space, m.config(), m.loadRps())).toList();
        double[][] starts = {{0.5, 5, 20, 1, 1.2}, {1, 2, 5, 0.5, 1}, {0.2, 10, 50, 2, 1.5}};
        double[] best = starts[0].clone();
        double bestLoss = loss(physics, best, data);
        for (double[] start : starts) {
            double[] x = patternSearch(physics, data, start);
            double value = loss(physics, x, data);
            if (Double.isFinite(value) && value < bestLoss) {
                best = x;
                bestLoss = value;
            }
        }
        return new QueueingModel(space, best);
    }

    /**
     * Hooke–Jeeves pattern search (J. ACM 1961) in log-parameter space within the bounds: try a step up and down in
     * each coordinate, keep what lowers the loss, halve the step when nothing does; at most 400 rounds, so the fit
     * always ends (a gradient method's line search can stall on the flat loss of a few points).
     */
    private static double[] patternSearch(List<Physics> physics, List<Measurement> data, double[] start) {
        double[] x = start.clone();
        double current = loss(physics, x, data);
        double step = Math.log(2);
        for (int round = 0; round < 400 && step > 1e-3; round++) {
            boolean improved = false;
            for (int i = 0; i < x.length; i++) {
                for (double direction : new double[] {1, -1}) {
                    double keep = x[i];
                    double lower = Math.max(LOWER[i], 1e-3);
                    x[i] = Math.min(UPPER[i], Math.max(lower, Math.max(keep, lower) * Math.exp(direction * step)));
                    double value = loss(physics, x, data);
                    if (value < current) {
                        current = value;
                        improved = true;
                        break;
                    }
                    x[i] = keep;
                }
            }
            if (!improved) {
                step /= 2;
            }
        }
        return x;
    }

    @Override
    public String name() {
        return "queueing";
    }

    @Override
    public Prediction predict(Configuration config, double loadRps) {
        return predict(theta, Physics.of(space, config, loadRps));
    }

    /** The fitted parameters a, b, d, e, g. */
    double[] parameters() {
        return theta.clone();
    }

    private static Prediction predict(double[] p, Physics x) {
        double h = x.hitRatio();
        double cpuMs = p[0] * h + p[1] * (1 - h);
        double holdMs = cpuMs + p[2] * (1 - h);
        double muPerMs = Math.min(x.cores() / cpuMs, x.threads() / holdMs);
        double rho = x.perInstanceRps() / 1000 / muPerMs;
        double drainMs = (x.queue() / x.threads() + 1) * holdMs;
        double p99;
        double errors;
        if (rho < 1) {
            p99 = p[4] * holdMs + Math.min(p[3] * holdMs * rho / (1 - rho), drainMs);
            errors = 0;
        } else {
            p99 = p[4] * holdMs + drainMs;
            errors = 1 - 1 / rho;
        }
        double throughput = x.instances() * x.perInstanceRps() * (1 - errors);
        return new Prediction(p99, errors, throughput);
    }

    private static double loss(List<Physics> physics, double[] p, List<Measurement> data) {
        double sum = 0;
        for (int i = 0; i < data.size(); i++) {
            Measurement m = data.get(i);
            Prediction y = predict(p, physics.get(i));
            if (Double.isFinite(m.p99Ms()) && m.p99Ms() > 0) {
                double diff = Math.log(y.p99Ms()) - Math.log(m.p99Ms());
                sum += diff * diff;
            }
            double err = y.errorRate() - m.errorRate();
            sum += 4 * err * err;
        }
        return sum / Math.max(1, data.size());
    }
}
