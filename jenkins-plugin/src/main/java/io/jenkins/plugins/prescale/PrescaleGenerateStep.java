package io.jenkins.plugins.prescale;

import hudson.Extension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code prescaleGenerate input: 'prescale/history.csv', window: 1440}: trains the load model and samples typical and edge-case profiles ({@code prescale generate train|sample}).
 * Arguments are those of {@code io.prescale.contract.GenerateRequest}, which checks them.
 */
public final class PrescaleGenerateStep extends PrescaleStep {
    private String input;
    private String model;
    private Long window;
    private Long iterations;
    private String modelFile;
    private Long n;
    private Long edgeCases;
    private String edgeDetector;
    private Double seasonality;
    private Double trend;
    private Double noise;
    private Double peak;
    private List<String> events;
    private String out;
    private Long seed;

    @DataBoundConstructor
    public PrescaleGenerateStep() {
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

    public Long getWindow() {
        return window;
    }

    @DataBoundSetter
    public void setWindow(Long window) {
        this.window = window;
    }

    public Long getIterations() {
        return iterations;
    }

    @DataBoundSetter
    public void setIterations(Long iterations) {
        this.iterations = iterations;
    }

    public String getModelFile() {
        return modelFile;
    }

    @DataBoundSetter
    public void setModelFile(String modelFile) {
        this.modelFile = modelFile;
    }

    public Long getN() {
        return n;
    }

    @DataBoundSetter
    public void setN(Long n) {
        this.n = n;
    }

    public Long getEdgeCases() {
        return edgeCases;
    }

    @DataBoundSetter
    public void setEdgeCases(Long edgeCases) {
        this.edgeCases = edgeCases;
    }

    public String getEdgeDetector() {
        return edgeDetector;
    }

    @DataBoundSetter
    public void setEdgeDetector(String edgeDetector) {
        this.edgeDetector = edgeDetector;
    }

    public Double getSeasonality() {
        return seasonality;
    }

    @DataBoundSetter
    public void setSeasonality(Double seasonality) {
        this.seasonality = seasonality;
    }

    public Double getTrend() {
        return trend;
    }

    @DataBoundSetter
    public void setTrend(Double trend) {
        this.trend = trend;
    }

    public Double getNoise() {
        return noise;
    }

    @DataBoundSetter
    public void setNoise(Double noise) {
        this.noise = noise;
    }

    public Double getPeak() {
        return peak;
    }

    @DataBoundSetter
    public void setPeak(Double peak) {
        this.peak = peak;
    }

    public List<String> getEvents() {
        return events;
    }

    @DataBoundSetter
    public void setEvents(List<String> events) {
        this.events = events == null ? null : new ArrayList<>(events);
    }

    public String getOut() {
        return out;
    }

    @DataBoundSetter
    public void setOut(String out) {
        this.out = out;
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
        return "prescaleGenerate";
    }

    @Override
    protected Map<String, Object> arguments() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("input", input);
        arguments.put("model", model);
        arguments.put("window", window);
        arguments.put("iterations", iterations);
        arguments.put("modelFile", modelFile);
        arguments.put("n", n);
        arguments.put("edgeCases", edgeCases);
        arguments.put("edgeDetector", edgeDetector);
        arguments.put("seasonality", seasonality);
        arguments.put("trend", trend);
        arguments.put("noise", noise);
        arguments.put("peak", peak);
        arguments.put("events", events);
        arguments.put("out", out);
        arguments.put("seed", seed);
        return arguments;
    }

    @Extension
    @Symbol("prescaleGenerate")
    public static final class DescriptorImpl extends PrescaleStepDescriptor {
        @Override
        public String getFunctionName() {
            return "prescaleGenerate";
        }

        @Override
        public String getDisplayName() {
            return "Generate Prescale load profiles";
        }
    }
}
