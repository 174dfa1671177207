package io.prescale.core.tune;

import java.util.List;

/**
 * The evaluations of a black-box search in the order made.
 *
 * @param evaluated candidate indices evaluated
 * @param values objective value of each evaluation
 * @param bestSoFar smallest value after each evaluation
 */
public record SearchTrace(List<Integer> evaluated, List<Double> values, List<Double> bestSoFar) {
    public SearchTrace {
        evaluated = List.copyOf(evaluated);
        values = List.copyOf(values);
        bestSoFar = List.copyOf(bestSoFar);
    }

    /** The candidate with the smallest value. */
    public int best() {
        int best = 0;
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i) < values.get(best)) {
                best = i;
            }
        }
        return evaluated.get(best);
    }
}
