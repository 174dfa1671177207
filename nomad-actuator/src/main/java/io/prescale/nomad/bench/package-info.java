/**
 * The actuator's benchmark: one full cycle over many annotated groups on the fake Nomad (speed and heap), and a
 * long fault run (injected Nomad errors, timeouts, malformed bodies, stale and NaN metrics, operator changes,
 * deployments, restarts) that checks bounds, survival, no repeated actions and that every fault is counted.
 */
package io.prescale.nomad.bench;
