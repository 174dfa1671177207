/**
 * Jenkins adapters for Prescale: Pipeline steps ({@code prescaleCollect}, {@code prescaleTrain},
 * {@code prescaleGenerate}, {@code prescaleLoadTest}, {@code prescaleTune}, {@code prescalePublish}) that run the
 * {@code prescale} jar on the agent, the tool installation that locates it, and the site settings. Every rule
 * (arguments, command lines, documents, failures, summaries) lives in {@code io.prescale.contract}; the classes
 * here only connect it to Jenkins' launcher, workspace, credentials, artifacts and build page.
 */
package io.jenkins.plugins.prescale;
