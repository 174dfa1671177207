/**
 * {@code prescale actuator run}, {@code prescale policy publish|get} and {@code prescale bench actuator}: the Nomad
 * actuator of {@code io.prescale.nomad} as a command (one cycle with {@code --once}, or the service with its API),
 * policies sent to a running actuator, and its benchmark. {@link io.prescale.cli.actuator.ActuatorJson} is the one
 * JSON mapping of a cycle.
 */
package io.prescale.cli.actuator;
