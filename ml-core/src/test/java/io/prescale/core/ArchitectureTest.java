package io.prescale.core;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The package rules of ml-core, kept by the build: no cycles between packages, and the order series → store →
 * (forecast, anomaly) → generate → (scale, tune), where a package uses only the packages before it ({@code tune}
 * may use {@code scale}); {@code nn} (the deep-learning plumbing) uses only {@code series} and is usable by the
 * model packages. Each rule is a method over a root package, run on the production classes and, to show that it
 * bites, on a test-only fixture package ({@code io.prescale.archfixture.core}) that breaks it on purpose.
 */
class ArchitectureTest {
    /** No cycle between the top-level packages under {@code root} (each with its subpackages). */
    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(false);
    }

    /** series → store → (forecast, anomaly) → generate → (scale, tune), nothing upward; nn beside the models. */
    static ArchRule layerOrder(String root) {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("series")
                .definedBy(root + ".series..")
                .optionalLayer("store")
                .definedBy(root + ".store..")
                .optionalLayer("nn")
                .definedBy(root + ".nn..")
                .optionalLayer("forecast")
                .definedBy(root + ".forecast..")
                .optionalLayer("anomaly")
                .definedBy(root + ".anomaly..")
                .optionalLayer("generate")
                .definedBy(root + ".generate..")
                .optionalLayer("scale")
                .definedBy(root + ".scale..")
                .optionalLayer("tune")
                .definedBy(root + ".tune..")
                .whereLayer("tune")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("scale")
                .mayOnlyBeAccessedByLayers("tune")
                .whereLayer("generate")
                .mayOnlyBeAccessedByLayers("scale", "tune")
                .whereLayer("forecast")
                .mayOnlyBeAccessedByLayers("generate", "scale", "tune")
                .whereLayer("anomaly")
                .mayOnlyBeAccessedByLayers("generate", "scale", "tune")
                .whereLayer("nn")
                .mayOnlyBeAccessedByLayers("forecast", "anomaly", "generate", "scale", "tune")
                .whereLayer("store")
                .mayOnlyBeAccessedByLayers("forecast", "anomaly", "generate", "scale", "tune")
                .whereLayer("series")
                .mayOnlyBeAccessedByLayers("store", "nn", "forecast", "anomaly", "generate", "scale", "tune");
    }

    private static final String CORE = "io.prescale.core";

    private static JavaClasses production;

    /** The production classes, imported once for all rules. */
    private static synchronized JavaClasses production() {
        if (production == null) {
            production = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages(CORE);
        }
        return production;
    }

    @Test
    void corePackagesHaveNoCycles() {
        noPackageCycles(CORE).check(production());
    }

    @Test
    void corePackagesKeepTheLayerOrder() {
        layerOrder(CORE).check(production());
    }

    /** The same rules on a fixture that breaks each of them: every rule must report its break. */
    @Nested
    class OnABrokenFixture {
        private static final String FIXTURE = "io.prescale.archfixture.core";
        private final JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE);

        @Test
        void theCycleRuleReportsTheCycleBetweenSeriesAndStore() {
            EvaluationResult result = noPackageCycles(FIXTURE).evaluate(fixture);
            assertThat(result.hasViolation()).isTrue();
            assertThat(result.getFailureReport().toString())
                    .contains("Cycle detected")
                    .contains("series")
                    .contains("store");
        }

        @Test
        void theLayerRuleReportsSeriesUsingStoreAndForecastUsingAnomaly() {
            EvaluationResult result = layerOrder(FIXTURE).evaluate(fixture);
            assertThat(result.hasViolation()).isTrue();
            assertThat(result.getFailureReport().getDetails())
                    .anyMatch(line -> line.contains("series.FixtureSeries") && line.contains("store.FixtureStore"))
                    .anyMatch(line ->
                            line.contains("forecast.FixtureForecaster") && line.contains("anomaly.FixtureDetector"))
                    .noneMatch(line -> line.startsWith("Method <" + FIXTURE + ".store.FixtureStore"));
        }
    }
}
