package io.prescale.core.anomaly;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.prescale.core.nn.ModelArchive;
import io.prescale.core.nn.ModelManifest;
import io.prescale.core.series.TimeSeries;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A fitted autoencoder: the net, the normalisation of values, and the calibration of reconstruction errors.
 * A row's window (itself and the {@code window − 1} rows before it) is normalised and reconstructed; the error e
 * becomes a score in [0, 1] as Φ((ln e − μ)/σ), where μ and σ are the mean and standard deviation of the log
 * errors on the training windows, so a typical training window scores about 0.5 and a window reconstructed far
 * worse than any seen in training scores near 1. Immutable; saved with {@link ModelArchive}.
 */
public final class AutoencoderModel implements AnomalyModel {
    public static final String KIND = "anomaly/autoencoder";
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The constants beside the weights. */
    record Calibration(
            int window,
            int hidden,
            int code,
            double valueMean,
            double valueScale,
            double logErrorMean,
            double logErrorStd) {}

    private final AutoencoderNet net;
    private final Calibration calibration;

    AutoencoderModel(AutoencoderNet net, Calibration calibration) {
        this.net = Objects.requireNonNull(net, "net");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
    }

    /** Fits the calibration of {@code net} on its own training windows. */
    static AutoencoderModel calibrated(
            AutoencoderNet net, float[][] trainingWindows, double valueMean, double valueScale) {
        double sum = 0;
        double sumSquares = 0;
        for (float[] w : trainingWindows) {
            double logError = Math.log(net.reconstructionError(w) + 1e-12);
            sum += logError;
            sumSquares += logError * logError;
        }
        int n = trainingWindows.length;
        double mean = sum / n;
        double std = Math.max(1e-3, Math.sqrt(Math.max(0, sumSquares / n - mean * mean)));
        return new AutoencoderModel(
                net, new Calibration(net.window(), net.hidden(), net.code(), valueMean, valueScale, mean, std));
    }

    @Override
    public double[] score(TimeSeries series) {
        double[] x = series.values();
        double[] filled = WindowFeatures.carryForward(x);
        double[] scores = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            scores[i] = Double.isNaN(x[i]) ? Double.NaN : scoreRow(filled, i);
        }
        return scores;
    }

    /** The calibrated score of the window ending at row {@code i} of gap-free {@code x}. */
    double scoreRow(double[] x, int i) {
        double error = net.reconstructionError(window(x, i));
        double z = (Math.log(error + 1e-12) - calibration.logErrorMean()) / calibration.logErrorStd();
        return 1 - AnomalyLikelihood.tail(z);
    }

    /** The normalised window ending at row {@code i} (rows before 0 repeat row 0). */
    float[] window(double[] x, int i) {
        return window(x, i, calibration.window(), calibration.valueMean(), calibration.valueScale());
    }

    static float[] window(double[] x, int i, int w, double mean, double scale) {
        float[] window = new float[w];
        for (int k = 0; k < w; k++) {
            double v = x[Math.max(0, i - w + 1 + k)];
            window[k] = (float) ((v - mean) / scale);
        }
        return window;
    }

    /** Writes this model as a Prescale model file ({@value #KIND}, format {@value #FORMAT_VERSION}). */
    public void save(Path file, String prescaleVersion, Instant createdAt, Map<String, Object> provenance)
            throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("parameters", net.parameters());
        entries.put("calibration.json", MAPPER.writeValueAsBytes(calibration));
        ModelArchive.write(
                file, new ModelManifest(KIND, FORMAT_VERSION, prescaleVersion, createdAt, provenance), entries);
    }

    /** Reads a model written by {@link #save}; IllegalArgumentException when it is another kind or version. */
    public static AutoencoderModel load(Path file) throws IOException {
        ModelArchive archive = ModelArchive.read(file, KIND, FORMAT_VERSION);
        Calibration c = MAPPER.readValue(archive.entry("calibration.json"), Calibration.class);
        AutoencoderNet net = AutoencoderNet.load(archive.entry("parameters"), c.window(), c.hidden(), c.code());
        return new AutoencoderModel(net, c);
    }
}
