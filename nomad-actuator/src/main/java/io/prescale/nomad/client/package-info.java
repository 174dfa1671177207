/**
 * A small Nomad HTTP API client on OkHttp and Jackson: jobs (list with blocking queries and pagination, read,
 * register with check-and-set), group scaling and its status, Variables with check-and-set and locks, and
 * parameterized dispatch. Every remote failure is a {@link io.prescale.nomad.client.NomadApiException} carrying
 * status, endpoint and a short body excerpt, never the token. Wire facts follow Nomad's server code: PascalCase
 * JSON, nanosecond times, plain-text errors.
 */
package io.prescale.nomad.client;
