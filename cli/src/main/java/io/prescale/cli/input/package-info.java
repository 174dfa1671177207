/**
 * Where commands read data from: trace files through the one trace reader ({@code --input} and the reader flags),
 * the embedded store ({@code --store}) and Prometheus, and how they reach Grafana (its URL and token). Problems
 * become bad input that names the option.
 * Uses only {@code base}.
 */
package io.prescale.cli.input;
