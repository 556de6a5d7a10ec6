package id.webrana.cloud.adapter.out.digitalocean;

import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Image;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Region;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Size;
import id.webrana.cloud.application.port.out.CloudProvider;
import id.webrana.cloud.application.port.out.CloudServer;
import id.webrana.cloud.application.port.out.CreateServerRequest;
import id.webrana.cloud.application.port.out.ProviderAction;
import id.webrana.cloud.application.port.out.ProviderCapabilities;
import id.webrana.cloud.application.port.out.ServerAction;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The {@link CloudProvider} bean for DigitalOcean: {@link DigitalOceanClient} wrapped in MicroProfile Fault
 * Tolerance.
 *
 * <p><b>Configuration</b> (MicroProfile Config, read once when the bean is created, see
 * {@link DigitalOceanSettings#resolve}): {@code DO_ACCESS_TOKEN} (unset: the built-in simulator at
 * {@code SANDBOX_DIGITALOCEAN_URL}, default {@code http://localhost:9080/sandbox/digitalocean}, token
 * {@code sandbox-token}), {@code DIGITALOCEAN_API_URL} (default {@code https://api.digitalocean.com}),
 * {@code DIGITALOCEAN_CONNECT_TIMEOUT_MS} (5 000) and {@code DIGITALOCEAN_READ_TIMEOUT_MS} (20 000).
 *
 * <p><b>Fault tolerance</b> (MicroProfile Fault Tolerance 4.1). The read policy is declared once, on the class, and
 * so applies to every business method; a method that needs something else carries its own annotation of the same
 * type, which replaces the class-level one <em>as a whole</em> (attributes are not merged).
 * <ul>
 *   <li>Every provider call has a {@link Timeout} above the HTTP timeouts (30 s; 60 s for {@link #createServer} and
 *       the catalogue lists) and a {@link CircuitBreaker} that counts only transient failures, except a droplet
 *       busy with another action ({@link DigitalOceanPendingEventException}), which says nothing about
 *       DigitalOcean's health.</li>
 *   <li>{@link Retry} with delay and jitter only on idempotent calls (the GETs, {@link #findAction} among them, and
 *       delete), only on transient failures, and not on 429 (the caller gets {@code retryAfter} instead). The
 *       catalogue lists repeat the whole {@code @Retry} only because their longer timeout needs a longer
 *       {@code maxDuration} (3 attempts x 60 s).</li>
 *   <li>{@link #createServer}, {@link #performAction} and {@link #snapshot} are <b>never retried</b>: a repeated
 *       POST could create a second droplet (or reboot twice, or take two snapshots). After a transient create failure
 *       the caller looks the server up by tag before creating again. They override the class-level retry with
 *       {@code @Retry(maxRetries = 0)} (0 retries: one attempt) and {@code abortOn = Throwable.class}, so that even
 *       a global {@code Retry/maxRetries} config value cannot make them retry. A droplet busy with another action
 *       is left to the caller too ({@link DigitalOceanPendingEventException}).</li>
 *   <li>New public methods inherit the retrying read policy: a non-idempotent one must override {@code @Retry} the
 *       same way ({@code DigitalOceanCloudProviderFaultToleranceTest} insists that every method is classified).
 *       {@link #capabilities()} gets the policy too; it is computed in memory and never fails.</li>
 *   <li>{@link TranslateFaultToleranceFailures}: a fault-tolerance timeout or an open circuit reaches the caller as a
 *       transient {@code CloudProviderException}.</li>
 * </ul>
 * Annotation values can be tuned per deployment with the usual MicroProfile Fault Tolerance config keys. A key must
 * target where the annotation sits: the class-level policy is tuned with
 * {@code id.webrana.cloud.adapter.out.digitalocean.DigitalOceanCloudProvider/Retry/maxRetries=3} (a
 * {@code .../findServer/Retry/...} key is ignored, since {@code findServer} has no {@code @Retry} of its own); a
 * method-level override with {@code .../sizes/Timeout/value=90}.
 */
@ApplicationScoped
@TranslateFaultToleranceFailures
@Timeout(value = 30, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
        successThreshold = 2, failOn = {DigitalOceanTransientException.class, TimeoutException.class},
        skipOn = {DigitalOceanPermanentException.class, DigitalOceanPendingEventException.class})
@Retry(maxRetries = 2, delay = 500, delayUnit = ChronoUnit.MILLIS, jitter = 250,
        jitterDelayUnit = ChronoUnit.MILLIS, maxDuration = 120, durationUnit = ChronoUnit.SECONDS,
        retryOn = {DigitalOceanTransientException.class, TimeoutException.class},
        abortOn = {DigitalOceanPermanentException.class, DigitalOceanRateLimitedException.class})
public class DigitalOceanCloudProvider implements CloudProvider {

    private static final Logger LOG = Logger.getLogger(DigitalOceanCloudProvider.class.getName());

    private Config config;
    private DigitalOceanClient client;

    /** For the CDI proxy only. */
    protected DigitalOceanCloudProvider() {
    }

    /** CDI constructor: the client is built from {@code config} in {@link #init()}. */
    @Inject
    public DigitalOceanCloudProvider(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Over an existing core (tests, tools); no Fault Tolerance outside a container. */
    DigitalOceanCloudProvider(DigitalOceanClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Resolves the settings and builds the Rest Client. */
    @PostConstruct
    void init() {
        if (client != null) {
            return;
        }
        DigitalOceanSettings settings = DigitalOceanSettings.resolve(name -> config.getOptionalValue(name, String.class));
        if (settings.sandbox()) {
            LOG.info(() -> "DO_ACCESS_TOKEN is not set: DigitalOcean calls go to the simulator at "
                    + settings.baseUri());
        } else {
            LOG.info(() -> "DigitalOcean calls go to " + settings.baseUri());
        }
        client = DigitalOceanClient.connect(settings);
    }

    /** Releases the Rest Client. */
    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    @Override
    public ProviderCapabilities capabilities() {
        return client.capabilities();
    }

    /** Not retried (not idempotent); see the class comment. Longer timeout: creation is slow. */
    @Override
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 0, abortOn = Throwable.class)
    public CloudServer createServer(CreateServerRequest request) {
        return client.createServer(request);
    }

    @Override
    public Optional<CloudServer> findServer(String providerServerId) {
        return client.findServer(providerServerId);
    }

    @Override
    public List<CloudServer> findServersByTag(String tag) {
        return client.findServersByTag(tag);
    }

    /** Retried: deleting twice is harmless (404 counts as deleted). */
    @Override
    public void deleteServer(String providerServerId) {
        client.deleteServer(providerServerId);
    }

    /** See {@link DigitalOceanClient#performAction}. Not retried (a reboot twice is two reboots). */
    @Override
    @Retry(maxRetries = 0, abortOn = Throwable.class)
    public ProviderAction performAction(String providerServerId, ServerAction action) {
        return client.performAction(providerServerId, action);
    }

    /** See {@link DigitalOceanClient#snapshot}. Not retried (each call is another snapshot). */
    @Override
    @Retry(maxRetries = 0, abortOn = Throwable.class)
    public ProviderAction snapshot(String providerServerId, String name) {
        return client.snapshot(providerServerId, name);
    }

    /** See {@link DigitalOceanClient#findAction}. Retried: a read. */
    @Override
    public ProviderAction findAction(String providerServerId, String providerActionId) {
        return client.findAction(providerServerId, providerActionId);
    }

    /** See {@link DigitalOceanClient#sizes}. Catalogue list: longer timeout, so a longer retry duration. */
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 500, delayUnit = ChronoUnit.MILLIS, jitter = 250,
            jitterDelayUnit = ChronoUnit.MILLIS, maxDuration = 180, durationUnit = ChronoUnit.SECONDS,
            retryOn = {DigitalOceanTransientException.class, TimeoutException.class},
            abortOn = {DigitalOceanPermanentException.class, DigitalOceanRateLimitedException.class})
    public List<Size> sizes() {
        return client.sizes();
    }

    /** See {@link DigitalOceanClient#distributionImages}. Catalogue list, as {@link #sizes()}. */
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 500, delayUnit = ChronoUnit.MILLIS, jitter = 250,
            jitterDelayUnit = ChronoUnit.MILLIS, maxDuration = 180, durationUnit = ChronoUnit.SECONDS,
            retryOn = {DigitalOceanTransientException.class, TimeoutException.class},
            abortOn = {DigitalOceanPermanentException.class, DigitalOceanRateLimitedException.class})
    public List<Image> distributionImages() {
        return client.distributionImages();
    }

    /** See {@link DigitalOceanClient#regions}. Catalogue list, as {@link #sizes()}. */
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 500, delayUnit = ChronoUnit.MILLIS, jitter = 250,
            jitterDelayUnit = ChronoUnit.MILLIS, maxDuration = 180, durationUnit = ChronoUnit.SECONDS,
            retryOn = {DigitalOceanTransientException.class, TimeoutException.class},
            abortOn = {DigitalOceanPermanentException.class, DigitalOceanRateLimitedException.class})
    public List<Region> regions() {
        return client.regions();
    }
}
