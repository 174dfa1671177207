package io.prescale.grafana.report;

import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A seeded report with every panel: 10 days of 5-minute load with a daily shape and a flash crowd on day 6. */
final class ReportFixture {
    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    static final Duration STEP = Duration.ofMinutes(5);
    static final int DAY = 288;
    static final int SPIKE = 5 * DAY + 200;

    private ReportFixture() {}

    static TimeSeries load() {
        Random r = new Random(7);
        double[] v = new double[10 * DAY];
        for (int i = 0; i < v.length; i++) {
            v[i] = 1500 + 1000 * Math.sin(2 * Math.PI * (i % DAY) / DAY - Math.PI / 2) + 60 * r.nextGaussian();
            if (i >= SPIKE && i < SPIKE + 24) {
                v[i] += 2500;
            }
        }
        return TimeSeries.of(START, STEP, v);
    }

    static Report full() {
        TimeSeries load = load();
        double[] p50 = new double[load.size()];
        double[] p10 = new double[load.size()];
        double[] p90 = new double[load.size()];
        double[] desired = new double[load.size()];
        double[] running = new double[load.size()];
        double[] score = new double[load.size()];
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < load.size(); i++) {
            p50[i] = 1500 + 1000 * Math.sin(2 * Math.PI * (i % DAY) / DAY - Math.PI / 2);
            p10[i] = p50[i] - 150;
            p90[i] = p50[i] + 150;
            desired[i] = Math.ceil(Math.max(p90[i], load.valueAt(Math.max(0, i - 1))) / 300);
            running[i] = i < 3 ? desired[i] : desired[i - 3];
            if (i > 0 && desired[i] != desired[i - 1]) {
                decisions.add(new Decision(
                        load.timeAt(i),
                        desired[i] > desired[i - 1] ? "scale_out" : "scale_in",
                        (int) desired[i - 1],
                        (int) desired[i],
                        "forecast p90 " + Math.round(p90[i]) + " requests/s over the next 10 min <needs> "
                                + (int) desired[i]));
            }
            score[i] = Math.min(1, Math.abs(load.valueAt(i) - p50[i]) / 1500);
        }
        TimeSeries cap = TimeSeries.of(START, STEP, running).withValues(mul(running, 300));
        List<double[]> realDays = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            double[] day = new double[DAY / 6];
            for (int t = 0; t < day.length; t++) {
                day[t] = load.valueAt(d * DAY + t * 6);
            }
            realDays.add(day);
        }
        double[] typical = realDays.get(1).clone();
        double[] edge = realDays.get(2).clone();
        for (int t = 30; t < 36; t++) {
            edge[t] *= 2.5;
        }
        return Report.builder("Prescale demo report <fixture>", Instant.parse("2026-01-15T12:00:00Z"))
                .fact("traces", "3")
                .fact("unserved share, prescale", "0.12 %")
                .fact("instance-hours, prescale", "12,345")
                .loadForecast(new LoadForecast(
                        load,
                        TimeSeries.of(START, STEP, p10),
                        TimeSeries.of(START, STEP, p50),
                        TimeSeries.of(START, STEP, p90),
                        "requests/s"))
                .counts(new Counts(TimeSeries.of(START, STEP, desired), TimeSeries.of(START, STEP, running), decisions))
                .backtest(new CapacityTimeline(
                        "fixture", load, List.of(new NamedSeries("prescale", cap)), DAY, "requests/s"))
                .slo(new SloCurve(
                        "1 instance",
                        new double[] {100, 200, 300, 400},
                        new double[] {12, 15, 40, 900},
                        new double[] {0, 0, 0.001, 0.08},
                        250))
                .slo(new SloCurve(
                        "2 instances",
                        new double[] {100, 200, 300, 400, 600, 800},
                        new double[] {11, 12, 13, 16, 45, 700},
                        new double[] {0, 0, 0, 0, 0.002, 0.05},
                        250))
                .profiles(new ProfileLibrary(
                        realDays,
                        List.of(
                                new ProfileLibrary.Profile("typical", false, typical),
                                new ProfileLibrary.Profile("flash crowd", true, edge)),
                        Duration.ofMinutes(30),
                        "requests/s"))
                .anomalies(new AnomalyTrack(
                        "load",
                        load,
                        TimeSeries.of(START, STEP, score),
                        0.6,
                        List.of(new AnomalyTrack.Span(load.timeAt(SPIKE), load.timeAt(SPIKE + 24))),
                        "requests/s"))
                .tuning(new TuningCurve("ppo", new double[] {0, 10, 20, 30, 40}, new double[] {-9, -5, -3, -2.2, -2}))
                .tuning(new TuningCurve(
                        "random", new double[] {0, 10, 20, 30, 40}, new double[] {-9, -7, -6.5, -6, -6}))
                .policy(List.of(
                        new PolicyRow(0, 1000, 4, "cpu 500, threads 8", 35, 4),
                        new PolicyRow(1000, 2500, 9, "cpu 500, threads 16", 48, 9),
                        new PolicyRow(2500, 6000, 20, "cpu 1000, threads 16", Double.NaN, 40)))
                .actuatorDecision(new Decision(
                        Instant.parse("2026-01-15T12:00:00Z"),
                        "scale_out",
                        3,
                        5,
                        "default/web/api: <p90> forecast over the 10 min lead needs 5 instances"))
                .note("Fixture data, not a measurement.")
                .build();
    }

    private static double[] mul(double[] v, double k) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * k;
        }
        return out;
    }
}
