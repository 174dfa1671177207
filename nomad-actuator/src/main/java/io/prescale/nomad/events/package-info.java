/**
 * Calendars of scheduled events for the actuator: the {@code name,start,end[,kind]} text, and the sources it is
 * watched from — a file re-read when it changes, or a Nomad Variable re-read each cycle and re-parsed when its
 * ModifyIndex moves. A source that fails keeps its last good calendar and says why.
 */
package io.prescale.nomad.events;
