package io.jenkins.plugins.prescale;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.prescale.contract.StepFailure;
import io.prescale.contract.StepRequest;
import io.prescale.contract.StepRequests;
import io.prescale.contract.StepResult;
import io.prescale.contract.StepRunner;
import io.prescale.contract.Tool;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * Runs a Prescale step off the Pipeline thread: the contract's {@link StepRunner} on an {@link AgentStepHost}.
 * {@link #stop} kills the running {@code prescale} process and fails the step; a step found running after a
 * Jenkins restart fails (its process did not survive), and the build can be run again.
 */
final class PrescaleStepExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "Prescale step");
        thread.setDaemon(true);
        return thread;
    });

    private final String step;
    private final HashMap<String, Object> arguments;
    private final String toolName;
    private transient volatile Future<?> task;
    private transient volatile AgentStepHost host;

    PrescaleStepExecution(StepContext context, String step, HashMap<String, Object> arguments, String toolName) {
        super(context);
        this.step = step;
        this.arguments = arguments;
        this.toolName = toolName;
    }

    @Override
    public boolean start() {
        StepContext context = getContext();
        task = EXECUTOR.submit(() -> {
            try {
                context.onSuccess(run(context));
            } catch (StepFailure e) {
                context.onFailure(new AbortException(e.getMessage()));
            } catch (Throwable t) {
                context.onFailure(t);
            }
        });
        return false;
    }

    private Object run(StepContext context) throws Exception {
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        FilePath workspace = context.get(FilePath.class);
        Launcher launcher = context.get(Launcher.class);
        EnvVars environment = context.get(EnvVars.class);
        StepRequest request = StepRequests.of(step, arguments, PrescaleConfiguration.get().toSettings(),
                Clock.systemUTC());
        Tool tool = PrescaleInstallation.locate(toolName, workspace, environment, listener);
        AgentStepHost agent = new AgentStepHost(run, workspace, launcher, listener, environment);
        host = agent;
        StepResult result = new StepRunner(agent, tool).run(request);
        run.addAction(new PrescaleSummaryAction(step, result.summary().toHtml()));
        return copy(result.value());
    }

    /** The document as plain serializable maps and lists, which Pipeline keeps across restarts. */
    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), copy(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            ArrayList<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(copy(item)));
            return copy;
        }
        return value;
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        AgentStepHost running = host;
        if (running != null) {
            running.kill();
        }
        Future<?> submitted = task;
        if (submitted != null) {
            submitted.cancel(true);
        }
        getContext().onFailure(cause);
    }

    @Override
    public void onResume() {
        getContext().onFailure(new AbortException(step + ": Jenkins restarted while the step ran and its prescale"
                + " process did not survive; run the build again"));
    }

    @Override
    public String getStatus() {
        return host == null ? step + ": starting" : step + ": running prescale";
    }
}
