/**
 * Test helpers shared by every module through the ml-core test-jar: seeded synthetic load
 * ({@link io.prescale.core.testing.SyntheticLoad}) and the real Prometheus server
 * ({@link io.prescale.core.testing.RealPrometheus}, {@link io.prescale.core.testing.PrometheusServer}).
 */
package io.prescale.core.testing;
