package baedal.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module's own layout: the public API ({@code baedal.identity}) depends on none of the module's other packages,
 * the {@link Caller} and its vocabulary on no framework, no package cycles, and no context anywhere.
 */
class IdentityModularityTests {

    static final List<String> PACKAGES = List.of("baedal.identity", "baedal.identity.token", "baedal.identity.web",
            "baedal.identity.issuer", "baedal.identity.secrets", "baedal.identity.masking");

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("baedal.identity");
    }

    @Test
    void everyPackageTheRulesNameExists() {
        PACKAGES.forEach(name -> assertThat(classes.getPackage(name).getClasses()).as(name).isNotEmpty());
    }

    @Test
    void hasNoCyclesBetweenPackages() {
        slices().matching("baedal.identity.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theApiPackageDependsOnNoneOfTheModulesInternals() {
        noClasses().that().resideInAPackage("baedal.identity")
                .should().dependOnClassesThat().resideInAnyPackage("baedal.identity.*..")
                .check(classes);
    }

    @Test
    void theCallerAndItsVocabularyKnowNoFramework() {
        noClasses().that().haveSimpleName("Caller").or().haveSimpleName("Role").or().haveSimpleName("Access")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.nimbusds..",
                        "tools.jackson..", "jakarta..")
                .check(classes);
    }

    @Test
    void knowsNoContext() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("baedal.order..", "baedal.orderview..",
                        "baedal.catalog..", "baedal.app..", "baedal.sharding..", "baedal.outbox..", "baedal.embedded..")
                .check(classes);
    }
}
