package io.prescale.cli.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.Json;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.base.SeedOption;
import io.prescale.core.anomaly.AnomalyDetector;
import io.prescale.core.anomaly.AnomalyDetectors;
import io.prescale.core.generate.EdgeCases;
import io.prescale.core.generate.LoadEvent;
import io.prescale.core.generate.LoadModel;
import io.prescale.core.generate.LoadModels;
import io.prescale.core.generate.ProfileControls;
import io.prescale.core.generate.ProfileGenerator;
import io.prescale.core.generate.RobustZScoreDetector;
import io.prescale.core.series.LoadProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code prescale generate sample}: typical profiles under controls and events, plus edge cases from the latent
 * tails, written as a JSON array of {@code LoadProfile} documents.
 */
@Command(name = "sample", description = "Sample load profiles from a trained model (JSON array of LoadProfile).")
public final class GenerateSampleCommand extends LeafCommand {
    @Option(names = "--model-file", required = true, paramLabel = "F", description = "Model written by generate train.")
    Path modelFile;

    @Option(names = "--n", defaultValue = "1", paramLabel = "N", description = "Typical profiles (default 1).")
    int n;

    @Option(names = "--seasonality", paramLabel = "X", description = "Smooth-shape amplitude ÷ mean, >= 0.")
    Double seasonality;

    @Option(names = "--trend", paramLabel = "X", description = "Relative change over the profile, > -1.")
    Double trend;

    @Option(names = "--noise", paramLabel = "X", description = "Step-to-step roughness ÷ mean, >= 0.")
    Double noise;

    @Option(names = "--peak", paramLabel = "X", description = "Peak ÷ mean, >= 1.")
    Double peak;

    @Option(
            names = "--event",
            paramLabel = "KIND:SIZE@TIME/DURATION",
            description = "flash-crowd|outage|level-shift|ramp, e.g. flash-crowd:3@18h/30m (repeatable).")
    List<String> events = new ArrayList<>();

    @Option(
            names = "--edge-cases",
            defaultValue = "0",
            paramLabel = "K",
            description = "Edge cases to add (default 0).")
    int edgeCases;

    @Option(
            names = "--edge-detector",
            defaultValue = "best",
            paramLabel = "NAME",
            description = "Scorer that ranks edge cases: robust-zscore or an anomaly detector (iforest, likelihood, "
                    + "knncad, ensemble, best, …)"
                    + " (default: ${DEFAULT-VALUE}).")
    String edgeDetector;

    @Option(
            names = "--start",
            paramLabel = "INSTANT",
            description = "Start of the profiles (default: the first timestamp of the training series).")
    Instant start;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "JSON file to write.")
    Path out;

    @Mixin
    SeedOption seed;

    @Override
    protected Result execute() throws Exception {
        int max = ProfileGenerator.MAX_PROFILES;
        if (n < 0 || n > max) {
            throw new BadInputException(
                    "--n",
                    String.valueOf(n),
                    "--n must be in 0.." + max + " (the limit of profiles per call), got " + n);
        }
        int maxEdge = max / EdgeCases.DEFAULT_CANDIDATES;
        if (edgeCases < 0 || edgeCases > maxEdge) {
            throw new BadInputException(
                    "--edge-cases",
                    String.valueOf(edgeCases),
                    "--edge-cases must be in 0.." + maxEdge + " (each draws candidates from at most " + max
                            + " profiles), got " + edgeCases);
        }
        if (n + edgeCases == 0) {
            throw new BadInputException(
                    "--n", String.valueOf(n), "--n and --edge-cases give no profile; ask for at" + " least one");
        }
        ProfileControls controls = controls();
        if (!Files.isRegularFile(modelFile)) {
            throw new BadInputException(
                    "--model-file", modelFile.toString(), "--model-file '" + modelFile + "' does not exist");
        }
        LoadModel model = LoadModels.read(modelFile);
        ProfileGenerator generator = generator(model, start);
        List<LoadProfile> profiles = new ArrayList<>(n > 0 ? generator.sample(n, controls, seed.seed()) : List.of());
        List<Double> scores = new ArrayList<>();
        if (edgeCases > 0) {
            for (EdgeCases.Scored scored :
                    EdgeCases.of(edgeDetector(seed.seed())).find(generator, edgeCases, controls, seed.seed())) {
                profiles.add(scored.profile());
                scores.add(scored.score());
            }
        }
        write(out, profiles);
        ObjectNode fields = Json.object();
        fields.put("model", model.kind());
        fields.put("out", out.toAbsolutePath().toString());
        ArrayNode list = fields.putArray("profiles");
        for (int i = 0; i < profiles.size(); i++) {
            LoadProfile p = profiles.get(i);
            ObjectNode node = list.addObject();
            node.put("kind", String.valueOf(p.provenance().get("kind")));
            node.put("start", p.start().toString());
            node.put("steps", p.size());
            node.put("peak", p.peak());
            node.put("mean", p.expectedRequests() / (p.duration().toNanos() / 1e9));
            if (i >= profiles.size() - scores.size()) {
                node.put("anomalyScore", scores.get(i - (profiles.size() - scores.size())));
                node.put("anomalyDetector", String.valueOf(p.provenance().get("anomalyDetector")));
            }
        }
        return Result.of(fields);
    }

    /** The edge-case scorer named by {@code --edge-detector}: ours, or any detector of the anomaly package. */
    private AnomalyDetector edgeDetector(long seedValue) {
        if ("robust-zscore".equals(edgeDetector)) {
            return new RobustZScoreDetector();
        }
        try {
            return AnomalyDetectors.named(edgeDetector, seedValue);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(
                    "--edge-detector",
                    edgeDetector,
                    "--edge-detector '" + edgeDetector + "' is not known; expected robust-zscore or one of "
                            + AnomalyDetectors.NAMES);
        }
    }

    private ProfileControls controls() {
        List<LoadEvent> parsed = new ArrayList<>();
        for (String text : events) {
            try {
                parsed.add(LoadEvent.parse(text));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--event", text, e.getMessage());
            }
        }
        return new ProfileControls(seasonality, trend, noise, peak, parsed);
    }

    /** A generator starting at {@code start} (or the training series' first timestamp), phase-aligned. */
    static ProfileGenerator generator(LoadModel model, Instant start) {
        Map<String, Object> provenance = model.provenance();
        Instant seriesStart =
                Instant.parse(String.valueOf(provenance.getOrDefault("seriesStart", "1970-01-01T00:00:00Z")));
        Duration step = Duration.parse(String.valueOf(provenance.getOrDefault("step", "PT1M")));
        LoadProfile.Unit unit = LoadProfile.Unit.parse(String.valueOf(provenance.getOrDefault("unit", "count")));
        Instant from = start == null ? seriesStart : start;
        long offset = Math.floorDiv(Duration.between(seriesStart, from).toNanos(), step.toNanos());
        int phase = (int) Math.floorMod(offset, (long) model.window());
        return new ProfileGenerator(model, from, step, unit, phase);
    }

    /** Writes a JSON array of LoadProfile documents atomically. */
    static void write(Path file, List<LoadProfile> profiles) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(
                    temp,
                    "["
                            + String.join(
                                    ",\n",
                                    profiles.stream().map(LoadProfile::toJson).toList()) + "]\n");
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
