/**
 * {@code prescale demo}: the whole pipeline on the shipped real traces, one stage per file, run in the order of
 * {@link io.prescale.cli.demo.DemoStages#ALL}. A stage calls the same library code and JSON mapping as the
 * command it mirrors. May use every feature package; no feature package uses it.
 */
package io.prescale.cli.demo;
