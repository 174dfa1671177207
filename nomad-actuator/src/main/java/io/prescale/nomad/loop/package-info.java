/**
 * The evaluation loop: discovery of annotated groups (a blocking query on Nomad's job list, or a jobs file), the
 * load of each group (Prometheus or the embedded store, history only up to now), a forecast from a cached model
 * refitted on a schedule, the {@code ScalingController}'s decision, and the action of the group's mode. One cycle is
 * {@link io.prescale.nomad.loop.Actuator#runCycle()}; its result is a {@link io.prescale.nomad.loop.CycleReport}.
 */
package io.prescale.nomad.loop;
