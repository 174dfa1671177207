package io.prescale.cli;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the cli, kept by the build: the root package (wiring) → {@code demo} → feature packages →
 * {@code input} → {@code base}, no cycles between packages, and no feature package that imports another feature
 * package or {@code demo}. Every package under the root that is not {@code demo}, {@code input} or {@code base}
 * is a feature package, so a new feature is covered without editing this test. Each rule is a method over a root
 * package, run on the production classes and, to show that it bites, on a test-only fixture package
 * ({@code io.prescale.archfixture.cli}) that breaks it on purpose.
 */
class ArchitectureTest {
    private static final Set<String> NOT_FEATURES = Set.of("demo", "input", "base");

    /** No cycle between the packages under {@code root} (a feature package counts with its subpackages). */
    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(false);
    }

    /** root → demo → features → input → base, each layer using only the layers after it. */
    static ArchRule layerOrder(String root) {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("root")
                .definedBy(root)
                .layer("demo")
                .definedBy(root + ".demo..")
                .layer("features")
                .definedBy(featureClasses(root))
                .layer("input")
                .definedBy(root + ".input..")
                .layer("base")
                .definedBy(root + ".base..")
                .whereLayer("root")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("demo")
                .mayOnlyBeAccessedByLayers("root")
                .whereLayer("features")
                .mayOnlyBeAccessedByLayers("root", "demo")
                .whereLayer("input")
                .mayOnlyBeAccessedByLayers("root", "demo", "features")
                .whereLayer("base")
                .mayOnlyBeAccessedByLayers("root", "demo", "features", "input");
    }

    /** A feature package uses no other feature package. */
    static ArchRule featuresIndependent(String root) {
        return slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                        String feature = featureOf(root, javaClass.getPackageName());
                        return feature == null ? SliceIdentifier.ignore() : SliceIdentifier.of("feature " + feature);
                    }

                    @Override
                    public String getDescription() {
                        return "feature packages of " + root;
                    }
                })
                .should()
                .notDependOnEachOther();
    }

    private static DescribedPredicate<JavaClass> featureClasses(String root) {
        return DescribedPredicate.describe(
                "feature packages of " + root, javaClass -> featureOf(root, javaClass.getPackageName()) != null);
    }

    /** The feature a package belongs to, or null for the root, {@code demo}, {@code input}, {@code base}. */
    private static String featureOf(String root, String packageName) {
        if (!packageName.startsWith(root + ".")) {
            return null;
        }
        String first = packageName.substring(root.length() + 1).split("\\.")[0];
        return NOT_FEATURES.contains(first) ? null : first;
    }

    private static final String CLI = "io.prescale.cli";

    private static JavaClasses production;

    /** The production classes, imported once for all rules. */
    private static synchronized JavaClasses production() {
        if (production == null) {
            production = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages(CLI);
        }
        return production;
    }

    @Test
    void cliPackagesHaveNoCycles() {
        noPackageCycles(CLI).check(production());
    }

    @Test
    void cliPackagesKeepTheLayerOrder() {
        layerOrder(CLI).check(production());
    }

    @Test
    void cliFeaturePackagesDoNotUseEachOther() {
        featuresIndependent(CLI).check(production());
    }

    /** The same rules on a fixture that breaks each of them: every rule must report its break. */
    @Nested
    class OnABrokenFixture {
        private static final String FIXTURE = "io.prescale.archfixture.cli";
        private final JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE);

        @Test
        void theCycleRuleReportsTheCycleBetweenTwoFeatures() {
            EvaluationResult result = noPackageCycles(FIXTURE).evaluate(fixture);
            assertThat(result.hasViolation()).isTrue();
            assertThat(result.getFailureReport().toString())
                    .contains("Cycle detected")
                    .contains("alpha")
                    .contains("beta");
        }

        @Test
        void theLayerRuleReportsBaseUsingInputAndAFeatureUsingDemo() {
            EvaluationResult result = layerOrder(FIXTURE).evaluate(fixture);
            assertThat(result.hasViolation()).isTrue();
            assertThat(result.getFailureReport().getDetails())
                    .anyMatch(line -> line.contains("base.BaseThing") && line.contains("input.InputThing"))
                    .anyMatch(line -> line.contains("alpha.AlphaCommand") && line.contains("demo.DemoThing"));
        }

        @Test
        void theFeatureRuleReportsOneFeatureUsingAnother() {
            EvaluationResult result = featuresIndependent(FIXTURE).evaluate(fixture);
            assertThat(result.hasViolation()).isTrue();
            assertThat(result.getFailureReport().toString())
                    .contains("alpha.AlphaCommand")
                    .contains("beta.BetaCommand");
        }
    }
}
