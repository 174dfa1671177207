package io.prescale.core.tune;

import java.util.List;
import smile.math.BFGS;
import smile.math.DifferentiableMultivariateFunction;

/**
 * A queueing model of one instance, fitted to measurements. A request costs CPU time {@code s_c = a·h + b·(1−h)} ms
 * on a core and holds a thread for {@code s_t = s_c + d·(1−h)} ms (h the cache hit ratio), so an instance serves at
 * most {@code μ = min(cores / s_c, threads / s_t)} requests per ms. At utilisation {@code ρ = λ / μ < 1} the p99 is
 * {@code g·s_t + e·s_t·ρ/(1−ρ)}, Kingman's heavy-traffic growth of the wait (Kingman, Proc. Cambridge Phil. Soc.
 * 1961), capped by the time to drain a full queue {@code (queue / threads)·s_t}; above it the service sheds
 * {@code 1 − 1/ρ} of the requests. Parameters (a, b, d, e, g) minimise the squared error of log p99 plus the
 * squared error rate, by L-BFGS-B (SMILE's {@link BFGS}) with central-difference gradients from three starts.
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
        DifferentiableMultivariateFunction loss = new DifferentiableMultivariateFunction() {
            @Override
            public double f(double[] x) {
                return QueueingModel.loss(physics, x, data);
            }

            @Override
            public double g(double[] x, double[] gradient) {
                double f = f(x);
                for (int i = 0; i < x.length; i++) {
                    double h = 1e-4 * Math.max(1, Math.abs(x[i]));
                    double keep = x[i];
                    x[i] = Math.min(UPPER[i], keep + h);
                    double up = f(x);
                    x[i] = Math.max(LOWER[i], keep - h);
                    double down = f(x);
                    gradient[i] = (up - down) / (Math.min(UPPER[i], keep + h) - Math.max(LOWER[i], keep - h));
                    x[i] = keep;
                }
                return f;
            }
        };
        double[][] starts = {{0.5, 5, 20, 1, 1.2}, {1, 2, 5, 0.5, 1}, {0.2, 10, 50, 2, 1.5}};
        double[] best = starts[0].clone();
        double bestLoss = loss.f(best);
        for (double[] start : starts) {
            double[] x = start.clone();
            try {
                BFGS.minimize(loss, 5, x, LOWER, UPPER, 1e-6, 200);
            } catch (RuntimeException e) {
                // a failed line search leaves x where it got to; it is compared below like any other end point
            }
            double value = loss.f(x);
            if (Double.isFinite(value) && value < bestLoss) {
                best = x;
                bestLoss = value;
            }
        }
        return new QueueingModel(space, best);
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
