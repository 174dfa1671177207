/**
 * The build-page summary of a step: key figures, the policy table and links to the archived files and published
 * dashboards, rendered as a small HTML fragment in which every value is escaped and every link is a relative
 * path or an http(s) URL, so a hostile document cannot inject markup into the Jenkins page.
 */
package io.prescale.contract.summary;
