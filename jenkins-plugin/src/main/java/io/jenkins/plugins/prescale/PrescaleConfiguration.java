package io.jenkins.plugins.prescale;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.Extension;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.security.ACL;
import io.prescale.contract.PrescaleSettings;
import java.util.List;
import java.util.Optional;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The site settings of the Prescale steps (Manage Jenkins > System > Prescale; Configuration as Code key
 * {@code unclassified: prescale:}): the addresses of the actuator, Grafana, Prometheus and Nomad, and the IDs of the
 * "secret text" credentials holding their tokens. Values are checked by the contract's rules.
 */
@Extension
@Symbol("prescale")
public final class PrescaleConfiguration extends GlobalConfiguration {
    private String actuatorUrl;
    private String actuatorCredentialsId;
    private String grafanaUrl;
    private String grafanaCredentialsId;
    private String grafanaFolder;
    private String prometheusUrl;
    private String prometheusCredentialsId;
    private String nomadUrl;
    private String nomadCredentialsId;

    public PrescaleConfiguration() {
        load();
    }

    public static PrescaleConfiguration get() {
        PrescaleConfiguration configuration = GlobalConfiguration.all().get(PrescaleConfiguration.class);
        if (configuration == null) {
            throw new IllegalStateException("the Prescale configuration is not registered");
        }
        return configuration;
    }

    /** The settings as the contract reads them. */
    public PrescaleSettings toSettings() {
        return new PrescaleSettings(actuatorUrl, actuatorCredentialsId, grafanaUrl, grafanaCredentialsId, grafanaFolder,
                prometheusUrl, prometheusCredentialsId, nomadUrl, nomadCredentialsId);
    }

    public String getActuatorUrl() {
        return actuatorUrl;
    }

    @DataBoundSetter
    public void setActuatorUrl(String actuatorUrl) {
        this.actuatorUrl = actuatorUrl;
        save();
    }

    public String getActuatorCredentialsId() {
        return actuatorCredentialsId;
    }

    @DataBoundSetter
    public void setActuatorCredentialsId(String actuatorCredentialsId) {
        this.actuatorCredentialsId = actuatorCredentialsId;
        save();
    }

    public String getGrafanaUrl() {
        return grafanaUrl;
    }

    @DataBoundSetter
    public void setGrafanaUrl(String grafanaUrl) {
        this.grafanaUrl = grafanaUrl;
        save();
    }

    public String getGrafanaCredentialsId() {
        return grafanaCredentialsId;
    }

    @DataBoundSetter
    public void setGrafanaCredentialsId(String grafanaCredentialsId) {
        this.grafanaCredentialsId = grafanaCredentialsId;
        save();
    }

    public String getGrafanaFolder() {
        return grafanaFolder;
    }

    @DataBoundSetter
    public void setGrafanaFolder(String grafanaFolder) {
        this.grafanaFolder = grafanaFolder;
        save();
    }

    public String getPrometheusUrl() {
        return prometheusUrl;
    }

    @DataBoundSetter
    public void setPrometheusUrl(String prometheusUrl) {
        this.prometheusUrl = prometheusUrl;
        save();
    }

    public String getPrometheusCredentialsId() {
        return prometheusCredentialsId;
    }

    @DataBoundSetter
    public void setPrometheusCredentialsId(String prometheusCredentialsId) {
        this.prometheusCredentialsId = prometheusCredentialsId;
        save();
    }

    public String getNomadUrl() {
        return nomadUrl;
    }

    @DataBoundSetter
    public void setNomadUrl(String nomadUrl) {
        this.nomadUrl = nomadUrl;
        save();
    }

    public String getNomadCredentialsId() {
        return nomadCredentialsId;
    }

    @DataBoundSetter
    public void setNomadCredentialsId(String nomadCredentialsId) {
        this.nomadCredentialsId = nomadCredentialsId;
        save();
    }

    @POST
    public FormValidation doCheckActuatorUrl(@QueryParameter String value) {
        return url(value);
    }

    @POST
    public FormValidation doCheckGrafanaUrl(@QueryParameter String value) {
        return url(value);
    }

    @POST
    public FormValidation doCheckPrometheusUrl(@QueryParameter String value) {
        return url(value);
    }

    @POST
    public FormValidation doCheckNomadUrl(@QueryParameter String value) {
        return url(value);
    }

    @POST
    public FormValidation doCheckGrafanaFolder(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return validation(PrescaleSettings.checkFolder(value));
    }

    public ListBoxModel doFillActuatorCredentialsIdItems(@QueryParameter String actuatorCredentialsId) {
        return secretTexts(actuatorCredentialsId);
    }

    public ListBoxModel doFillGrafanaCredentialsIdItems(@QueryParameter String grafanaCredentialsId) {
        return secretTexts(grafanaCredentialsId);
    }

    public ListBoxModel doFillPrometheusCredentialsIdItems(@QueryParameter String prometheusCredentialsId) {
        return secretTexts(prometheusCredentialsId);
    }

    public ListBoxModel doFillNomadCredentialsIdItems(@QueryParameter String nomadCredentialsId) {
        return secretTexts(nomadCredentialsId);
    }

    private static FormValidation url(String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return validation(PrescaleSettings.checkUrl(value));
    }

    private static FormValidation validation(Optional<String> problem) {
        return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
    }

    /** The "secret text" credentials of the Jenkins root, for administrators only. */
    private static ListBoxModel secretTexts(String current) {
        Jenkins jenkins = Jenkins.get();
        if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
            return new StandardListBoxModel().includeCurrentValue(current == null ? "" : current);
        }
        return new StandardListBoxModel().includeEmptyValue()
                .includeAs(ACL.SYSTEM2, jenkins, StringCredentials.class, List.of())
                .includeCurrentValue(current == null ? "" : current);
    }
}
