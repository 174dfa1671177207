/**
 * The open-model HTTP load generator: a {@link io.prescale.core.series.LoadProfile} becomes a schedule of intended
 * request start times ({@link io.prescale.loadtest.ArrivalSchedule}), each request is sent at its intended time
 * whether or not earlier ones have returned, and latency is measured from that intended time with HdrHistogram,
 * so the results carry no coordinated omission (Tene, "How NOT to measure latency", 2015; wrk2).
 * {@link io.prescale.loadtest.LoadGenerator} is the entry point; the reference service lives in
 * {@code io.prescale.loadtest.reference}.
 */
package io.prescale.loadtest;
