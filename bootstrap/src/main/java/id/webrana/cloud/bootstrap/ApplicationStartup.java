package id.webrana.cloud.bootstrap;

import java.util.Optional;
import java.util.logging.Logger;

import id.webrana.cloud.adapter.out.persistence.LiquibaseMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Start-up work: create the database if missing, migrate it, say where to go.
 *
 * <p>This bean lives in the EAR's {@code lib/}, so there is one instance for the whole application, but the
 * {@code @Initialized(ApplicationScoped.class)} event may arrive once per web module: the work runs on the first
 * event only, later events wait for it (and fail the same way if it failed).
 */
@ApplicationScoped
public class ApplicationStartup {

    private static final Logger LOG = Logger.getLogger(ApplicationStartup.class.getName());

    @Inject
    @ConfigProperty(name = "DB_HOST", defaultValue = "127.0.0.1")
    String dbHost;

    @Inject
    @ConfigProperty(name = "DB_PORT", defaultValue = "5432")
    int dbPort;

    @Inject
    @ConfigProperty(name = "DB_NAME", defaultValue = "webrana")
    String dbName;

    @Inject
    @ConfigProperty(name = "DB_USER", defaultValue = "postgres")
    String dbUser;

    /** Optional: MicroProfile Config treats an empty value as missing (trust authentication needs none). */
    @Inject
    @ConfigProperty(name = "DB_PASSWORD")
    Optional<String> dbPassword;

    @Inject
    @ConfigProperty(name = "SEED_DEMO", defaultValue = "true")
    boolean seedDemo;

    @Inject
    @ConfigProperty(name = "webrana.base.url", defaultValue = "http://localhost:9080")
    String baseUrl;

    private boolean attempted;
    private RuntimeException failure;
    private volatile boolean completed;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        ensureStarted();
    }

    /**
     * Creates and migrates the database unless that already happened; for beans whose own start-up
     * needs the schema (observer order is not guaranteed). Fails again the same way if it failed.
     */
    public synchronized void ensureStarted() {
        if (attempted) {
            if (failure != null) {
                throw failure;
            }
            return;
        }
        attempted = true;
        try {
            run();
            completed = true;
        } catch (RuntimeException e) {
            failure = e;
            LOG.severe(() -> "WeBrana Cloud did not start: " + e.getMessage());
            throw e;
        }
    }

    /** True once the database exists and its schema is current. */
    public boolean completed() {
        return completed;
    }

    /** Real servers must not be handed out for payments the built-in Tripay simulator "confirmed". */
    @Inject
    @ConfigProperty(name = "DO_ACCESS_TOKEN")
    java.util.Optional<String> digitalOceanToken;
    @Inject
    @ConfigProperty(name = "TRIPAY_API_KEY")
    java.util.Optional<String> tripayApiKey;
    @Inject
    @ConfigProperty(name = "ALLOW_SIMULATED_PAYMENTS", defaultValue = "false")
    boolean allowSimulatedPayments;

    /**
     * With a real DigitalOcean token but no Tripay key, anyone could "pay" in the public simulator (or sign
     * a callback with its published key) and get a real droplet: refuse to start unless explicitly allowed.
     */
    static void refuseSimulatedPaymentsForRealServers(boolean realProvider, boolean realGateway, boolean allowed) {
        if (realProvider && !realGateway && !allowed) {
            throw new IllegalStateException("DO_ACCESS_TOKEN is set but TRIPAY_API_KEY is not: payments would be "
                    + "confirmed by the built-in Tripay simulator while real droplets are created. Configure Tripay "
                    + "(TRIPAY_API_KEY, TRIPAY_PRIVATE_KEY, TRIPAY_MERCHANT_CODE) or set ALLOW_SIMULATED_PAYMENTS=true "
                    + "for a private test installation.");
        }
    }

    private void run() {
        refuseSimulatedPaymentsForRealServers(
                digitalOceanToken != null && digitalOceanToken.map(String::trim).filter(v -> !v.isEmpty()).isPresent(),
                tripayApiKey != null && tripayApiKey.map(String::trim).filter(v -> !v.isEmpty()).isPresent(),
                allowSimulatedPayments);
        long start = System.nanoTime();
        DatabaseSettings db = new DatabaseSettings(dbHost, dbPort, dbName, dbUser, dbPassword.orElse(""));
        PostgresDatabaseCreator.createIfMissing(db);
        LiquibaseMigrator.migrate(ContainerDataSource.lookup(), seedDemo);
        long millis = (System.nanoTime() - start) / 1_000_000;
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        LOG.info(() -> String.join(System.lineSeparator(),
                "",
                "==============================================================",
                " WeBrana Cloud is up (start-up work " + millis + " ms)",
                "   database    " + db.name() + " on " + db.host() + ":" + db.port()
                        + (seedDemo ? " (demo data seeded)" : ""),
                "   web app     " + base + "/app/",
                "   REST API    " + base + "/api/v1/   (OpenAPI UI: " + base + "/openapi/ui/)",
                "   health      " + base + "/health",
                "=============================================================="));
    }
}
