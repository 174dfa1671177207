package io.jenkins.plugins.prescale;

import hudson.Extension;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code prescaleTrain input: 'prescale/history.csv'}: fits a forecasting model ({@code prescale forecast train}).
 * Arguments are those of {@code io.prescale.contract.TrainRequest}, which checks them.
 */
public final class PrescaleTrainStep extends PrescaleStep {
    private String input;
    private String model;
    private String out;
    private String horizon;
    private String events;
    private Long seed;

    @DataBoundConstructor
    public PrescaleTrainStep() {
        // every argument is optional here: the contract names the missing required ones
    }

    public String getInput() {
        return input;
    }

    @DataBoundSetter
    public void setInput(String input) {
        this.input = input;
    }

    public String getModel() {
        return model;
    }

    @DataBoundSetter
    public void setModel(String model) {
        this.model = model;
    }

    public String getOut() {
        return out;
    }

    @DataBoundSetter
    public void setOut(String out) {
        this.out = out;
    }

    public String getHorizon() {
        return horizon;
    }

    @DataBoundSetter
    public void setHorizon(String horizon) {
        this.horizon = horizon;
    }

    public String getEvents() {
        return events;
    }

    @DataBoundSetter
    public void setEvents(String events) {
        this.events = events;
    }

    public Long getSeed() {
        return seed;
    }

    @DataBoundSetter
    public void setSeed(Long seed) {
        this.seed = seed;
    }

    @Override
    protected String stepName() {
        return "prescaleTrain";
    }

    @Override
    protected Map<String, Object> arguments() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("input", input);
        arguments.put("model", model);
        arguments.put("out", out);
        arguments.put("horizon", horizon);
        arguments.put("events", events);
        arguments.put("seed", seed);
        return arguments;
    }

    @Extension
    @Symbol("prescaleTrain")
    public static final class DescriptorImpl extends PrescaleStepDescriptor {
        @Override
        public String getFunctionName() {
            return "prescaleTrain";
        }

        @Override
        public String getDisplayName() {
            return "Train the Prescale forecaster";
        }
    }
}
