/**
 * A protocol-accurate fake Nomad on MockWebServer, answering as Nomad's server code does (see the wire facts:
 * PascalCase JSON, nanosecond times, plain-text errors, 400 during deployments, 500 job check-and-set conflicts,
 * 409 Variables conflicts, locks that expire 2 × TTL after the last renew, blocking-query headers in Go's
 * canonical spelling). It keeps jobs, scaling events and Variables in memory, takes an injectable clock, and
 * injects faults (statuses, timeouts, closed connections, malformed bodies, leader loss) on request.
 */
package io.prescale.nomad.fake;
