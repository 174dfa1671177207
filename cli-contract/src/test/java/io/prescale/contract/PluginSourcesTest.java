package io.prescale.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Jenkins plugin is built only with {@code -Pjenkins}, never here; this test keeps its step classes in step
 * with the contract by reading their sources: each step's {@code @DataBoundSetter}s are exactly the contract's
 * argument names plus {@code tool}, its {@code @Symbol} and function name are the step's name, and it has a
 * snippet-generator form.
 */
class PluginSourcesTest {
    private static final Path PLUGIN = Path.of("../jenkins-plugin/src/main");
    private static final Map<String, String> CLASSES = Map.of(
            "prescaleCollect",
            "PrescaleCollectStep",
            "prescaleTrain",
            "PrescaleTrainStep",
            "prescaleGenerate",
            "PrescaleGenerateStep",
            "prescaleLoadTest",
            "PrescaleLoadTestStep",
            "prescaleTune",
            "PrescaleTuneStep",
            "prescalePublish",
            "PrescalePublishStep");

    static Set<String> steps() {
        return new TreeSet<>(StepRequests.STEPS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void stepClassTakesExactlyTheContractsArguments(String step) throws IOException {
        String className = CLASSES.get(step);
        String source = Files.readString(PLUGIN.resolve("java/io/jenkins/plugins/prescale/" + className + ".java"));

        Set<String> setters = new TreeSet<>();
        Matcher m = Pattern.compile("@DataBoundSetter\\s+public void set(\\w)(\\w*)\\(")
                .matcher(source);
        while (m.find()) {
            setters.add(m.group(1).toLowerCase(java.util.Locale.ROOT) + m.group(2));
        }
        assertThat(setters).containsExactlyInAnyOrderElementsOf(StepRequests.ARGUMENTS.get(step));
        assertThat(source).contains("@Symbol(\"" + step + "\")", "return \"" + step + "\";");
        assertThat(PLUGIN.resolve("resources/io/jenkins/plugins/prescale/" + className + "/config.jelly"))
                .isRegularFile();
        // "tool" comes from the base class
        assertThat(Files.readString(PLUGIN.resolve("java/io/jenkins/plugins/prescale/PrescaleStep.java")))
                .contains("public void setTool(String tool)");
    }
}
