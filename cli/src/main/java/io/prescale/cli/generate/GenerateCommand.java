package io.prescale.cli.generate;

import picocli.CommandLine.Command;

/** {@code prescale generate train|sample|evaluate}: generative load profiles (VAE and GAN). */
@Command(
        name = "generate",
        description = "Generative load profiles: train a VAE or GAN, sample profiles, evaluate.",
        subcommands = {GenerateTrainCommand.class, GenerateSampleCommand.class, GenerateEvaluateCommand.class})
public final class GenerateCommand {}
