package id.webrana.cloud.bootstrap;

import java.sql.Connection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the start-up work has finished and {@code jdbc/webrana} answers. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    private static final String NAME = "database";

    @Inject
    ApplicationStartup startup;

    @Override
    public HealthCheckResponse call() {
        if (!startup.completed()) {
            return HealthCheckResponse.named(NAME).down().withData("reason", "start-up not finished").build();
        }
        try (Connection connection = ContainerDataSource.lookup().getConnection()) {
            boolean valid = connection.isValid(2);
            return HealthCheckResponse.named(NAME).status(valid).build();
        } catch (Exception e) {
            return HealthCheckResponse.named(NAME).down().withData("error", e.getClass().getSimpleName()).build(); // details in the log, not in a public answer
        }
    }
}
