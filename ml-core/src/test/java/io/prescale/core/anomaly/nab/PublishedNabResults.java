package io.prescale.core.anomaly.nab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Rows of NAB's {@code per_file_scores_shared.csv} and a loader of the published detector scores beside it. */
record PublishedNabResults(Path root, List<Row> rows) {
    record Row(
            String detector,
            NabProfile profile,
            String file,
            double threshold,
            double score,
            int tp,
            int tn,
            int fp,
            int fn) {}

    static PublishedNabResults read(Path root) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(root.resolve("results/per_file_scores_shared.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            rows.add(new Row(
                    f[0],
                    NabProfile.ofNabName(f[1]),
                    f[2],
                    Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]),
                    Integer.parseInt(f[5]),
                    Integer.parseInt(f[6]),
                    Integer.parseInt(f[7]),
                    Integer.parseInt(f[8])));
        }
        return new PublishedNabResults(root, rows);
    }

    NabRows data(String file) throws IOException {
        return NabCsv.read(root.resolve("data").resolve(file), file, "value");
    }

    /** The published detector's scores for {@code file}: {@code detector_scores/<det>/<cat>/<det>_<name>}. */
    double[] scores(String detector, String file) throws IOException {
        String[] parts = file.split("/");
        Path path = root.resolve("results/detector_scores")
                .resolve(detector)
                .resolve(parts[0])
                .resolve(detector + "_" + parts[1]);
        return NabCsv.read(path, file, "anomaly_score").values();
    }

    NabLabels labels() throws IOException {
        return NabLabels.read(root.resolve("labels/combined_windows.json"));
    }
}
