/**
 * What a Jenkins step needs to drive the {@code prescale} command line: the step's named arguments checked and
 * turned into command lines ({@code java -jar prescale.jar <command> … --json}), the run of those commands
 * through a {@link io.prescale.contract.StepHost} that the plugin implements on the agent, and the result as
 * typed documents, a map for the pipeline and a build-page summary. Jackson only: no Jenkins type and no
 * Prescale library, so every rule here is tested without Jenkins.
 */
package io.prescale.contract;
