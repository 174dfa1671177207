package io.prescale.nomad.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How failed calls are retried: at most {@code maxAttempts} attempts in all; before attempt k+1 the client waits
 * a uniformly random time in {@code [0, min(maxDelay, baseDelay · 2^(k-1))]} ("full jitter", Brooker, <i>Exponential
 * Backoff And Jitter</i>, AWS Architecture Blog, 2015). Only 5xx answers (other than check-and-set conflicts),
 * timeouts and connection failures are retried, never 4xx.
 *
 * @param seed seeds the jitter, so a run is reproducible
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, long seed) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retry maxAttempts must be ≥ 1, got " + maxAttempts);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException(
                    "retry delays must satisfy 0 ≤ baseDelay ≤ maxDelay, got " + baseDelay + " and " + maxDelay);
        }
    }

    /** 4 attempts, 200 ms base, 5 s cap, seed 1. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5), 1);
    }

    /** One attempt, no retry. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1);
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, maxDelay, seed);
    }

    public RetryPolicy withDelays(Duration base, Duration max) {
        return new RetryPolicy(maxAttempts, base, max, seed);
    }

    /** The upper bound of the wait before attempt {@code attempt + 1} (attempt counts from 1). */
    Duration ceiling(int attempt) {
        long base = baseDelay.toMillis();
        long cap = maxDelay.toMillis();
        long shifted = attempt >= 31 ? cap : Math.min(cap, base << Math.max(0, attempt - 1));
        return Duration.ofMillis(shifted);
    }
}
