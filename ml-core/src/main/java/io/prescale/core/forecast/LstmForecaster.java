package io.prescale.core.forecast;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.prescale.core.nn.DeepLearning;
import io.prescale.core.nn.ModelArchive;
import io.prescale.core.series.TimeSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code lstm}: one global LSTM (Hochreiter & Schmidhuber 1997) over the load and its calendar covariates (see
 * {@link LstmNetwork}), trained with the quantile (pinball) loss of Wen et al. 2017 ("A multi-horizon quantile
 * recurrent forecaster") on DJL/PyTorch, early-stopped on the newest {@code validationFraction} of the training
 * windows; reports trainLoss, valLoss and epochs. Refits warm-start from the previous weights. Beyond its output
 * horizon it feeds its medians back. Needs a window plus a season of history, else falls back to the seasonal
 * naive forecast and says so.
 */
final class LstmForecaster implements Forecaster {
    static final int MAX_OUT_STEPS = 48;
    private final ForecastOptions options;

    LstmForecaster(ForecastOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "lstm";
    }

    @Override
    public ForecastModel fit(TimeSeries history) {
        return fit(history, null);
    }

    ForecastModel fit(TimeSeries history, byte[] warmStart) {
        ClassicalForecaster.checkHistory(history);
        LstmOptions o = options.lstm();
        int[] periods = Seasonality.detect(Gaps.fill(history.values(), 0), history.step());
        int period = periods.length == 0 ? 0 : periods[periods.length - 1];
        int outSteps = Math.min(options.horizon(), MAX_OUT_STEPS);
        double scale = Math.max(1e-9, Gaps.meanAbs(history.values()));
        Spec spec = new Spec(o.window(), o.hidden(), outSteps, period, scale, history.step());
        int needed = o.window() + period + outSteps + 50;
        if (history.size() < needed) {
            ModelProvenance provenance = provenance(
                    history,
                    "history of " + history.size() + " steps is shorter than " + needed
                            + " (window + season + horizon): seasonal-naive",
                    Map.of("period", period));
            return CalibratedModel.calibrate(
                    new NaiveForecaster.Seasonal(period), history, options.horizon(), provenance);
        }
        LstmTraining.Outcome outcome = new LstmTraining(spec, o, options.seed()).train(history, warmStart);
        Model predictor = new Model(spec, outcome.parameters());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("trainLoss", outcome.trainLoss());
        facts.put("valLoss", outcome.valLoss());
        facts.put("epochs", outcome.epochs());
        facts.put("period", period);
        facts.put("warmStart", warmStart != null);
        CalibratedModel calibrated =
                CalibratedModel.calibrate(predictor, history, options.horizon(), provenance(history, null, facts));
        return new Trained(calibrated, this);
    }

    private ModelProvenance provenance(TimeSeries history, String fallback, Map<String, Object> facts) {
        LstmOptions o = options.lstm();
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("horizon", options.horizon());
        recorded.put("window", o.window());
        recorded.put("hidden", o.hidden());
        recorded.put("maxEpochs", o.maxEpochs());
        recorded.put("patience", o.patience());
        recorded.put("batchSize", o.batchSize());
        recorded.put("learningRate", o.learningRate());
        recorded.put("validationFraction", o.validationFraction());
        return new ModelProvenance(
                "lstm",
                history.start(),
                history.end(),
                history.size(),
                history.step(),
                recorded,
                options.seed(),
                "lstm/1",
                fallback,
                facts);
    }

    /** A trained LSTM; refits warm-start from its weights: at most 2 epochs on the newest 1,500 windows. */
    record Trained(CalibratedModel model, LstmForecaster forecaster)
            implements ForecastModel, Refittable, BatchForecast {
        @Override
        public QuantileForecast forecast(TimeSeries history, int horizon, double[] levels) {
            return model.forecast(history, horizon, levels);
        }

        @Override
        public QuantileForecast[] forecastAll(TimeSeries series, int[] origins, int horizon, double[] levels) {
            return model.forecastAll(series, origins, horizon, levels);
        }

        @Override
        public ModelProvenance provenance() {
            return model.provenance();
        }

        @Override
        public ForecastModel refit(TimeSeries history) {
            LstmForecaster warm = new LstmForecaster(forecaster.options.withLstm(quicker(forecaster.options.lstm())));
            return warm.fit(history, ((Model) model.predictor()).parameterBytes());
        }

        private static LstmOptions quicker(LstmOptions o) {
            return new LstmOptions(
                    o.window(),
                    o.hidden(),
                    Math.min(2, o.maxEpochs()),
                    1,
                    o.batchSize(),
                    o.learningRate() / 2,
                    o.validationFraction(),
                    Math.min(o.maxWindows(), 1500));
        }
    }

    /** What restores the network: its shape and the scaling of the load. */
    record Spec(int window, int hidden, int outSteps, int period, double scale, Duration step) {}

    /** The network as a predictor; forward passes are serialised on the instance. */
    static final class Model implements Predictor {
        private final Spec spec;
        private final byte[] parameters;
        private final ai.djl.Model djl;
        private final Block block;

        Model(Spec spec, byte[] parameters) {
            this.spec = spec;
            this.parameters = parameters.clone();
            DeepLearning.engine();
            this.djl = ai.djl.Model.newInstance(
                    "prescale-lstm", DeepLearning.engine().getEngineName());
            this.block = LstmNetwork.block(spec.hidden(), spec.outSteps());
            djl.setBlock(block);
            block.initialize(djl.getNDManager(), DataType.FLOAT32, LstmNetwork.inputShape(1, spec.window()));
            try {
                ModelArchive.loadParameters(block, djl.getNDManager(), parameters);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Model restore(Spec spec, byte[] parameters) {
            return new Model(spec, parameters);
        }

        Spec spec() {
            return spec;
        }

        byte[] parameterBytes() {
            return parameters.clone();
        }

        /** One forward pass per 512 origins when the horizon fits the network's output. */
        @Override
        public synchronized double[][] points(double[] values, Instant start, int[] origins, int horizon) {
            int period = spec.period();
            int w = spec.window();
            boolean direct = horizon <= spec.outSteps();
            for (int origin : origins) {
                direct &= origin >= w + period + 1;
            }
            if (!direct) {
                return Predictor.super.points(values, start, origins, horizon);
            }
            double[] y = Gaps.fill(values, period);
            for (int i = 0; i < y.length; i++) {
                y[i] /= spec.scale();
            }
            double[][] out = new double[origins.length][horizon];
            int width = w * LstmNetwork.CHANNELS;
            for (int from = 0; from < origins.length; from += 512) {
                int size = Math.min(512, origins.length - from);
                float[] input = new float[size * width];
                for (int i = 0; i < size; i++) {
                    int origin = origins[from + i];
                    LstmNetwork.window(
                            y,
                            origin,
                            w,
                            spec.outSteps(),
                            period,
                            start.getEpochSecond(),
                            spec.step().toSeconds(),
                            input,
                            i * width);
                }
                float[] result = forward(input, size);
                for (int i = 0; i < size; i++) {
                    for (int h = 0; h < horizon; h++) {
                        out[from + i][h] = result[(i * spec.outSteps() + h) * 3 + 1] * spec.scale();
                    }
                }
            }
            return out;
        }

        private float[] forward(float[] input, int size) {
            try (NDManager manager = djl.getNDManager().newSubManager()) {
                NDArray x = manager.create(input, LstmNetwork.inputShape(size, spec.window()));
                return DeepLearning.recurrentForward(block, new ParameterStore(manager, false), x, false)
                        .toFloatArray();
            }
        }

        @Override
        public synchronized double[] point(double[] history, Instant start, int horizon) {
            int period = spec.period();
            if (history.length < spec.window() + period + 1) {
                return new NaiveForecaster.Seasonal(period).point(history, start, horizon);
            }
            int keep = Math.min(history.length, spec.window() + 2 * Math.max(period, 1) + horizon);
            int offset = history.length - keep;
            double[] y = Gaps.fill(Arrays.copyOfRange(history, offset, history.length), period);
            double[] scaled = Arrays.copyOf(y, keep + horizon + spec.outSteps());
            for (int i = 0; i < keep; i++) {
                scaled[i] = y[i] / spec.scale();
            }
            long stepSeconds = spec.step().toSeconds();
            long epoch0 = start.getEpochSecond() + offset * stepSeconds;
            int produced = 0;
            float[] input = new float[spec.window() * LstmNetwork.CHANNELS];
            try (NDManager manager = djl.getNDManager().newSubManager()) {
                while (produced < horizon) {
                    int origin = keep + produced;
                    LstmNetwork.window(
                            scaled, origin, spec.window(), spec.outSteps(), period, epoch0, stepSeconds, input, 0);
                    NDArray x = manager.create(input, LstmNetwork.inputShape(1, spec.window()));
                    float[] out = DeepLearning.recurrentForward(block, new ParameterStore(manager, false), x, false)
                            .toFloatArray();
                    for (int k = 0; k < spec.outSteps() && produced < horizon; k++) {
                        scaled[origin + k] = out[k * 3 + 1];
                        produced++;
                    }
                }
            }
            double[] result = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                result[h] = scaled[keep + h] * spec.scale();
            }
            return result;
        }
    }
}
