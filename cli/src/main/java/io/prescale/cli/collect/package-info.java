/**
 * {@code prescale collect}: the collection service of the {@code collector} module run from the command line,
 * configured from a YAML file and flags, printing what it received and stored per series when it stops.
 */
package io.prescale.cli.collect;
