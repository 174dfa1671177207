/**
 * What every command shares: {@link io.prescale.cli.base.LeafCommand} (the output contract of one command),
 * errors and exit codes, {@link io.prescale.cli.base.Json}, configuration defaults, {@code --seed}, durations and
 * the {@link io.prescale.cli.base.BenchmarkReport} of {@code prescale bench}. Uses no other cli package.
 */
package io.prescale.cli.base;
