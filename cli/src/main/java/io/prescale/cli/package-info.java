/**
 * The {@code prescale} command line: {@link io.prescale.cli.Main} (the entry point), {@link io.prescale.cli.Prescale}
 * (one invocation with the output contract) and {@code Commands} (the command tree: every group and benchmark,
 * one line each). Only this package may see every feature package; the layers below it are {@code demo}, the
 * feature packages, {@code input} and {@code base}.
 */
package io.prescale.cli;
