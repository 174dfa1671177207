package io.prescale.core.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.Objects;

/**
 * The one place where DJL and PyTorch are set up: offline (the native library comes from the
 * {@code pytorch-native-cpu} jar on the class path, never a download), a bounded number of CPU threads, and
 * seeding. Every deep model in Prescale obtains its engine and managers here.
 *
 * <p>Threads: {@code PRESCALE_DJL_THREADS} or the system property {@code ai.djl.pytorch.num_threads}, default 1;
 * this must be decided before PyTorch loads, so call {@link #engine()} first. One intra-op thread because
 * Prescale's networks are small and the machines it runs on are shared: on two loaded cores a TimeGAN run of 10
 * iterations per phase took 41 s with one thread and 632 s with two (PyTorch's OpenMP workers spin-wait for each
 * other when the cores are busy).
 */
public final class DeepLearning {
    private static final String ENGINE = "PyTorch";
    private static volatile Engine engine;

    private DeepLearning() {}

    /** The PyTorch engine, configured once per process. */
    public static Engine engine() {
        Engine current = engine;
        if (current != null) {
            return current;
        }
        synchronized (DeepLearning.class) {
            if (engine == null) {
                configureProperties();
                engine = Engine.getEngine(ENGINE);
            }
            return engine;
        }
    }

    /** Seeds PyTorch's generator (and so parameter initialisation and dropout) for a reproducible run. */
    public static void seed(long seed) {
        engine().setRandomSeed((int) (seed ^ (seed >>> 32)));
    }

    /** A new root manager on the CPU; close it (try-with-resources) to free native memory. */
    public static NDManager newManager() {
        return engine().newBaseManager();
    }

    /**
     * Forward pass of a block that holds a recurrent layer (LSTM, GRU), with autograd's grad mode switched on for
     * the call. DJL's no-grad mode on PyTorch 2.7.1 enters {@code AutoNonVariableTypeMode}, which PyTorch itself
     * warns "is under risk of producing silent wrong result": on an AVX-512 AMD EPYC the CPU LSTM then returned
     * outputs that a hand computation does not reproduce (a trained forecaster lost to persistence), while the
     * grad-mode output matches it. So inference takes the same path as training; {@code RecurrentInferenceTest}
     * checks LSTM and GRU against the equations. Grad mode is thread-local in PyTorch, so this is safe across
     * threads; the outputs live in {@code store}'s manager as usual.
     */
    public static NDArray recurrentForward(Block block, ParameterStore store, NDArray input, boolean training) {
        engine();
        boolean wasOn = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try {
            return block.forward(store, new NDList(input), training).singletonOrThrow();
        } finally {
            JniUtils.setGradMode(wasOn);
        }
    }

    static void configureProperties() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.default_engine", ENGINE);
        String threads = Objects.requireNonNullElse(System.getenv("PRESCALE_DJL_THREADS"), "1");
        setIfAbsent("ai.djl.pytorch.num_threads", threads);
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        // DJL's graph optimiser only matters for TorchScript; turning it off avoids first-call recompilation.
        setIfAbsent("ai.djl.pytorch.graph_optimizer", "false");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
