/**
 * Predictive scaling: the {@link io.prescale.core.scale.ScalingPolicy} (load band → configuration, with a
 * digest), the pure {@link io.prescale.core.scale.ScalingController} that turns a quantile forecast into a
 * {@link io.prescale.core.scale.Decision}, and the backtest simulator that scores it against the strategies
 * people use today (Nomad Autoscaler target-value, seasonal offset, AWS-style predictive scale-out, an oracle).
 */
package io.prescale.core.scale;
