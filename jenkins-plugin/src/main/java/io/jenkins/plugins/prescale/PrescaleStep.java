package io.jenkins.plugins.prescale;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.prescale.contract.StepFailure;
import io.prescale.contract.StepRequests;
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Base of the Prescale steps: the optional {@code tool} (a Prescale installation's name) and the step's named
 * arguments, handed unchanged to the contract, which checks them and builds the command lines.
 */
public abstract class PrescaleStep extends Step {
    private String tool;

    public String getTool() {
        return tool;
    }

    /** The Prescale installation to use (Manage Jenkins > Tools); default: the first one configured. */
    @DataBoundSetter
    public void setTool(String tool) {
        this.tool = tool == null || tool.isBlank() ? null : tool.strip();
    }

    /** The step's name, as {@code io.prescale.contract.StepRequests} knows it. */
    protected abstract String stepName();

    /** The arguments given, by the contract's names (null values are "not given"). */
    protected abstract Map<String, Object> arguments();

    @Override
    public StepExecution start(StepContext context) {
        HashMap<String, Object> copy = new HashMap<>();
        arguments().forEach((name, value) -> {
            if (value instanceof List<?> list) {
                copy.put(name, new ArrayList<>(list));
            } else if (value != null) {
                copy.put(name, value);
            }
        });
        return new PrescaleStepExecution(context, stepName(), copy, tool);
    }

    /**
     * What every Prescale step's descriptor shares: the context (the step runs inside {@code node { }}) and the
     * check of argument names before Jenkins binds them, so an unknown argument fails the step in one line
     * (Jenkins itself would only log a warning and drop it).
     */
    abstract static class PrescaleStepDescriptor extends StepDescriptor implements CustomDescribableModel {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, Launcher.class, EnvVars.class);
        }

        @Override
        public Map<String, Object> customInstantiate(Map<String, Object> arguments) {
            try {
                StepRequests.checkNames(getFunctionName(), arguments, List.of("tool"));
            } catch (StepFailure e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            return arguments;
        }
    }
}
