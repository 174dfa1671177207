/**
 * A test-only fixture shaped like the cli packages that breaks every package rule on purpose: {@code base} uses
 * {@code input}, the feature {@code alpha} uses the feature {@code beta} and {@code demo}, and {@code beta} uses
 * {@code alpha} back (a cycle). {@code io.prescale.cli.ArchitectureTest} shows that each rule reports its break.
 */
package io.prescale.archfixture.cli;
