/**
 * Active/standby and memory across restarts, in Nomad Variables: {@link io.prescale.nomad.ha.Leadership} holds the
 * {@code prescale/leader} lock (renewed at 0.7 × TTL, stepping down on any renew failure), the state store keeps
 * each group's last actions under {@code prescale/state/…} and the policy store the published policies under
 * {@code prescale/policies/…}, so a failover or restart resumes without flapping or repeating an action.
 */
package io.prescale.nomad.ha;
