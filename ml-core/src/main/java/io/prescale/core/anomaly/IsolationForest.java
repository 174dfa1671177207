package io.prescale.core.anomaly;

import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Isolation forest, written here after F. T. Liu, K. M. Ting and Z.-H. Zhou, "Isolation Forest", Proc. 8th IEEE
 * ICDM, 2008, pp. 413–422 (doi:10.1109/ICDM.2008.17). Each of {@code t} isolation trees is grown on a subsample
 * of ψ points drawn without replacement, splitting on a random attribute q at a split value p drawn uniformly
 * between that attribute's minimum and maximum in the node, up to the height limit ⌈log₂ ψ⌉ (Algorithms 1–2).
 * The path length h(x) counts edges from the root to the external node that x reaches, plus c(size) for the
 * points that node still holds (Algorithm 3). The anomaly score is s(x, ψ) = 2^(−E(h(x))/c(ψ)), with
 * c(n) = 2H(n−1) − 2(n−1)/n and H(i) ≈ ln(i) + 0.5772156649 (Euler's constant): s near 1 is an anomaly,
 * s well below 0.5 a normal point. Immutable and thread-safe once built.
 */
final class IsolationForest {
    static final double EULER_GAMMA = 0.5772156649;

    /**
     * Hyper-parameters with the paper's defaults.
     *
     * @param trees     t, the number of trees (paper: 100)
     * @param subsample ψ, the points per tree (paper: 256)
     */
    record Options(int trees, int subsample) {
        Options {
            if (trees < 1) {
                throw new IllegalArgumentException("trees must be ≥ 1, got " + trees);
            }
            if (subsample < 2) {
                throw new IllegalArgumentException("subsample must be ≥ 2, got " + subsample);
            }
        }

        static Options defaults() {
            return new Options(100, 256);
        }
    }

    private final Tree[] trees;
    private final double cPsi;
    private final int dimensions;

    private IsolationForest(Tree[] trees, int psi, int dimensions) {
        this.trees = trees;
        this.cPsi = c(psi);
        this.dimensions = dimensions;
    }

    /** c(n): the average path length of an unsuccessful search in a binary search tree of n points. */
    static double c(int n) {
        if (n > 2) {
            return 2 * harmonic(n - 1) - 2.0 * (n - 1) / n;
        }
        return n == 2 ? 1 : 0;
    }

    /** H(i) ≈ ln(i) + Euler's constant, as in the paper. */
    static double harmonic(int i) {
        return Math.log(i) + EULER_GAMMA;
    }

    /** Grows the forest on {@code data} (rows = points, all with the same number of finite attributes). */
    static IsolationForest fit(double[][] data, Options options, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        if (data.length < 2) {
            throw new IllegalArgumentException("isolation forest needs at least 2 points, got " + data.length);
        }
        int psi = Math.min(options.subsample(), data.length);
        int heightLimit = (int) Math.ceil(Math.log(psi) / Math.log(2));
        Tree[] trees = new Tree[options.trees()];
        int[] pool = new int[data.length];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = i;
        }
        for (int t = 0; t < trees.length; t++) {
            int[] sample = sampleWithoutReplacement(pool, psi, random);
            trees[t] = Tree.grow(data, sample, heightLimit, random);
        }
        return new IsolationForest(trees, psi, data[0].length);
    }

    private static int[] sampleWithoutReplacement(int[] pool, int k, RandomGenerator random) {
        // Partial Fisher–Yates: the first k entries become a uniform sample whatever order the pool is in.
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(pool.length - i);
            int tmp = pool[i];
            pool[i] = pool[j];
            pool[j] = tmp;
        }
        return Arrays.copyOf(pool, k);
    }

    /**
     * A forest in which trees {@code [from, from + count)} (modulo t) are regrown on {@code data} and the others are
     * kept: the streaming form renews a quarter of the forest at a time, so the model follows the recent past at
     * a quarter of the cost of regrowing it whole. Needs the same ψ as this forest's.
     */
    IsolationForest renew(double[][] data, int from, int count, int subsample, RandomGenerator random) {
        int psi = Math.min(subsample, data.length);
        int heightLimit = (int) Math.ceil(Math.log(psi) / Math.log(2));
        Tree[] renewed = trees.clone();
        int[] pool = new int[data.length];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = i;
        }
        for (int k = 0; k < count; k++) {
            renewed[(from + k) % renewed.length] =
                    Tree.grow(data, sampleWithoutReplacement(pool, psi, random), heightLimit, random);
        }
        return new IsolationForest(renewed, psi, dimensions);
    }

    int size() {
        return trees.length;
    }

    /** E(h(x)): the mean path length of {@code x} over the trees. */
    double meanPathLength(double[] x) {
        if (x.length != dimensions) {
            throw new IllegalArgumentException("expected " + dimensions + " attributes, got " + x.length);
        }
        double sum = 0;
        for (Tree tree : trees) {
            sum += tree.pathLength(x);
        }
        return sum / trees.length;
    }

    /** s(x, ψ) = 2^(−E(h(x))/c(ψ)), in (0, 1]. */
    double score(double[] x) {
        return Math.pow(2, -meanPathLength(x) / cPsi);
    }

    /** One isolation tree in flat arrays: node k splits on attribute[k] at split[k], or is external (attribute −1). */
    private static final class Tree {
        private int[] attribute = new int[64];
        private double[] split = new double[64];
        private int[] left = new int[64];
        private int[] right = new int[64];
        private int[] size = new int[64];
        private int nodes;

        static Tree grow(double[][] data, int[] sample, int heightLimit, RandomGenerator random) {
            Tree tree = new Tree();
            tree.build(data, sample, 0, sample.length, 0, heightLimit, random);
            return tree;
        }

        /** Algorithm 2 (iTree) on sample[from, to); returns the node index. */
        private int build(
                double[][] data, int[] sample, int from, int to, int height, int limit, RandomGenerator random) {
            int node = newNode();
            int n = to - from;
            if (height >= limit || n <= 1) {
                return external(node, n);
            }
            int dims = data[sample[from]].length;
            int q = -1;
            double min = 0;
            double max = 0;
            // Random attribute among those that still vary in this node (a constant one cannot split).
            int start = random.nextInt(dims);
            for (int k = 0; k < dims && q < 0; k++) {
                int candidate = (start + k) % dims;
                min = Double.POSITIVE_INFINITY;
                max = Double.NEGATIVE_INFINITY;
                for (int i = from; i < to; i++) {
                    double v = data[sample[i]][candidate];
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                if (max > min) {
                    q = candidate;
                }
            }
            if (q < 0) {
                return external(node, n);
            }
            double p = min + random.nextDouble() * (max - min);
            int mid = partition(data, sample, from, to, q, p);
            attribute[node] = q;
            split[node] = p;
            int l = build(data, sample, from, mid, height + 1, limit, random);
            int r = build(data, sample, mid, to, height + 1, limit, random);
            left[node] = l;
            right[node] = r;
            return node;
        }

        private static int partition(double[][] data, int[] sample, int from, int to, int q, double p) {
            int mid = from;
            for (int i = from; i < to; i++) {
                if (data[sample[i]][q] < p) {
                    int tmp = sample[mid];
                    sample[mid] = sample[i];
                    sample[i] = tmp;
                    mid++;
                }
            }
            return mid;
        }

        private int external(int node, int n) {
            attribute[node] = -1;
            size[node] = n;
            return node;
        }

        private int newNode() {
            if (nodes == attribute.length) {
                int capacity = nodes * 2;
                attribute = Arrays.copyOf(attribute, capacity);
                split = Arrays.copyOf(split, capacity);
                left = Arrays.copyOf(left, capacity);
                right = Arrays.copyOf(right, capacity);
                size = Arrays.copyOf(size, capacity);
            }
            return nodes++;
        }

        /** Algorithm 3 (PathLength): edges to the external node plus c(size) of that node. */
        double pathLength(double[] x) {
            int node = 0;
            int edges = 0;
            while (attribute[node] >= 0) {
                node = x[attribute[node]] < split[node] ? left[node] : right[node];
                edges++;
            }
            return edges + c(size[node]);
        }
    }
}
