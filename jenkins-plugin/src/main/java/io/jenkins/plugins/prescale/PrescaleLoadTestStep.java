package io.jenkins.plugins.prescale;

import hudson.Extension;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code prescaleLoadTest target: 'http://staging:8080/', rate: 20, duration: '1m'}: an open-model load test ({@code prescale loadtest}).
 * Arguments are those of {@code io.prescale.contract.LoadTestRequest}, which checks them.
 */
public final class PrescaleLoadTestStep extends PrescaleStep {
    private String target;
    private String profile;
    private Double rate;
    private String duration;
    private Double compress;
    private Double scale;
    private Double peakRps;
    private String arrivals;
    private Long connections;
    private String timeout;
    private String warmup;
    private Double stopOnErrorRate;
    private Long seed;

    @DataBoundConstructor
    public PrescaleLoadTestStep() {
        // every argument is optional here: the contract names the missing required ones
    }

    public String getTarget() {
        return target;
    }

    @DataBoundSetter
    public void setTarget(String target) {
        this.target = target;
    }

    public String getProfile() {
        return profile;
    }

    @DataBoundSetter
    public void setProfile(String profile) {
        this.profile = profile;
    }

    public Double getRate() {
        return rate;
    }

    @DataBoundSetter
    public void setRate(Double rate) {
        this.rate = rate;
    }

    public String getDuration() {
        return duration;
    }

    @DataBoundSetter
    public void setDuration(String duration) {
        this.duration = duration;
    }

    public Double getCompress() {
        return compress;
    }

    @DataBoundSetter
    public void setCompress(Double compress) {
        this.compress = compress;
    }

    public Double getScale() {
        return scale;
    }

    @DataBoundSetter
    public void setScale(Double scale) {
        this.scale = scale;
    }

    public Double getPeakRps() {
        return peakRps;
    }

    @DataBoundSetter
    public void setPeakRps(Double peakRps) {
        this.peakRps = peakRps;
    }

    public String getArrivals() {
        return arrivals;
    }

    @DataBoundSetter
    public void setArrivals(String arrivals) {
        this.arrivals = arrivals;
    }

    public Long getConnections() {
        return connections;
    }

    @DataBoundSetter
    public void setConnections(Long connections) {
        this.connections = connections;
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public String getWarmup() {
        return warmup;
    }

    @DataBoundSetter
    public void setWarmup(String warmup) {
        this.warmup = warmup;
    }

    public Double getStopOnErrorRate() {
        return stopOnErrorRate;
    }

    @DataBoundSetter
    public void setStopOnErrorRate(Double stopOnErrorRate) {
        this.stopOnErrorRate = stopOnErrorRate;
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
        return "prescaleLoadTest";
    }

    @Override
    protected Map<String, Object> arguments() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("target", target);
        arguments.put("profile", profile);
        arguments.put("rate", rate);
        arguments.put("duration", duration);
        arguments.put("compress", compress);
        arguments.put("scale", scale);
        arguments.put("peakRps", peakRps);
        arguments.put("arrivals", arrivals);
        arguments.put("connections", connections);
        arguments.put("timeout", timeout);
        arguments.put("warmup", warmup);
        arguments.put("stopOnErrorRate", stopOnErrorRate);
        arguments.put("seed", seed);
        return arguments;
    }

    @Extension
    @Symbol("prescaleLoadTest")
    public static final class DescriptorImpl extends PrescaleStepDescriptor {
        @Override
        public String getFunctionName() {
            return "prescaleLoadTest";
        }

        @Override
        public String getDisplayName() {
            return "Load-test with Prescale";
        }
    }
}
