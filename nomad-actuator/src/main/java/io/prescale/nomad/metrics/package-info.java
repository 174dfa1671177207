/**
 * The actuator's {@code /metrics} families on Prometheus' own Java client (client_java 1.x): desired and current
 * counts, load and forecast quantiles per group, decisions by action, actions by result, errors by kind, cycle
 * duration. Names are fixed in {@code docs/actuator.md}; dashboards are built over them.
 */
package io.prescale.nomad.metrics;
