package io.prescale.core.tune;

import java.util.List;

/**
 * A queueing model of one instance, fitted to measurements. A request costs CPU time {@code s_c = a·h + b·(1−h)} ms
 * on a core and holds a thread for {@code s_t = s_c + d·(1−h)} ms (h the cache hit ratio), so an instance serves at
 * most {@code μ = min(cores / s_c, threads / s_t)} requests per ms. At utilisation {@code ρ = λ / μ < 1} the p99 is
 * {@code g·s_t + e·s_t·ρ/(1−ρ)}, Kingman's heavy-traffic growth of the wait (Kingman, Proc. Cambridge Phil. Soc.
 * 1961), capped by the time to drain a full queue {@code (queue / threads)·s_t}; above it the service sheds
 * {@code 1 − 1/ρ} of the requests. The {@link Form#ERLANG_C} form replaces Kingman's single-server growth by the
 * M/M/c wait of each pool (cores serving s_c, threads serving s_t): P(W &gt; t) = C(c, A)·e^{−(c/s − λ)t} with
 * C the Erlang C probability of waiting (Erlang 1917; Harchol-Balter, <i>Performance Modeling and Design of Computer
 * Systems</i>, 2013, ch. 14), so the 99th-percentile wait is ln(100·C) / (c/s − λ) when C &gt; 0.01, else 0, and
 * p99 = g·s_t + e·(the larger of the two pools' waits) — many threads wait far less than one server at the same
 * utilisation, which Kingman's form cannot express — and predicts errors below saturation as the share an M/M/c/K
 * thread pool (K = threads + queue) turns away, which Kingman's form calls zero. Parameters (a, b, d, e, g) minimise the squared error of log p99
 * plus the squared error rate, by a bounded pattern search from three starts.
 */
final class QueueingModel implements CapacityPredictor {
    /** How the wait grows with utilisation. */
    enum Form {
        /** Kingman's heavy-traffic ρ/(1−ρ) of one server */
        KINGMAN("queueing"),
        /** the Erlang C (M/M/c) 99th-percentile wait of the binding pool */
        ERLANG_C("queueing-erlang-c");

        private final String label;

        Form(String label) {
            this.label = label;
        }
    }

    private static final double[] LOWER = {0.01, 0.05, 0, 0.05, 0.2};
    private static final double[] UPPER = {50, 500, 1000, 50, 10};
    private final ConfigSpace space;
    private final Form form;
    private final double[] theta;

    private QueueingModel(ConfigSpace space, Form form, double[] theta) {
        this.space = space;
        this.form = form;
        this.theta = theta.clone();
    }

    /** The Kingman form (as {@link #fit(ConfigSpace, List, Form)}). */
    static QueueingModel fit(ConfigSpace space, List<Measurement> data) {
        return fit(space, data, Form.KINGMAN);
    }

    static QueueingModel fit(ConfigSpace space, List<Measurement> data, Form form) {
        List<Physics> physics = data.stream()
                .map(m -> Physics.of(space, m.config(), m.loadRps()))
                .toList();
        double[][] starts = {{0.5, 5, 20, 1, 1.2}, {1, 2, 5, 0.5, 1}, {0.2, 10, 50, 2, 1.5}};
        double[] best = starts[0].clone();
        double bestLoss = loss(form, physics, best, data);
        for (double[] start : starts) {
            double[] x = patternSearch(form, physics, data, start);
            double value = loss(form, physics, x, data);
            if (Double.isFinite(value) && value < bestLoss) {
                best = x;
                bestLoss = value;
            }
        }
        return new QueueingModel(space, form, best);
    }

    /**
     * Hooke–Jeeves pattern search (J. ACM 1961) in log-parameter space within the bounds: try a step up and down in
     * each coordinate, keep what lowers the loss, halve the step when nothing does; at most 400 rounds, so the fit
     * always ends (a gradient method's line search can stall on the flat loss of a few points).
     */
    private static double[] patternSearch(Form form, List<Physics> physics, List<Measurement> data, double[] start) {
        double[] x = start.clone();
        double current = loss(form, physics, x, data);
        double step = Math.log(2);
        for (int round = 0; round < 400 && step > 1e-3; round++) {
            boolean improved = false;
            for (int i = 0; i < x.length; i++) {
                for (double direction : new double[] {1, -1}) {
                    double keep = x[i];
                    double lower = Math.max(LOWER[i], 1e-3);
                    x[i] = Math.min(UPPER[i], Math.max(lower, Math.max(keep, lower) * Math.exp(direction * step)));
                    double value = loss(form, physics, x, data);
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
        return form.label;
    }

    @Override
    public Prediction predict(Configuration config, double loadRps) {
        return predict(form, theta, Physics.of(space, config, loadRps));
    }

    /** The fitted parameters a, b, d, e, g. */
    double[] parameters() {
        return theta.clone();
    }

    private static Prediction predict(Form form, double[] p, Physics x) {
        double h = x.hitRatio();
        double cpuMs = p[0] * h + p[1] * (1 - h);
        double holdMs = cpuMs + p[2] * (1 - h);
        double muPerMs = Math.min(x.cores() / cpuMs, x.threads() / holdMs);
        double rho = x.perInstanceRps() / 1000 / muPerMs;
        double drainMs = (x.queue() / x.threads() + 1) * holdMs;
        double p99;
        double errors;
        if (rho < 1) {
            double waitMs = form == Form.KINGMAN
                    ? p[3] * holdMs * rho / (1 - rho)
                    : p[3]
                            * Math.max(
                                    erlangWait99(x.cores(), cpuMs, x.perInstanceRps() / 1000),
                                    erlangWait99(x.threads(), holdMs, x.perInstanceRps() / 1000));
            p99 = p[4] * holdMs + Math.min(waitMs, drainMs);
            errors = form == Form.KINGMAN ? 0 : blocking(x.threads(), x.queue(), x.perInstanceRps() / 1000 * holdMs);
        } else {
            p99 = p[4] * holdMs + drainMs;
            errors = 1 - 1 / rho;
            if (form == Form.ERLANG_C) {
                errors = Math.max(errors, blocking(x.threads(), x.queue(), x.perInstanceRps() / 1000 * holdMs));
            }
        }
        double throughput = x.instances() * x.perInstanceRps() * (1 - errors);
        return new Prediction(p99, errors, throughput);
    }

    /**
     * The 99th percentile of the wait in an M/M/c queue with {@code servers} servers (rounded, at least 1), mean
     * service {@code serviceMs} and arrivals {@code lambdaPerMs}; 0 when fewer than 1 % of requests wait, +∞ when
     * the pool is saturated. Erlang C by the Erlang B recursion B_k = A·B_{k−1} / (k + A·B_{k−1}).
     */
    static double erlangWait99(double servers, double serviceMs, double lambdaPerMs) {
        int c = (int) Math.max(1, Math.round(servers));
        double a = lambdaPerMs * serviceMs;
        if (a >= c) {
            return Double.POSITIVE_INFINITY;
        }
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        double waitProbability = c * b / (c - a * (1 - b));
        if (waitProbability <= 0.01) {
            return 0;
        }
        return Math.log(waitProbability / 0.01) / (c / serviceMs - lambdaPerMs);
    }

    /**
     * The share of arrivals an M/M/c/K system turns away: c = {@code threads} servers, K = c + {@code queue} places,
     * offered load {@code a} Erlangs; p_K of the truncated birth–death chain (p_n ∝ aⁿ/n! up to c, then
     * a^c/c!·(a/c)^{n−c}), from Erlang B's recursion and a geometric tail. With no queue this is Erlang B: a thread pool that rejects when
     * busy sheds requests in bursts long before it is saturated on average.
     */
    static double blocking(double threads, double queue, double a) {
        int c = (int) Math.max(1, Math.round(threads));
        int q = (int) Math.max(0, Math.round(queue));
        if (!(a > 0)) {
            return 0;
        }
        // p_K = B·ρ^q / (1 + B·Σ_{j=1..q} ρ^j) with B = Erlang B(c, a) by its recursion and ρ = a / c
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        double rho = a / c;
        if (Math.abs(rho - 1) < 1e-12) {
            return b / (1 + b * q);
        }
        if (rho < 1) {
            double tail = Math.pow(rho, q);
            return b * tail / (1 + b * rho * (1 - tail) / (1 - rho));
        }
        double inverse = Math.pow(1 / rho, q); // numerator and denominator divided by ρ^q, which may overflow
        return b / (inverse + b * rho * (1 - inverse) / (rho - 1));
    }

    private static double loss(Form form, List<Physics> physics, double[] p, List<Measurement> data) {
        double sum = 0;
        for (int i = 0; i < data.size(); i++) {
            Measurement m = data.get(i);
            Prediction y = predict(form, p, physics.get(i));
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
