package io.prescale.core.generate;

import io.prescale.core.nn.ModelArchive;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Trainers by CLI name and reading of saved models of any generate kind. */
public final class LoadModels {
    private LoadModels() {}

    /** {@code vae} or {@code gan} with default options; IllegalArgumentException for anything else. */
    public static LoadModelTrainer trainer(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "vae" -> ConditionalVae.trainer(VaeOptions.defaults());
            case "gan" -> TimeGan.trainer(GanOptions.defaults());
            case "copy-training" -> Baselines.copyTraining();
            case "mean-plus-noise" -> Baselines.meanPlusNoise();
            default ->
                throw new IllegalArgumentException("model '" + name
                        + "' is unknown; expected vae or gan (or the baselines copy-training, mean-plus-noise)");
        };
    }

    /**
     * Reads a model written by {@link LoadModel#save}.
     *
     * @throws IllegalArgumentException when the file is not a generate model, is corrupt, or has another format
     *                                  version (naming both)
     */
    public static LoadModel read(Path file) throws IOException {
        String kind = ModelFiles.peekKind(file);
        try {
            return switch (kind) {
                case ConditionalVae.KIND -> VaeModel.load(ModelArchive.read(file, kind, ModelFiles.FORMAT_VERSION));
                case TimeGan.KIND -> GanModel.load(ModelArchive.read(file, kind, ModelFiles.FORMAT_VERSION));
                default ->
                    throw new IllegalArgumentException("'" + file + "' holds a " + kind + " model, expected "
                            + ConditionalVae.KIND + " or " + TimeGan.KIND);
            };
        } catch (com.fasterxml.jackson.core.JacksonException | java.util.zip.ZipException | java.io.EOFException e) {
            throw new IllegalArgumentException(
                    "'" + file + "' is a corrupt model file: "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                    e);
        }
    }
}
