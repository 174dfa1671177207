package io.prescale.core.generate;

import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the trained VAE and GAN share: the scaler and training conditions, the native manager holding the
 * networks, provenance, and sampling — Gaussian (or tail) latent draws first, then one condition per profile,
 * both from the same seeded stream, handed to the model's own {@link #decode}.
 */
abstract class LatentLoadModel implements LoadModel {
    final MinMaxScaler scaler;
    final ConditionSet conditions;
    final NDManager manager;
    Map<String, Object> provenance = Map.of();

    LatentLoadModel(MinMaxScaler scaler, ConditionSet conditions, NDManager manager) {
        this.scaler = scaler;
        this.conditions = conditions;
        this.manager = manager;
    }

    /** Number of latent values drawn per profile. */
    abstract int latentSize();

    /**
     * Decodes {@code n} profiles from latent draws {@code z} ({@code n × latentSize()}) and conditions {@code c}
     * ({@code n × ConditionSet.SIZE}), in scaled units.
     */
    abstract double[][][] decode(float[] z, float[] c, int n);

    @Override
    public int window() {
        return conditions.window();
    }

    @Override
    public int features() {
        return scaler.features();
    }

    @Override
    public Map<String, Object> provenance() {
        return provenance;
    }

    @Override
    public MinMaxScaler scaler() {
        return scaler;
    }

    @Override
    public double[][][] sample(int n, Conditioning conditioning, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] z = new float[n * latentSize()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        return decode(z, conditions(n, conditioning, random), n);
    }

    @Override
    public double[][][] sampleTail(int n, double tailProbability, Conditioning conditioning, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] z = LatentTails.draw(random, n, latentSize(), tailProbability);
        return decode(z, conditions(n, conditioning, random), n);
    }

    /** The provenance every saved model carries, after {@code extra}. */
    Map<String, Object> saveProvenance(Map<String, Object> extra) {
        Map<String, Object> saved = new LinkedHashMap<>(extra);
        saved.put("model", kind());
        saved.put("window", window());
        saved.put("features", features());
        saved.put("trainWindows", conditions.size());
        return saved;
    }

    private float[] conditions(int n, Conditioning conditioning, SplittableRandom random) {
        float[] c = new float[n * ConditionSet.SIZE];
        for (int i = 0; i < n; i++) {
            System.arraycopy(conditions.draw(random, conditioning), 0, c, i * ConditionSet.SIZE, ConditionSet.SIZE);
        }
        return c;
    }
}
