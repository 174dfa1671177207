/**
 * {@code prescale loadtest}, {@code serve-reference} and {@code bench loadgen}: the load-test module's generator
 * and reference service behind the command line. A feature package: uses only {@code input} and {@code base}.
 */
package io.prescale.cli.loadtest;
