/**
 * Deep-learning plumbing shared by every DJL model: engine set-up (offline PyTorch CPU, bounded threads),
 * seeding, and {@link io.prescale.core.nn.ModelArchive}, the one model-file format with a versioned manifest.
 */
package io.prescale.core.nn;
