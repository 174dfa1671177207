package io.prescale.core.forecast;

/**
 * Hyper-parameters of the LSTM forecaster.
 *
 * @param window input steps the network reads
 * @param hidden LSTM state size
 * @param maxEpochs upper bound on training epochs (early stopping usually ends sooner)
 * @param patience epochs without validation improvement before stopping
 * @param batchSize windows per gradient step
 * @param learningRate Adam learning rate
 * @param validationFraction share of the newest training windows held out for early stopping
 * @param maxWindows at most this many (newest) training windows per epoch, to bound the fit time
 */
public record LstmOptions(
        int window,
        int hidden,
        int maxEpochs,
        int patience,
        int batchSize,
        double learningRate,
        double validationFraction,
        int maxWindows) {
    public LstmOptions {
        positive("window", window);
        positive("hidden", hidden);
        positive("maxEpochs", maxEpochs);
        positive("patience", patience);
        positive("batchSize", batchSize);
        positive("maxWindows", maxWindows);
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        }
        if (!(validationFraction > 0 && validationFraction < 0.5)) {
            throw new IllegalArgumentException("validationFraction must be in (0, 0.5), got " + validationFraction);
        }
    }

    public static LstmOptions defaults() {
        return new LstmOptions(36, 24, 15, 3, 256, 0.01, 0.15, 3000);
    }

    /** Small and fast: for tests and the quick demo. */
    public static LstmOptions quick() {
        return new LstmOptions(24, 16, 8, 2, 64, 0.01, 0.2, 1500);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
    }
}
