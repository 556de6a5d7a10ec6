package id.webrana.cloud.adapter.in.faces;

import java.util.Arrays;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.faces.application.ProjectStage;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sets the Faces project stage from {@code FACES_PROJECT_STAGE} (env var or any MicroProfile Config source;
 * {@code Production} when unset or unknown).
 *
 * <p>Why an initializer (registered in META-INF/services): Liberty does not substitute variables in web.xml;
 * MyFaces looks up {@code java:comp/env/jsf/ProjectStage} before Liberty has bound it; and MyFaces has read the
 * stage before any listener of this war runs. Initializers run earlier, so the context parameter set here counts.
 */
public class ProjectStageFromConfig implements ServletContainerInitializer {

    static final String CONFIG_KEY = "FACES_PROJECT_STAGE";

    private static final Logger LOG = Logger.getLogger(ProjectStageFromConfig.class.getName());

    @Override
    public void onStartup(Set<Class<?>> ignored, ServletContext context) {
        String configured = ConfigProvider.getConfig().getOptionalValue(CONFIG_KEY, String.class)
                .orElse(ProjectStage.Production.name()).trim();
        String stage = Arrays.stream(ProjectStage.values()).map(Enum::name)
                .filter(name -> name.equalsIgnoreCase(configured))
                .findFirst()
                .orElseGet(() -> {
                    LOG.warning(() -> CONFIG_KEY + "=" + configured + " is not a Faces project stage; using Production");
                    return ProjectStage.Production.name();
                });
        if (!context.setInitParameter(ProjectStage.PROJECT_STAGE_PARAM_NAME, stage)) {
            LOG.warning(() -> ProjectStage.PROJECT_STAGE_PARAM_NAME + " is fixed in web.xml; " + CONFIG_KEY + " ignored");
        } else if (!ProjectStage.Production.name().equals(stage)) {
            LOG.info(() -> "Faces project stage " + stage + " (from " + CONFIG_KEY + ")");
        }
    }
}
