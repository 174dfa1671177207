/**
 * {@code prescale tune} and {@code bench tune}: learn a scaling policy from real load tests on a staging target
 * (PPO with grid, Bayesian-optimisation and random-search baselines), write it, and report the figures. A feature
 * package: uses only {@code input} and {@code base}.
 */
package io.prescale.cli.tune;
