/**
 * What a Nomad task group asked for: the {@code prescale.*} keys of its (or its job's) {@code meta} and the bounds
 * of its {@code scaling} block, parsed into a {@link io.prescale.nomad.annotations.GroupSpec}. A group whose
 * annotations are wrong gets a visible status and reason instead of a spec; it never stops the loop.
 */
package io.prescale.nomad.annotations;
