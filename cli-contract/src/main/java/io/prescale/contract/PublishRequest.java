package io.prescale.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code prescalePublish}: the policy to the actuator
 * ({@code prescale policy publish --url ACTUATOR --token-file F --file policy.json}) and the dashboards to Grafana
 * ({@code prescale grafana publish --url URL --grafana-token-file F [--folder NAME]}); either may be switched off.
 * Both tokens come from "secret text" credentials and reach the command as files.
 *
 * @param policy the policy file, or null when the policy is not published
 * @param actuatorUrl the actuator's API, or null when the policy is not published
 * @param actuatorCredentialsId credential of the actuator's bearer token
 * @param grafanaUrl Grafana's URL, or null when dashboards are not published
 * @param grafanaCredentialsId credential of the Grafana token
 * @param folder the Grafana folder, or null for the command's default
 */
public record PublishRequest(
        String policy,
        String actuatorUrl,
        String actuatorCredentialsId,
        String grafanaUrl,
        String grafanaCredentialsId,
        String folder)
        implements StepRequest {
    public static final String STEP = "prescalePublish";
    public static final Set<String> ARGUMENTS = Set.of(
            "policy",
            "publishPolicy",
            "dashboards",
            "actuatorUrl",
            "actuatorCredentialsId",
            "grafanaUrl",
            "grafanaCredentialsId",
            "folder");

    public PublishRequest {
        if (policy == null && grafanaUrl == null) {
            throw new StepFailure(STEP + ": nothing to publish: publishPolicy and dashboards are both false");
        }
    }

    public static PublishRequest from(Map<String, ?> arguments, PrescaleSettings settings) {
        StepArguments a = StepArguments.of(STEP, arguments, ARGUMENTS);
        String policy = null;
        String actuator = null;
        String actuatorCredentials = null;
        if (a.flag("publishPolicy", true)) {
            policy = a.text("policy", "prescale/policy.json");
            actuator = require(
                    PrescaleSettings.url(STEP, "actuatorUrl", a.text("actuatorUrl", settings.actuatorUrl())),
                    "no actuator URL: give actuatorUrl or set it in the Prescale settings (or publishPolicy: false)");
            actuatorCredentials = require(
                    a.text("actuatorCredentialsId", settings.actuatorCredentialsId()),
                    "no credential for the actuator token: give actuatorCredentialsId or set it in the Prescale"
                            + " settings");
        }
        String grafana = null;
        String grafanaCredentials = null;
        String folder = null;
        if (a.flag("dashboards", true)) {
            grafana = require(
                    PrescaleSettings.url(STEP, "grafanaUrl", a.text("grafanaUrl", settings.grafanaUrl())),
                    "no Grafana URL: give grafanaUrl or set it in the Prescale settings (or dashboards: false)");
            grafanaCredentials = require(
                    a.text("grafanaCredentialsId", settings.grafanaCredentialsId()),
                    "no credential for the Grafana token: give grafanaCredentialsId or set it in the Prescale settings");
            folder = a.text("folder", settings.grafanaFolder());
            PrescaleSettings.checkFolder(folder).ifPresent(problem -> {
                throw new StepFailure(STEP + ": argument 'folder' " + problem);
            });
        }
        return new PublishRequest(policy, actuator, actuatorCredentials, grafana, grafanaCredentials, folder);
    }

    private static String require(String value, String problem) {
        if (value == null) {
            throw new StepFailure(STEP + ": " + problem);
        }
        return value;
    }

    @Override
    public String step() {
        return STEP;
    }

    @Override
    public List<Invocation> invocations() {
        List<Invocation> runs = new ArrayList<>();
        if (policy != null) {
            runs.add(new Invocation(
                    "policy",
                    List.of("policy", "publish"),
                    new Invocation.Options()
                            .add("--url", actuatorUrl)
                            .add("--file", policy)
                            .words(),
                    List.of(SecretBinding.file(actuatorCredentialsId, "--token-file"))));
        }
        if (grafanaUrl != null) {
            runs.add(new Invocation(
                    "dashboards",
                    List.of("grafana", "publish"),
                    new Invocation.Options()
                            .add("--url", grafanaUrl)
                            .add("--folder", folder)
                            .words(),
                    List.of(SecretBinding.file(grafanaCredentialsId, "--grafana-token-file"))));
        }
        return List.copyOf(runs);
    }
}
