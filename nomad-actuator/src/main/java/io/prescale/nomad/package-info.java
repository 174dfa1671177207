/**
 * The Nomad actuator: finds Nomad task groups annotated with {@code prescale.*} meta, forecasts their load and
 * scales them ahead of it through the Nomad HTTP API. {@code client} talks to Nomad, {@code annotations} reads
 * what a group asked for, {@code loop} evaluates and acts, {@code ha} keeps one active replica and its state in
 * Nomad Variables, {@code api} and {@code metrics} show what it does; {@code fake} is a protocol-accurate fake Nomad.
 */
package io.prescale.nomad;
