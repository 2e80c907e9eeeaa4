package baedal.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import baedal.order.OrderStatus;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Service;

/**
 * The module and package rules of the house style, checked on the assembled platform's classes. Every rule
 * names packages that must exist; a rule over nothing fails.
 */
class ModularityTests {

    private static final List<String> PACKAGES = List.of("baedal.kernel", "baedal.platform.web", "baedal.sharding",
            "baedal.catalog", "baedal.catalog.internal", "baedal.catalog.web", "baedal.order",
            "baedal.order.persistence", "baedal.order.web", "baedal.order.events", "baedal.order.retention", "baedal.outbox", "baedal.orderview",
            "baedal.orderview.persistence", "baedal.orderview.messaging", "baedal.orderview.rebuild", "baedal.orderview.web",
            "baedal.app");

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("baedal");
    }

    @Test
    void everyPackageTheRulesNameExists() {
        for (String name : PACKAGES) {
            assertThat(classes.containPackage(name)).as(name).isTrue();
            assertThat(classes.getPackage(name).getClasses()).as(name).isNotEmpty();
        }
    }

    @Test
    void hasNoCyclesBetweenContextsOrModules() {
        slices().matching("baedal.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void hasNoCyclesBetweenPackages() {
        slices().matching("baedal.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void callsTheCatalogOnlyThroughItsInterfaceModule() {
        noClasses().that().resideOutsideOfPackages("baedal.catalog.internal..", "baedal.catalog.web..")
                .should().dependOnClassesThat().resideInAnyPackage("baedal.catalog.internal..", "baedal.catalog.web..")
                .check(classes);
    }

    @Test
    void keepsTheOrderDomainFreeOfFrameworksAndAdapters() {
        noClasses().that().resideInAPackage("baedal.order").and().areNotAnnotatedWith(Service.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "baedal.order.web..", "baedal.order.persistence..", "tools.jackson..")
                .check(classes);
    }

    @Test
    void keepsTheApplicationServicesFreeOfWebAndSql() {
        noClasses().that().resideInAPackage("baedal.order")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.jdbc..",
                        "java.sql..", "baedal.order.web..", "baedal.order.persistence..")
                .check(classes);
    }

    @Test
    void keepsTheSharedKernelAndTheCatalogInterfaceDependencyFree() {
        noClasses().that().resideInAnyPackage("baedal.kernel..", "baedal.catalog")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "baedal.order..",
                        "baedal.sharding..", "baedal.platform..", "baedal.catalog.internal..")
                .check(classes);
    }

    @Test
    void keepsInfrastructureModulesIgnorantOfTheContexts() {
        noClasses().that().resideInAnyPackage("baedal.sharding..", "baedal.platform..", "baedal.outbox..")
                .should().dependOnClassesThat().resideInAnyPackage("baedal.order..", "baedal.orderview..",
                        "baedal.catalog..", "baedal.app..")
                .check(classes);
    }

    /**
     * The read model knows the order context only by its published events (the event types and the order
     * status they carry): never its aggregate, persistence, web layer, the shards or the outbox.
     */
    @Test
    void letsTheReadModelSeeTheOrderContextOnlyThroughItsEvents() {
        noClasses().that().resideInAPackage("baedal.orderview..")
                .should().dependOnClassesThat(resideInAPackage("baedal.order..")
                        .and(not(resideInAPackage("baedal.order.events..")))
                        .and(not(type(OrderStatus.class))))
                .orShould().dependOnClassesThat().resideInAnyPackage("baedal.sharding..", "baedal.outbox..",
                        "baedal.catalog..")
                .check(classes);
    }

    @Test
    void keepsTheOrderContextIgnorantOfItsReadModel() {
        noClasses().that().resideInAnyPackage("baedal.order..", "baedal.catalog..", "baedal.outbox..")
                .should().dependOnClassesThat().resideInAPackage("baedal.orderview..")
                .check(classes);
    }
}
