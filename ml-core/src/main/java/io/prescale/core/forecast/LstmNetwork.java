package io.prescale.core.forecast;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import java.time.Instant;

/**
 * The LSTM's layout: inputs are sequences of {@value #CHANNELS} channels per step t — the scaled load y(t), the
 * scaled load one season before the step {@code outSteps} ahead of t, and the daily and weekly phase (sin, cos) of
 * that target step — through one LSTM layer; its last state maps linearly to {@code outSteps × 3} quantiles
 * (τ = 0.1, 0.5, 0.9).
 */
final class LstmNetwork {
    static final int CHANNELS = 6;
    static final float[] TAUS = {0.1f, 0.5f, 0.9f};

    private LstmNetwork() {}

    static SequentialBlock block(int hidden, int outSteps) {
        SequentialBlock net = new SequentialBlock();
        net.add(LSTM.builder()
                .setStateSize(hidden)
                .setNumLayers(1)
                .optBatchFirst(true)
                .optReturnState(false)
                .build());
        net.add(new LambdaBlock(list -> new NDList(list.singletonOrThrow().get(":, -1, :"))));
        net.add(Linear.builder().setUnits(outSteps * 3L).build());
        return net;
    }

    static Shape inputShape(int batch, int window) {
        return new Shape(batch, window, CHANNELS);
    }

    /**
     * Writes the input window that ends just before {@code origin} into {@code out} at {@code offset}.
     *
     * @param y scaled, gap-filled load
     * @param epochStep0 epoch seconds of index 0
     */
    static void window(
            double[] y,
            int origin,
            int window,
            int outSteps,
            int period,
            long epochStep0,
            long stepSeconds,
            float[] out,
            int offset) {
        int k = offset;
        for (int t = origin - window; t < origin; t++) {
            out[k++] = (float) y[Math.max(0, t)];
            int lag = t + outSteps - period;
            while (period > 0 && lag >= origin) {
                lag -= period;
            }
            out[k++] = (float) y[Math.max(0, Math.min(lag, origin - 1))];
            double seconds = epochStep0 + (double) (t + outSteps) * stepSeconds;
            double day = 2 * Math.PI * (seconds / 86_400.0);
            double week = 2 * Math.PI * (seconds / 604_800.0);
            out[k++] = (float) Math.sin(day);
            out[k++] = (float) Math.cos(day);
            out[k++] = (float) Math.sin(week);
            out[k++] = (float) Math.cos(week);
        }
    }

    /** Mean pinball loss of predictions (batch, outSteps·3) against targets (batch, outSteps). */
    static NDArray quantileLoss(NDArray prediction, NDArray target, int outSteps) {
        NDArray q = prediction.reshape(-1, outSteps, 3);
        NDArray e = target.reshape(-1, outSteps, 1).sub(q);
        NDArray tau = prediction.getManager().create(TAUS).reshape(1, 1, 3);
        return NDArrays.maximum(e.mul(tau), e.mul(tau.sub(1))).mean();
    }

    static long epochSeconds(Instant start) {
        return start.getEpochSecond();
    }
}
