/**
 * The Numenta Anomaly Benchmark's scoring, re-implemented exactly (windows, probation, scaled sigmoid, the three
 * profiles, the threshold sweep and the normalisation), with a row-exact reader of NAB files. A test reproduces
 * NAB's published per-file results from the published raw detector scores.
 */
package io.prescale.core.anomaly.nab;
