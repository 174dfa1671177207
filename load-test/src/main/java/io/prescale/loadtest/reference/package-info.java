/**
 * The reference staging service: a real HTTP server whose capacity follows its knobs (virtual cores, threads,
 * queue, cache size) the way a real service's would. Requests draw Zipf-distributed keys against an LRU cache; a
 * miss holds a virtual core for its CPU time and then waits for a simulated downstream call without one.
 * {@link io.prescale.loadtest.reference.ReferenceService} is the entry point, configured by
 * {@link io.prescale.loadtest.reference.ReferenceConfig}.
 */
package io.prescale.loadtest.reference;
