package io.prescale.core.tune;

/**
 * The quantities that carry the physics of a configuration under load: instances, cores, threads and queue per
 * instance, the cache hit ratio from the key distribution, and the arrival rate per instance.
 */
record Physics(double instances, double cores, double threads, double queue, double hitRatio, double perInstanceRps) {
    static Physics of(ConfigSpace space, Configuration config, double loadRps) {
        double instances = Math.max(1, space.count(config));
        double cores = Math.max(0.1, space.roleValue(config, Knob.Role.CPUS, 1));
        double threads = Math.max(1, space.roleValue(config, Knob.Role.THREADS, 64));
        double queue = Math.max(0, space.roleValue(config, Knob.Role.QUEUE, 1000));
        double hit = space.workload().hitRatio(space.roleValue(config, Knob.Role.CACHE_MB, 0));
        return new Physics(instances, cores, threads, queue, hit, loadRps / instances);
    }

    /** Features for a learned regression: load per instance per core and per thread, misses per core and per
     *  thread, threads per core, hit ratio, queue per thread. */
    double[] features() {
        double miss = perInstanceRps * (1 - hitRatio);
        return new double[] {
            perInstanceRps / cores,
            perInstanceRps / threads,
            miss / cores,
            miss / threads,
            threads / cores,
            hitRatio,
            queue / threads
        };
    }

    static final String[] FEATURE_NAMES = {
        "rpsPerCore",
        "rpsPerThread",
        "missRpsPerCore",
        "missRpsPerThread",
        "threadsPerCore",
        "hitRatio",
        "queuePerThread"
    };
}
