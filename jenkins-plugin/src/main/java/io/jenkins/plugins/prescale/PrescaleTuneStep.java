package io.jenkins.plugins.prescale;

import hudson.Extension;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code prescaleTune space: 'space.yaml', profiles: 'prescale/profiles.json', target: 'nomad:web-staging/api'}: learns a scaling policy from real load tests ({@code prescale tune}).
 * Arguments are those of {@code io.prescale.contract.TuneRequest}, which checks them.
 */
public final class PrescaleTuneStep extends PrescaleStep {
    private String space;
    private String profiles;
    private String target;
    private Long budget;
    private Long bands;
    private Double peakRps;
    private String trialDuration;
    private String out;
    private String resume;
    private String nomadUrl;
    private String nomadCredentialsId;
    private Long seed;

    @DataBoundConstructor
    public PrescaleTuneStep() {
        // every argument is optional here: the contract names the missing required ones
    }

    public String getSpace() {
        return space;
    }

    @DataBoundSetter
    public void setSpace(String space) {
        this.space = space;
    }

    public String getProfiles() {
        return profiles;
    }

    @DataBoundSetter
    public void setProfiles(String profiles) {
        this.profiles = profiles;
    }

    public String getTarget() {
        return target;
    }

    @DataBoundSetter
    public void setTarget(String target) {
        this.target = target;
    }

    public Long getBudget() {
        return budget;
    }

    @DataBoundSetter
    public void setBudget(Long budget) {
        this.budget = budget;
    }

    public Long getBands() {
        return bands;
    }

    @DataBoundSetter
    public void setBands(Long bands) {
        this.bands = bands;
    }

    public Double getPeakRps() {
        return peakRps;
    }

    @DataBoundSetter
    public void setPeakRps(Double peakRps) {
        this.peakRps = peakRps;
    }

    public String getTrialDuration() {
        return trialDuration;
    }

    @DataBoundSetter
    public void setTrialDuration(String trialDuration) {
        this.trialDuration = trialDuration;
    }

    public String getOut() {
        return out;
    }

    @DataBoundSetter
    public void setOut(String out) {
        this.out = out;
    }

    public String getResume() {
        return resume;
    }

    @DataBoundSetter
    public void setResume(String resume) {
        this.resume = resume;
    }

    public String getNomadUrl() {
        return nomadUrl;
    }

    @DataBoundSetter
    public void setNomadUrl(String nomadUrl) {
        this.nomadUrl = nomadUrl;
    }

    public String getNomadCredentialsId() {
        return nomadCredentialsId;
    }

    @DataBoundSetter
    public void setNomadCredentialsId(String nomadCredentialsId) {
        this.nomadCredentialsId = nomadCredentialsId;
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
        return "prescaleTune";
    }

    @Override
    protected Map<String, Object> arguments() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("space", space);
        arguments.put("profiles", profiles);
        arguments.put("target", target);
        arguments.put("budget", budget);
        arguments.put("bands", bands);
        arguments.put("peakRps", peakRps);
        arguments.put("trialDuration", trialDuration);
        arguments.put("out", out);
        arguments.put("resume", resume);
        arguments.put("nomadUrl", nomadUrl);
        arguments.put("nomadCredentialsId", nomadCredentialsId);
        arguments.put("seed", seed);
        return arguments;
    }

    @Extension
    @Symbol("prescaleTune")
    public static final class DescriptorImpl extends PrescaleStepDescriptor {
        @Override
        public String getFunctionName() {
            return "prescaleTune";
        }

        @Override
        public String getDisplayName() {
            return "Tune the Prescale scaling policy";
        }
    }
}
