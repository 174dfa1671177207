/**
 * Tuning: learns, from real load tests of a staging deployment, the cheapest configuration that holds the SLO at
 * each load level, and hands it to the controller as a {@link io.prescale.core.scale.ScalingPolicy}. A
 * {@link io.prescale.core.tune.ConfigSpace} declares the knobs, cost and SLO; a space-filling design calibrates a
 * {@link io.prescale.core.tune.CapacityModel}; PPO learns the policy over generated load profiles, against the
 * per-band grid optimum, random search and Bayesian optimisation. Staging targets and trial runners are interfaces
 * here; their implementations live beside the load generator and the Nomad client.
 */
package io.prescale.core.tune;
