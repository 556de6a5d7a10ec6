package id.webrana.cloud.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hexagon's core is pure Java: the domain knows only the JDK and itself; the application
 * knows only the JDK, the domain and itself; neither knows any framework. Ports do not know the
 * services that implement them.
 */
class CoreArchitectureTest {

    private static final String DOMAIN = "id.webrana.cloud.domain..";
    private static final String APPLICATION = "id.webrana.cloud.application..";

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("id.webrana.cloud.domain", "id.webrana.cloud.application");
    }

    @Test
    void the_core_classes_were_found() {
        assertThat(core.stream().filter(c -> c.getPackageName().startsWith("id.webrana.cloud.domain"))).isNotEmpty();
        assertThat(core.stream().filter(c -> c.getPackageName().startsWith("id.webrana.cloud.application")))
                .isNotEmpty();
        assertThat(core.contain("id.webrana.cloud.domain.order.Order")).isTrue();
        assertThat(core.contain("id.webrana.cloud.application.service.ProvisioningService")).isTrue();
        // test code (fakes) is not part of the core
        assertThat(core.stream().noneMatch(c -> c.getPackageName().contains(".fakes"))).isTrue();
    }

    @Test
    void the_domain_depends_only_on_the_jdk_and_itself() {
        classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
                .check(core);
    }

    @Test
    void the_application_depends_only_on_the_jdk_the_domain_and_itself() {
        classes().that().resideInAPackage(APPLICATION)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, APPLICATION)
                .check(core);
    }

    @Test
    void the_domain_does_not_know_the_application() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAPackage(APPLICATION)
                .check(core);
    }

    @Test
    void the_core_knows_no_framework() {
        noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta..", "javax..", "org.eclipse..", "org.hibernate..", "org.springframework..",
                        "com.fasterxml..", "org.postgresql..", "liquibase..", "org.primefaces..", "org.jose4j..",
                        "at.favre..", "org.slf4j..", "org.apache..", "io.openliberty..", "com.ibm..", "java.sql..",
                        "java.net.http..", "java.awt..", "javax.swing..")
                .check(core);
    }

    @Test
    void ports_do_not_know_the_services() {
        noClasses().that().resideInAPackage("id.webrana.cloud.application.port..")
                .should().dependOnClassesThat().resideInAPackage("id.webrana.cloud.application.service..")
                .check(core);
    }

    @Test
    void inbound_and_outbound_ports_are_separate() {
        noClasses().that().resideInAPackage("id.webrana.cloud.application.port.out..")
                .should().dependOnClassesThat().resideInAPackage("id.webrana.cloud.application.port.in..")
                .check(core);
    }
}
