/**
 * Generative load profiles: a {@link io.prescale.core.generate.LoadModel} (a conditional VAE or a TimeGAN-style
 * GAN on DJL, or a trivial baseline) learns day-long windows of real load and samples new ones, shaped by
 * {@link io.prescale.core.generate.ProfileControls} and events into {@code LoadProfile}s. Quality is measured by
 * {@link io.prescale.core.generate.Evaluation}, TimeGAN's protocol (Yoon et al., NeurIPS 2019) with its
 * deviations listed, and edge cases come from the tails of the latent space, ranked by an anomaly model.
 */
package io.prescale.core.generate;
