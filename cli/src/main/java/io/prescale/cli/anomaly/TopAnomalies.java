package io.prescale.cli.anomaly;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** The highest-scoring rows, greedily, each at least {@code separation} rows from those already taken. */
final class TopAnomalies {
    private TopAnomalies() {}

    static List<Integer> of(double[] scores, int count, int separation) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, scores.length)
                .filter(i -> Double.isFinite(scores[i]))
                .boxed()
                .toList());
        order.sort(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i));
        List<Integer> chosen = new ArrayList<>();
        for (int row : order) {
            if (chosen.size() == count) {
                break;
            }
            if (chosen.stream().allMatch(c -> Math.abs(c - row) >= Math.max(1, separation))) {
                chosen.add(row);
            }
        }
        return chosen;
    }
}
