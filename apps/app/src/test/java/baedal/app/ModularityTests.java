package baedal.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import baedal.kernel.catalogue.Catalogues;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Service;

/**
 * The module and package rules of the house style (docs/adr/0008-module-layout.md), checked on the Maven
 * modules as their poms declare them and on the assembled platform's classes. Every rule names modules or
 * packages that must exist; a rule over nothing fails.
 */
class ModularityTests {

    private static final List<String> PACKAGES = List.of("baedal.kernel", "baedal.platform.web", "baedal.sharding",
            "baedal.catalog", "baedal.catalog.internal", "baedal.catalog.web", "baedal.order",
            "baedal.order.persistence", "baedal.order.web", "baedal.order.events", "baedal.kernel.catalogue", "baedal.order.retention", "baedal.outbox", "baedal.orderview",
            "baedal.orderview.persistence", "baedal.orderview.messaging", "baedal.orderview.rebuild", "baedal.orderview.web",
            "baedal.identity", "baedal.identity.issuer", "baedal.identity.token", "baedal.identity.web",
            "baedal.identity.secrets", "baedal.identity.masking", "baedal.identity.audit", "baedal.flags", "baedal.app");

    /** The order context's implementation packages (module {@code order}); its published language is apart. */
    private static final String[] ORDER_CONTEXT = {"baedal.order", "baedal.order.persistence..",
            "baedal.order.web..", "baedal.order.retention.."};

    private static final Set<String> KINDS = Set.of("platform", "contexts", "apps", "tools");

    static JavaClasses classes;
    static MavenModules modules;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("baedal");
        modules = MavenModules.read();
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
        noClasses().that().resideInAnyPackage("baedal.sharding..", "baedal.platform..", "baedal.outbox..",
                        "baedal.identity..", "baedal.flags..")
                .should().dependOnClassesThat().resideInAnyPackage("baedal.order..", "baedal.orderview..",
                        "baedal.catalog..", "baedal.app..")
                .check(classes);
    }

    /**
     * Consumers of order events know the order context only by its published language ({@code order-events}:
     * envelope, document, catalogue, status vocabulary): never its aggregate, persistence, web layer, the
     * shards or the outbox.
     */
    @Test
    void letsConsumersOfOrderEventsSeeOnlyThePublishedLanguage() {
        noClasses().that().resideOutsideOfPackages(ORDER_CONTEXT).and().resideOutsideOfPackage("baedal.app..")
                .should().dependOnClassesThat().resideInAnyPackage(ORDER_CONTEXT)
                .check(classes);
        noClasses().that().resideInAPackage("baedal.orderview..")
                .should().dependOnClassesThat().resideInAnyPackage("baedal.sharding..", "baedal.outbox..",
                        "baedal.catalog..")
                .check(classes);
    }

    @Test
    void keepsThePublishedLanguageFreeOfTheOrderContextAndFrameworks() {
        noClasses().that().resideInAPackage("baedal.order.events..")
                .should().dependOnClassesThat().resideInAnyPackage(ORDER_CONTEXT)
                .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework..", "tools.jackson..",
                        "baedal.sharding..", "baedal.outbox..", "baedal.platform..")
                .check(classes);
    }

    @Test
    void keepsTheOrderContextIgnorantOfItsReadModel() {
        noClasses().that().resideInAnyPackage("baedal.order..", "baedal.catalog..", "baedal.outbox..")
                .should().dependOnClassesThat().resideInAPackage("baedal.orderview..")
                .check(classes);
    }

    @Test
    void groupsEveryModuleByKind() {
        assertThat(modules.byArtifact()).isNotEmpty();
        modules.byArtifact().values().forEach(module -> assertThat(KINDS).as(module.artifactId()).contains(module.kind()));
        KINDS.forEach(kind -> assertThat(modules.ofKind(kind)).as(kind).isNotEmpty());
    }

    @Test
    void keepsThePlatformModulesIgnorantOfContextsAppsAndTools() {
        for (MavenModules.Module module : modules.ofKind("platform")) {
            for (MavenModules.Dependency dependency : module.dependencies()) {
                assertThat(modules.get(dependency.artifactId()).kind())
                        .as("%s depends on %s", module.artifactId(), dependency.artifactId()).isEqualTo("platform");
            }
        }
    }

    /** A context uses another context only through its interface ({@code -api}) or events ({@code -events}) module. */
    @Test
    void letsContextsUseOtherContextsOnlyThroughTheirApiAndEventsModules() {
        int crossings = 0;
        for (MavenModules.Module module : modules.ofKind("contexts")) {
            for (MavenModules.Dependency dependency : module.dependencies()) {
                MavenModules.Module used = modules.get(dependency.artifactId());
                assertThat(used.kind()).as("%s depends on %s", module.artifactId(), used.artifactId())
                        .isIn("platform", "contexts");
                if (used.kind().equals("contexts") && !dependency.scope().equals("test")) {
                    assertThat(used.artifactId()).as("%s depends on %s", module.artifactId(), used.artifactId())
                            .matches(".*-(api|events)");
                    crossings++;
                }
            }
        }
        assertThat(crossings).as("dependencies between contexts that the rule checked").isPositive();
    }

    @Test
    void letsConsumersOfOrderEventsDependOnOrderEventsNeverOnOrder() {
        assertThat(modules.get("order-view").dependencies()).extracting(MavenModules.Dependency::artifactId)
                .contains("order-events").doesNotContain("order");
        assertThat(modules.get("order").dependencies()).extracting(MavenModules.Dependency::artifactId)
                .contains("order-events");
    }

    /** Where {@code X-api} exists, {@code X} (its implementation) is a runtime-only dependency of whoever uses it. */
    @Test
    void makesImplementationsRuntimeOnlyWhereAnInterfaceModuleExists() {
        List<String> implementations = modules.byArtifact().keySet().stream()
                .filter(name -> name.endsWith("-api"))
                .map(name -> name.substring(0, name.length() - "-api".length()))
                .filter(modules.byArtifact()::containsKey)
                .toList();
        assertThat(implementations).as("implementation modules with an interface module").isNotEmpty();
        for (MavenModules.Module module : modules.byArtifact().values()) {
            if (module.kind().equals("tools")) {
                continue;
            }
            for (MavenModules.Dependency dependency : module.dependencies()) {
                if (implementations.contains(dependency.artifactId())) {
                    assertThat(dependency.scope()).as("%s depends on %s", module.artifactId(), dependency.artifactId())
                            .isIn("runtime", "test");
                }
            }
        }
    }

    @Test
    void keepsToolsOffEveryOtherModulesClassPath() {
        for (MavenModules.Module module : modules.byArtifact().values()) {
            if (module.kind().equals("tools")) {
                continue;
            }
            for (MavenModules.Dependency dependency : module.dependencies()) {
                assertThat(modules.get(dependency.artifactId()).kind())
                        .as("%s depends on %s", module.artifactId(), dependency.artifactId()).isNotEqualTo("tools");
            }
        }
    }

    /** Every context's declarations load from the assembled class path and their links hold. */
    @Test
    void declaresEveryContextInOnePlatformCatalogue() {
        Catalogues catalogues = Catalogues.load(getClass().getClassLoader());

        assertThat(catalogues.contexts()).contains("order", "order-view");
        assertThat(catalogues.context("order").events()).isNotEmpty();
        assertThat(catalogues.context("order").commands()).isNotEmpty();
        assertThat(catalogues.context("order-view").readModels()).isNotEmpty();
    }
}
