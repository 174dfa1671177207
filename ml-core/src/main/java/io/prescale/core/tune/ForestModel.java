package io.prescale.core.tune;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * The learned capacity model: a Tribuo random forest (Breiman, Machine Learning 2001) of CART regression trees on
 * the {@link Physics} features, predicting log p99 and the error rate; throughput follows as load × (1 − errors).
 */
final class ForestModel implements CapacityPredictor {
    private static final String LOG_P99 = "logP99";
    private static final String ERRORS = "errors";
    /** p99 recorded for a load test in which no response completed: the load test's timeout. */
    static final double NO_RESPONSE_P99_MS = 10_000;

    private static final RegressionFactory FACTORY = new RegressionFactory();
    private final ConfigSpace space;
    private final Model<Regressor> model;

    private ForestModel(ConfigSpace space, Model<Regressor> model) {
        this.space = space;
        this.model = model;
    }

    static ForestModel fit(ConfigSpace space, List<Measurement> data, long seed) {
        MutableDataset<Regressor> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance(
                        "tuning load tests", OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC), FACTORY),
                FACTORY);
        for (Measurement m : data) {
            double p99 = Double.isFinite(m.p99Ms()) && m.p99Ms() > 0 ? m.p99Ms() : NO_RESPONSE_P99_MS;
            Regressor target =
                    new Regressor(new String[] {LOG_P99, ERRORS}, new double[] {Math.log(p99), m.errorRate()});
            dataset.add(new ArrayExample<>(
                    target,
                    Physics.FEATURE_NAMES,
                    Physics.of(space, m.config(), m.loadRps()).features()));
        }
        CARTRegressionTrainer tree = new CARTRegressionTrainer(6, 1f, 0f, 0.7f, false, new MeanSquaredError(), seed);
        RandomForestTrainer<Regressor> forest = new RandomForestTrainer<>(tree, new AveragingCombiner(), 30, seed);
        return new ForestModel(space, forest.train(dataset));
    }

    @Override
    public String name() {
        return "tribuo-random-forest";
    }

    @Override
    public Prediction predict(Configuration config, double loadRps) {
        ArrayExample<Regressor> example = new ArrayExample<>(
                FACTORY.getUnknownOutput(),
                Physics.FEATURE_NAMES,
                Physics.of(space, config, loadRps).features());
        Regressor output = model.predict(example).getOutput();
        String[] names = output.getNames();
        double[] values = output.getValues();
        double logP99 = Double.NaN;
        double errors = 0;
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(LOG_P99)) {
                logP99 = values[i];
            } else if (names[i].equals(ERRORS)) {
                errors = Math.max(0, Math.min(1, values[i]));
            }
        }
        return new Prediction(Math.exp(logP99), errors, loadRps * (1 - errors));
    }
}
