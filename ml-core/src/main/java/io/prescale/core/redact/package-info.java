/**
 * Keeping secrets out of what users see: {@link io.prescale.core.redact.Redactor} knows the credentials a client
 * holds (tokens, basic auth, URL user info) and removes every form of them from any text that may carry a remote
 * server's words before it becomes an exception message, a warning or a log line.
 */
package io.prescale.core.redact;
