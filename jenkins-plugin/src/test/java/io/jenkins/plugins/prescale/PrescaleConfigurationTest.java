package io.jenkins.plugins.prescale;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.util.FormValidation;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The global settings: kept through the configuration form, checked by the contract's rules. */
@WithJenkins
class PrescaleConfigurationTest {
    @Test
    void settingsSurviveTheConfigurationForm(JenkinsRule j) throws Exception {
        PrescaleConfiguration configuration = PrescaleConfiguration.get();
        configuration.setActuatorUrl("http://actuator.service.consul:9464");
        configuration.setGrafanaUrl("https://grafana.example");
        configuration.setGrafanaFolder("Prescale");
        configuration.setPrometheusUrl("http://prometheus:9090");
        j.configRoundtrip();

        assertThat(PrescaleConfiguration.get().toSettings().actuatorUrl()).isEqualTo("http://actuator.service.consul:9464");
        assertThat(PrescaleConfiguration.get().toSettings().grafanaFolder()).isEqualTo("Prescale");
        assertThat(PrescaleConfiguration.get().toSettings().prometheusUrl()).isEqualTo("http://prometheus:9090");
    }

    @Test
    void formValidationRejectsWhatTheStepsWouldReject(JenkinsRule j) {
        PrescaleConfiguration configuration = PrescaleConfiguration.get();
        assertThat(configuration.doCheckActuatorUrl("").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(configuration.doCheckActuatorUrl("ftp://actuator").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(configuration.doCheckGrafanaUrl("https://user:pw@grafana").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(configuration.doCheckGrafanaFolder("x".repeat(300)).kind).isEqualTo(FormValidation.Kind.ERROR);
    }
}
