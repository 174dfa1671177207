package io.prescale.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where the {@code prescale} distribution is on an agent: its home holds {@code prescale.jar} beside
 * {@code lib/} (the packaged distribution), or is a source checkout with {@code cli/target/prescale.jar}.
 *
 * @param java the java command to run it with
 * @param jar the {@code prescale.jar}
 */
public record Tool(String java, String jar) {
    /** Jar locations tried under a tool home, in order. */
    public static List<String> jarCandidates(String home) {
        String base = home.endsWith("/") || home.endsWith("\\") ? home.substring(0, home.length() - 1) : home;
        String separator = base.contains("\\") && !base.contains("/") ? "\\" : "/";
        List<String> candidates = new ArrayList<>();
        if (base.endsWith(".jar")) {
            candidates.add(base);
        } else {
            candidates.add(base + separator + "prescale.jar");
            candidates.add(String.join(separator, base, "cli", "target", "prescale.jar"));
        }
        return List.copyOf(candidates);
    }

    /**
     * Finds the jar under {@code home} on {@code agent}; without a home, the jar named by the build's
     * {@code PRESCALE_JAR} (as the {@code ./prescale} launcher reads it).
     *
     * @param exists whether a path exists on the agent
     * @param environment the build's environment ({@code JAVA_HOME} picks the java command)
     * @throws StepFailure naming the agent and every place looked at
     */
    public static Tool locate(String agent, String home, Predicate<String> exists, Map<String, String> environment) {
        if (home == null || home.isBlank()) {
            String jar = environment == null ? null : environment.get("PRESCALE_JAR");
            if (jar != null && !jar.isBlank() && exists.test(jar.strip())) {
                return new Tool(javaCommand(environment), jar.strip());
            }
            throw new StepFailure("prescale is not installed on agent '" + agent + "': no Prescale tool is configured"
                    + " (Manage Jenkins > Tools > Prescale installations)"
                    + (jar == null || jar.isBlank()
                            ? " and PRESCALE_JAR is not set"
                            : " and PRESCALE_JAR=" + jar.strip() + " does not exist"));
        }
        List<String> candidates = jarCandidates(home.strip());
        for (String candidate : candidates) {
            if (exists.test(candidate)) {
                return new Tool(javaCommand(environment), candidate);
            }
        }
        throw new StepFailure(
                "prescale is not installed on agent '" + agent + "': looked for " + String.join(" and ", candidates));
    }

    /** {@code $JAVA_HOME/bin/java} when the build sets {@code JAVA_HOME}, else {@code java} from the PATH. */
    public static String javaCommand(Map<String, String> environment) {
        String javaHome = environment == null ? null : environment.get("JAVA_HOME");
        if (javaHome == null || javaHome.isBlank()) {
            return "java";
        }
        String separator = javaHome.contains("\\") && !javaHome.contains("/") ? "\\" : "/";
        String base = javaHome.endsWith(separator) ? javaHome.substring(0, javaHome.length() - 1) : javaHome;
        return base + separator + "bin" + separator + "java";
    }
}
