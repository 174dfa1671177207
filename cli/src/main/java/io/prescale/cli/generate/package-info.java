/**
 * {@code prescale generate train|sample|evaluate} and {@code bench generate}: thin adapters over
 * {@code io.prescale.core.generate} (VAE/GAN load models). A feature package: uses only {@code input} and
 * {@code base}.
 */
package io.prescale.cli.generate;
