package io.jenkins.plugins.prescale;

import hudson.Extension;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code prescalePublish()}: the policy to the actuator and the dashboards to Grafana ({@code prescale policy publish}, {@code prescale grafana publish}).
 * Arguments are those of {@code io.prescale.contract.PublishRequest}, which checks them.
 */
public final class PrescalePublishStep extends PrescaleStep {
    private String policy;
    private Boolean publishPolicy;
    private Boolean dashboards;
    private String actuatorUrl;
    private String actuatorCredentialsId;
    private String grafanaUrl;
    private String grafanaCredentialsId;
    private String folder;

    @DataBoundConstructor
    public PrescalePublishStep() {
        // every argument is optional here: the contract names the missing required ones
    }

    public String getPolicy() {
        return policy;
    }

    @DataBoundSetter
    public void setPolicy(String policy) {
        this.policy = policy;
    }

    public Boolean getPublishPolicy() {
        return publishPolicy;
    }

    @DataBoundSetter
    public void setPublishPolicy(Boolean publishPolicy) {
        this.publishPolicy = publishPolicy;
    }

    public Boolean getDashboards() {
        return dashboards;
    }

    @DataBoundSetter
    public void setDashboards(Boolean dashboards) {
        this.dashboards = dashboards;
    }

    public String getActuatorUrl() {
        return actuatorUrl;
    }

    @DataBoundSetter
    public void setActuatorUrl(String actuatorUrl) {
        this.actuatorUrl = actuatorUrl;
    }

    public String getActuatorCredentialsId() {
        return actuatorCredentialsId;
    }

    @DataBoundSetter
    public void setActuatorCredentialsId(String actuatorCredentialsId) {
        this.actuatorCredentialsId = actuatorCredentialsId;
    }

    public String getGrafanaUrl() {
        return grafanaUrl;
    }

    @DataBoundSetter
    public void setGrafanaUrl(String grafanaUrl) {
        this.grafanaUrl = grafanaUrl;
    }

    public String getGrafanaCredentialsId() {
        return grafanaCredentialsId;
    }

    @DataBoundSetter
    public void setGrafanaCredentialsId(String grafanaCredentialsId) {
        this.grafanaCredentialsId = grafanaCredentialsId;
    }

    public String getFolder() {
        return folder;
    }

    @DataBoundSetter
    public void setFolder(String folder) {
        this.folder = folder;
    }

    @Override
    protected String stepName() {
        return "prescalePublish";
    }

    @Override
    protected Map<String, Object> arguments() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("policy", policy);
        arguments.put("publishPolicy", publishPolicy);
        arguments.put("dashboards", dashboards);
        arguments.put("actuatorUrl", actuatorUrl);
        arguments.put("actuatorCredentialsId", actuatorCredentialsId);
        arguments.put("grafanaUrl", grafanaUrl);
        arguments.put("grafanaCredentialsId", grafanaCredentialsId);
        arguments.put("folder", folder);
        return arguments;
    }

    @Extension
    @Symbol("prescalePublish")
    public static final class DescriptorImpl extends PrescaleStepDescriptor {
        @Override
        public String getFunctionName() {
            return "prescalePublish";
        }

        @Override
        public String getDisplayName() {
            return "Publish the Prescale policy and dashboards";
        }
    }
}
