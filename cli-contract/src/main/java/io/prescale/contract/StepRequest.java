package io.prescale.contract;

import java.util.List;

/**
 * One call of a Prescale pipeline step, checked: the step's name and the {@code prescale} runs it makes, in
 * order. Built from the step's named arguments and the site settings by each implementation's {@code from}.
 */
public sealed interface StepRequest
        permits CollectRequest, TrainRequest, GenerateRequest, LoadTestRequest, TuneRequest, PublishRequest {
    /** The pipeline step, e.g. {@code prescaleTrain}. */
    String step();

    /** The runs of {@code prescale}, in order; a later run may read what an earlier one wrote. */
    List<Invocation> invocations();
}
