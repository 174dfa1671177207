/**
 * Getting metrics into the store and looking at them: {@code prescale import}, {@code series list|show|export}
 * and {@code bench store}, with the JSON of a stored series and of a trace read. A feature package: uses only
 * {@code input} and {@code base}.
 */
package io.prescale.cli.series;
