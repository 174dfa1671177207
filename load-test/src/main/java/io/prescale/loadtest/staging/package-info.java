/**
 * Staging targets and the real-load-test trial runner of the tuner. {@link io.prescale.loadtest.staging.LocalStagingTarget}
 * runs reference-service instances as child processes on 127.0.0.1; {@link io.prescale.loadtest.staging.LoadTestTrials}
 * deploys a configuration on any {@link io.prescale.core.tune.StagingTarget} and measures it with the open-model load
 * generator.
 */
package io.prescale.loadtest.staging;
