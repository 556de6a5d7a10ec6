package id.webrana.cloud.sandbox.digitalocean.web;

import id.webrana.cloud.sandbox.digitalocean.Catalog;
import id.webrana.cloud.sandbox.digitalocean.DigitalOceanJson;
import id.webrana.cloud.sandbox.digitalocean.DigitalOceanSandbox;
import id.webrana.cloud.sandbox.digitalocean.SandboxSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.Random;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Holds the one simulator instance of the application and builds it from MicroProfile Config:
 * {@code SANDBOX_DO_BOOT_DELAY_SECONDS} (default 30) and {@code SANDBOX_DO_ACTION_DELAY_SECONDS} (default 5) at start;
 * {@code DO_ACCESS_TOKEN} at every request (non-blank switches the simulator off).
 */
@ApplicationScoped
public class SandboxService {

    /** MicroProfile Config name of the initial boot delay in seconds. */
    public static final String BOOT_DELAY_PROPERTY = "SANDBOX_DO_BOOT_DELAY_SECONDS";
    /** MicroProfile Config name of the initial action delay in seconds. */
    public static final String ACTION_DELAY_PROPERTY = "SANDBOX_DO_ACTION_DELAY_SECONDS";
    /** MicroProfile Config name of the real DigitalOcean token; when non-blank the simulator is off. */
    public static final String REAL_TOKEN_PROPERTY = "DO_ACCESS_TOKEN";

    private static final Logger LOG = Logger.getLogger(SandboxService.class.getName());

    private DigitalOceanSandbox sandbox;
    private DigitalOceanJson json;

    /** For CDI; the simulator is built in {@link #init()}. */
    protected SandboxService() {
    }

    /**
     * For tests: wraps a ready simulator.
     *
     * @param sandbox the simulator
     */
    public SandboxService(DigitalOceanSandbox sandbox) {
        this.sandbox = sandbox;
        this.json = new DigitalOceanJson(sandbox.catalog());
    }

    /** Builds the simulator from MicroProfile Config, unless one was given. */
    @PostConstruct
    void init() {
        if (sandbox != null) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        long boot = seconds(config, BOOT_DELAY_PROPERTY, SandboxSettings.DEFAULT_BOOT_DELAY_SECONDS);
        long action = seconds(config, ACTION_DELAY_PROPERTY, SandboxSettings.DEFAULT_ACTION_DELAY_SECONDS);
        this.sandbox = new DigitalOceanSandbox(Clock.systemUTC(), Catalog.builtIn(),
                SandboxSettings.withoutFaults(boot, action), new Random(), SandboxService::realAccessToken);
        this.json = new DigitalOceanJson(sandbox.catalog());
        LOG.info(() -> "WeBrana DigitalOcean sandbox ready (boot delay " + boot + " s, action delay " + action
                + " s); " + (sandbox.enabled() ? "ON" : "OFF because " + REAL_TOKEN_PROPERTY + " is set"));
    }

    /** @return the simulator */
    public DigitalOceanSandbox sandbox() {
        return sandbox;
    }

    /** @return the JSON mapper */
    public DigitalOceanJson json() {
        return json;
    }

    private static Optional<String> realAccessToken() {
        return ConfigProvider.getConfig().getOptionalValue(REAL_TOKEN_PROPERTY, String.class);
    }

    private static long seconds(Config config, String name, long fallback) {
        try {
            long value = config.getOptionalValue(name, Long.class).orElse(fallback);
            if (value >= 0) {
                return value;
            }
            LOG.warning(() -> name + " must not be negative; using " + fallback);
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> name + " is not a whole number of seconds; using " + fallback);
        }
        return fallback;
    }
}
