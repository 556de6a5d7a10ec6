package id.webrana.cloud.it;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dependency rules of the hexagon, checked on the compiled classes of every module of the
 * reactor (the wars' classes are not on any classpath, so they are imported from the modules'
 * build directories, which the reactor has built before this module).
 */
class HexagonalArchitectureIT {

    static final String ROOT = "id.webrana.cloud";
    static JavaClasses classes;

    @BeforeAll
    static void importAllModules() {
        Path top = Path.of(System.getProperty("it.reactor.root", ".."));
        List<Path> dirs = List.of("domain", "application", "adapters-out-persistence", "adapters-out-digitalocean",
                        "adapters-out-security", "adapters-out-tripay", "adapters-out-pdf", "adapters-out-notify", "adapters-in-rest", "adapters-in-faces", "bootstrap", "sandbox").stream()
                .map(m -> top.resolve(m).resolve("target/classes")).toList();
        dirs.forEach(d -> assertThat(Files.isDirectory(d)).as("compiled classes in " + d).isTrue());
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPaths(dirs);
        assertThat(classes.size()).isGreaterThan(100);
    }

    @Test
    void adapters_never_depend_on_each_other() {
        String[] adapters = {"adapter.out.persistence", "adapter.out.digitalocean", "adapter.out.security",
                "adapter.out.tripay", "adapter.out.pdf", "adapter.out.notify",
                "adapter.in.rest", "adapter.in.faces"};
        for (String a : adapters) {
            for (String b : adapters) {
                if (!a.equals(b)) {
                    noClasses().that().resideInAPackage(ROOT + "." + a + "..")
                            .should().dependOnClassesThat().resideInAPackage(ROOT + "." + b + "..")
                            .check(classes);
                }
            }
        }
    }

    @Test
    void only_the_persistence_adapter_touches_jpa() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".adapter.out.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.eclipse.persistence..")
                .check(classes);
    }

    @Test
    void inbound_adapters_use_the_application_through_port_in_only() {
        noClasses().that().resideInAPackage(ROOT + ".adapter.in..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".application.port.out..",
                        ROOT + ".application.service..", ROOT + ".bootstrap..")
                .check(classes);
    }

    @Test
    void the_core_depends_on_no_adapter_and_no_framework() {
        noClasses().that().resideInAnyPackage(ROOT + ".domain..", ROOT + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".adapter..", ROOT + ".bootstrap..",
                        ROOT + ".sandbox..", "jakarta..", "javax.persistence..", "org.eclipse..", "io.openliberty..")
                .check(classes);
    }

    @Test
    void the_simulator_shares_nothing_with_the_product() {
        noClasses().that().resideInAPackage(ROOT + ".sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".domain..", ROOT + ".application..",
                        ROOT + ".adapter..", ROOT + ".bootstrap..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage(ROOT + ".sandbox..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".sandbox..")
                .check(classes);
    }
}
