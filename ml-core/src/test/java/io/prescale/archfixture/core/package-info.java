/**
 * A test-only fixture shaped like ml-core that breaks the package rules on purpose: {@code series} uses
 * {@code store} (upward, and a cycle with store's legitimate use of series) and {@code forecast} uses
 * {@code anomaly} (a sibling). {@code io.prescale.core.ArchitectureTest} shows that each rule reports its break.
 */
package io.prescale.archfixture.core;
