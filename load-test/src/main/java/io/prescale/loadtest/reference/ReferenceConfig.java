package io.prescale.loadtest.reference;

import java.util.Objects;

/**
 * The knobs of one reference service instance. Capacity for cache misses is about
 * {@code min(cpus / missCpuMs, threads / (missCpuMs + downstreamMs))} per ms; hits cost {@code hitCpuMs}.
 *
 * @param bind address to listen on (127.0.0.1 unless told otherwise)
 * @param port TCP port, 0 for any free one
 * @param cpus virtual cores: requests hold one while they spend CPU time
 * @param threads worker threads
 * @param queue requests waiting for a worker beyond which the service answers 503 (0: none wait)
 * @param cacheMb LRU cache size, MiB (entries of {@code valueKb} each)
 * @param cpuMode park (virtual) or spin (real) for the CPU time
 * @param keys number of distinct keys requests draw from
 * @param zipfExponent exponent s of the Zipf distribution of keys (larger: more skewed)
 * @param valueKb size of one cached value, KiB
 * @param hitCpuMs CPU time of a cache hit, ms
 * @param missCpuMs CPU time of a cache miss, ms
 * @param downstreamMs the simulated downstream call after a miss, ms (no core held)
 * @param seed seed of the key sequence
 */
public record ReferenceConfig(
        String bind,
        int port,
        int cpus,
        int threads,
        int queue,
        int cacheMb,
        CpuMode cpuMode,
        int keys,
        double zipfExponent,
        int valueKb,
        double hitCpuMs,
        double missCpuMs,
        double downstreamMs,
        long seed) {
    public ReferenceConfig {
        Objects.requireNonNull(bind, "bind");
        check(port >= 0 && port <= 65_535, "port", "0..65535", port);
        check(cpus >= 1 && cpus <= 1024, "cpus", "1..1024", cpus);
        check(threads >= 1 && threads <= 4096, "threads", "1..4096", threads);
        check(queue >= 0 && queue <= 1_000_000, "queue", "0..1000000", queue);
        check(cacheMb >= 0 && cacheMb <= 65_536, "cache-mb", "0..65536", cacheMb);
        Objects.requireNonNull(cpuMode, "cpuMode");
        check(keys >= 1 && keys <= 10_000_000, "keys", "1..10000000", keys);
        check(zipfExponent > 0 && zipfExponent <= 10, "zipf-exponent", "(0, 10]", zipfExponent);
        check(valueKb >= 1 && valueKb <= 65_536, "value-kb", "1..65536", valueKb);
        check(hitCpuMs >= 0 && hitCpuMs <= 60_000, "hit-cpu-ms", "0..60000", hitCpuMs);
        check(missCpuMs >= 0 && missCpuMs <= 60_000, "miss-cpu-ms", "0..60000", missCpuMs);
        check(downstreamMs >= 0 && downstreamMs <= 60_000, "downstream-ms", "0..60000", downstreamMs);
    }

    /** 127.0.0.1, any port, 2 cores, 8 threads, queue 64, 16 MiB cache, virtual CPU, 100k keys, s=1, 4 KiB values,
     *  hits 0.2 ms, misses 5 ms CPU + 20 ms downstream, seed 1. */
    public static ReferenceConfig defaults() {
        return new ReferenceConfig("127.0.0.1", 0, 2, 8, 64, 16, CpuMode.VIRTUAL, 100_000, 1.0, 4, 0.2, 5, 20, 1);
    }

    public ReferenceConfig withCapacity(int cpusValue, int threadsValue, int queueValue, int cacheMbValue) {
        return new ReferenceConfig(
                bind,
                port,
                cpusValue,
                threadsValue,
                queueValue,
                cacheMbValue,
                cpuMode,
                keys,
                zipfExponent,
                valueKb,
                hitCpuMs,
                missCpuMs,
                downstreamMs,
                seed);
    }

    public ReferenceConfig withCosts(double hitCpuMsValue, double missCpuMsValue, double downstreamMsValue) {
        return new ReferenceConfig(
                bind,
                port,
                cpus,
                threads,
                queue,
                cacheMb,
                cpuMode,
                keys,
                zipfExponent,
                valueKb,
                hitCpuMsValue,
                missCpuMsValue,
                downstreamMsValue,
                seed);
    }

    public ReferenceConfig withKeys(int keysValue, double exponent) {
        return new ReferenceConfig(
                bind,
                port,
                cpus,
                threads,
                queue,
                cacheMb,
                cpuMode,
                keysValue,
                exponent,
                valueKb,
                hitCpuMs,
                missCpuMs,
                downstreamMs,
                seed);
    }

    public ReferenceConfig withCpuMode(CpuMode mode) {
        return new ReferenceConfig(
                bind,
                port,
                cpus,
                threads,
                queue,
                cacheMb,
                mode,
                keys,
                zipfExponent,
                valueKb,
                hitCpuMs,
                missCpuMs,
                downstreamMs,
                seed);
    }

    /** Cached values that fit in the cache. */
    public int cacheEntries() {
        return (int) Math.min(Integer.MAX_VALUE, (long) cacheMb * 1024 / valueKb);
    }

    private static void check(boolean ok, String knob, String expected, Object got) {
        if (!ok) {
            throw new IllegalArgumentException("--" + knob + " must be in " + expected + ", got " + got);
        }
    }
}
