package baedal.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The harness's packages, one per concern, depend on each other without cycles, and none of them on the benchmarks
 * in {@code baedal.bench}, which sit on top (the slices below leave that package out, so the second rule closes
 * the cycles a slice could otherwise form through it).
 */
class BenchPackagesTests {

    static final List<String> PACKAGES = List.of("measure", "identity", "cluster", "traffic", "fault", "audit",
            "baseline", "report", "runner");

    private static final JavaClasses HARNESS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("baedal.bench");

    @Test
    void everyNamedPackageHoldsClasses() {
        List<String> found = HARNESS.stream().map(JavaClass::getPackageName).distinct().toList();
        for (String name : PACKAGES) {
            assertThat(found).as("package baedal.bench." + name).contains("baedal.bench." + name);
        }
    }

    @Test
    void thePackagesAreFreeOfCycles() {
        slices().matching("baedal.bench.(*)..").should().beFreeOfCycles().check(HARNESS);
    }

    @Test
    void noPackageDependsOnTheBenchmarks() {
        noClasses().that().resideInAPackage("baedal.bench.*..").should().dependOnClassesThat()
                .resideInAPackage("baedal.bench").check(HARNESS);
    }
}
