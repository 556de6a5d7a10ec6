package id.webrana.cloud.arquillian;

import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Builds the Arquillian deployment from the packaged application, never from a list of its classes:
 *
 * <ol>
 *   <li>the EAR exactly as the build produced it ({@code app/target/webrana.ear}, copied by the pom to the path in
 *       the system property {@value #EAR_PROPERTY}) with its three wars and its {@code lib/} (domain, application,
 *       adapters, bootstrap and their third-party jars);</li>
 *   <li>plus one small web module, {@value #TEST_WAR}, holding this package (the test classes) and marked as the
 *       archive to test, so that Arquillian's servlet protocol adds its test runner servlet to it and its
 *       auxiliary jars (Arquillian, JUnit) to the EAR's {@code lib/};</li>
 *   <li>that module registered in {@code META-INF/application.xml} at {@value #TEST_CONTEXT_ROOT} (the EAR has a
 *       descriptor, so Liberty deploys only the modules it lists).</li>
 * </ol>
 *
 * The test war sees the EAR's {@code lib/} jars like the application's own wars, and being a CDI bean archive
 * (its {@code beans.xml}) it gets its own bean manager, through which Arquillian injects the application's
 * beans into the test instance.
 */
final class TestDeployments {

    static final String EAR_PROPERTY = "webrana.ear";
    static final String TEST_WAR = "arquillian-tests.war";
    static final String TEST_CONTEXT_ROOT = "/arquillian-tests";

    private static final String APPLICATION_XML = "META-INF/application.xml";

    private TestDeployments() {
    }

    static EnterpriseArchive applicationWithTestWar(Class<?> testClass) {
        File earFile = new File(System.getProperty(EAR_PROPERTY, "target/arquillian/webrana.ear"));
        if (!earFile.isFile()) {
            throw new IllegalStateException("No EAR to test at " + earFile.getAbsolutePath()
                    + ": build the reactor first (mvn install -DskipTests), or set -D" + EAR_PROPERTY);
        }
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, earFile);

        WebArchive testWar = ShrinkWrap.create(WebArchive.class, TEST_WAR)
                .addPackage(testClass.getPackage())
                .addAsWebInfResource(new StringAsset("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <beans xmlns="https://jakarta.ee/xml/ns/jakartaee"
                               xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                               xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/beans_4_0.xsd"
                               version="4.0" bean-discovery-mode="annotated">
                        </beans>
                        """), "beans.xml");
        ear.addAsModule(Testable.archiveToTest(testWar));

        String applicationXml = read(ear.get(APPLICATION_XML));
        String module = "  <module>\n    <web>\n      <web-uri>" + TEST_WAR + "</web-uri>\n      <context-root>"
                + TEST_CONTEXT_ROOT + "</context-root>\n    </web>\n  </module>\n";
        int insertAt = applicationXml.indexOf("<library-directory>");
        if (insertAt < 0) {
            insertAt = applicationXml.indexOf("</application>");
        }
        if (insertAt < 0) {
            throw new IllegalStateException("Unexpected " + APPLICATION_XML + " in " + earFile + ":\n" + applicationXml);
        }
        ear.delete(APPLICATION_XML);
        ear.setApplicationXML(new StringAsset(
                applicationXml.substring(0, insertAt) + module + applicationXml.substring(insertAt)));
        return ear;
    }

    private static String read(Node node) {
        if (node == null || node.getAsset() == null) {
            throw new IllegalStateException("The EAR has no " + APPLICATION_XML);
        }
        try (InputStream in = node.getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
