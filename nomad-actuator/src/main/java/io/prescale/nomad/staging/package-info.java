/**
 * The {@code nomad:JOB/GROUP} staging target of {@code prescale tune}: applies a configuration to a staging job by
 * re-registering it through the Nomad client, waits for the deployment, and hands the tuner the service's address.
 * Configurations reach the job as the space's knobs say (group count, task resources, env, group meta).
 */
package io.prescale.nomad.staging;
