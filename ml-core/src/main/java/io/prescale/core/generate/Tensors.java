package io.prescale.core.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.random.RandomGenerator;

/** Moves windows between Java arrays and DJL tensors (float32, batch × steps × features). */
final class Tensors {
    private Tensors() {}

    /** Windows {@code index} restricted to steps [from, to) and features [f0, f1), as a (batch, steps, f) tensor. */
    static NDArray batch(NDManager manager, double[][][] windows, int[] index, int from, int to, int f0, int f1) {
        int steps = to - from;
        int width = f1 - f0;
        float[] data = new float[index.length * steps * width];
        int k = 0;
        for (int i : index) {
            for (int t = from; t < to; t++) {
                for (int f = f0; f < f1; f++) {
                    data[k++] = (float) windows[i][t][f];
                }
            }
        }
        return manager.create(data, new Shape(index.length, steps, width));
    }

    /** All steps and features of windows {@code index}. */
    static NDArray batch(NDManager manager, double[][][] windows, int[] index) {
        return batch(manager, windows, index, 0, windows[0].length, 0, windows[0][0].length);
    }

    /** A (batch, steps, features) tensor back to Java windows. */
    static double[][][] windows(NDArray array) {
        long[] shape = array.getShape().getShape();
        int n = (int) shape[0];
        int steps = (int) shape[1];
        int features = (int) shape[2];
        float[] data = array.toFloatArray();
        double[][][] out = new double[n][steps][features];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < steps; t++) {
                for (int f = 0; f < features; f++) {
                    out[i][t][f] = data[k++];
                }
            }
        }
        return out;
    }

    /** {@code size} indices drawn uniformly with replacement from [0, bound). */
    static int[] draw(RandomGenerator random, int bound, int size) {
        int[] index = new int[size];
        for (int i = 0; i < size; i++) {
            index[i] = random.nextInt(bound);
        }
        return index;
    }

    /** Standard normal noise of {@code shape} from {@code random} (Java-side, so that seeds are exact). */
    static NDArray normal(NDManager manager, RandomGenerator random, Shape shape) {
        float[] data = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        return manager.create(data, shape);
    }
}
