/**
 * The actuator's own small HTTP API, on 127.0.0.1 by default: {@code GET /v1/groups} (each group's status, last
 * decision, reason and forecast), {@code PUT/GET /v1/policies/{name}} (bearer token compared in constant time;
 * schema and digest checked; 1 MiB limit), {@code /health}, and {@code /metrics} through Prometheus client_java's
 * exporter, which serves every path of this API from one server.
 */
package io.prescale.nomad.api;
