package id.webrana.cloud.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the JVM answers and has heap to spare; the database is readiness's business. */
@Liveness
@ApplicationScoped
public class ApplicationLivenessCheck implements HealthCheck {

    /** Below this share of free heap (after what the JVM may still grow to) the process is not healthy. */
    private static final double MIN_FREE_HEAP = 0.02;

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        long max = runtime.maxMemory();
        double free = 1.0 - (double) used / max;
        return HealthCheckResponse.named("application")
                .status(free >= MIN_FREE_HEAP)
                .withData("heapUsedMb", used / (1024 * 1024))
                .withData("heapMaxMb", max / (1024 * 1024))
                .build();
    }
}
