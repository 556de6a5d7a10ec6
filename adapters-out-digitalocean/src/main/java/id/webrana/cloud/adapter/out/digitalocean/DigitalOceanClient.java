package id.webrana.cloud.adapter.out.digitalocean;

import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Action;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.ActionEnvelope;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.DropletActionRequest;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.DropletCreateRequest;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.DropletCreateResponse;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.DropletEnvelope;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.DropletPage;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Image;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.ImagePage;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Page;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Region;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.RegionPage;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Size;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.SizePage;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.SshKeyCreateRequest;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.SshKeyEnvelope;
import id.webrana.cloud.application.port.out.CloudProvider;
import id.webrana.cloud.application.port.out.CloudProviderException;
import id.webrana.cloud.application.port.out.CloudServer;
import id.webrana.cloud.application.port.out.CreateServerRequest;
import id.webrana.cloud.application.port.out.ProviderAction;
import id.webrana.cloud.application.port.out.ProviderCapabilities;
import id.webrana.cloud.application.port.out.ServerAction;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The DigitalOcean adapter's core, free of CDI and Fault Tolerance so that tests can run it directly.
 *
 * <p>It implements the {@link CloudProvider} port on top of {@link DigitalOceanApi}: requests are built from the
 * port's records, answers are mapped back by {@link DropletMapper}, and every failure becomes a
 * {@link CloudProviderException} that says whether trying again can help ({@link DigitalOceanTransientException},
 * {@link DigitalOceanRateLimitedException}, {@link DigitalOceanPermanentException}). Nothing here retries:
 * {@link DigitalOceanCloudProvider} adds timeouts, a circuit breaker and retries of the idempotent calls.
 *
 * <p>Droplet actions ({@link #performAction}, {@link #snapshot}) are followed with {@link #findAction}; DigitalOcean
 * refuses an action with 422 "Droplet already has a pending event." while another runs on the droplet, which is
 * classified transient ({@link DigitalOceanPendingEventException}): the caller may ask again once it has finished.
 * Beyond the port it offers the catalogue reads ({@link #sizes()}, {@link #distributionImages()}, {@link #regions()}).
 *
 * <p>SSH keys: DigitalOcean embeds only keys already registered on the account, named by id or MD5 fingerprint.
 * {@link #createServer} therefore looks each public key up by its fingerprint and registers it when missing
 * ({@code GET /v2/account/keys/{fingerprint}}, {@code POST /v2/account/keys}), then sends the fingerprints in
 * {@code ssh_keys}. Only a transient failure of that check stops the create; otherwise DigitalOcean's create decides
 * (a simulator without SSH-key endpoints still works). A numeric id or a fingerprint given instead of a key is passed
 * through as it is.
 *
 * <p>Instances are thread-safe as far as the underlying Rest Client is; {@link #close()} releases it.
 */
public class DigitalOceanClient implements CloudProvider, AutoCloseable {

    /** {@link ProviderCapabilities#providerName()} of this adapter. */
    public static final String PROVIDER_NAME = "DIGITALOCEAN";
    /** Page size used for list calls (DigitalOcean's maximum). */
    static final int PER_PAGE = 200;
    /** Upper bound on pages fetched by one list call (10 000 items), against a server that never stops paging. */
    static final int MAX_PAGES = 50;

    private static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";
    private static final Pattern DROPLET_ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern ACTION_ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern NUMERIC_KEY_ID = Pattern.compile("[0-9]{1,18}");
    private static final Pattern MD5_FINGERPRINT = Pattern.compile("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){15}");
    private static final Pattern NUMERIC_IMAGE_ID = Pattern.compile("[0-9]{1,18}");
    private static final Logger LOG = Logger.getLogger(DigitalOceanClient.class.getName());

    private final DigitalOceanApi api;
    private final DigitalOceanFailures failures;

    /** A core over an existing Rest Client proxy, using the system clock. */
    public DigitalOceanClient(DigitalOceanApi api) {
        this(api, Clock.systemUTC());
    }

    /**
     * A core over an existing Rest Client proxy.
     *
     * @param clock used to turn {@code ratelimit-reset} (an epoch second) into a wait
     */
    public DigitalOceanClient(DigitalOceanApi api, Clock clock) {
        this.api = Objects.requireNonNull(api, "api");
        this.failures = new DigitalOceanFailures(Objects.requireNonNull(clock, "clock"));
    }

    /** Builds the Rest Client for the settings and a core over it. */
    public static DigitalOceanClient connect(DigitalOceanSettings settings) {
        return new DigitalOceanClient(restClient(settings));
    }

    /**
     * Builds the MicroProfile Rest Client programmatically: base URI from the settings (real API or simulator),
     * connect/read timeouts, {@code Authorization: Bearer <token>}, and the default exception mapper disabled so
     * that error answers come back as responses to classify.
     */
    public static DigitalOceanApi restClient(DigitalOceanSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return RestClientBuilder.newBuilder()
                .baseUri(settings.baseUri())
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .property(DISABLE_DEFAULT_MAPPER, Boolean.TRUE)
                .header("Authorization", "Bearer " + settings.token())
                .build(DigitalOceanApi.class);
    }

    // ------------------------------------------------------------------ the port

    /**
     * DigitalOcean: no console through the API, password reset mailed to the account owner, every
     * {@link ServerAction}, snapshots.
     */
    @Override
    public ProviderCapabilities capabilities() {
        return new ProviderCapabilities(PROVIDER_NAME, false, false, EnumSet.allOf(ServerAction.class), true);
    }

    /**
     * {@code POST /v2/droplets}. Not idempotent and never retried here: after a transient failure the droplet may
     * exist, so the caller looks it up by tag before creating again.
     */
    @Override
    public CloudServer createServer(CreateServerRequest request) {
        Objects.requireNonNull(request, "request");
        List<Object> sshKeys = sshKeyReferences(request.sshPublicKeys());
        DropletCreateRequest body = new DropletCreateRequest(request.name(), request.region(), request.sizeSlug(),
                imageReference(request.imageSlug()), sshKeys.isEmpty() ? null : sshKeys, request.tags(),
                request.userData());
        return exchange("create droplet", () -> api.createDroplet(body), DropletCreateResponse.class,
                DropletCreateResponse::droplet, false)
                .map(DropletMapper::toCloudServer)
                .orElseThrow();
    }

    /** {@code GET /v2/droplets/{id}}; 404 (or an id that cannot be a droplet id) gives empty. */
    @Override
    public Optional<CloudServer> findServer(String providerServerId) {
        if (providerServerId == null || !DROPLET_ID.matcher(providerServerId.trim()).matches()) {
            return Optional.empty();
        }
        long id = Long.parseLong(providerServerId.trim());
        return exchange("get droplet " + id, () -> api.getDroplet(id), DropletEnvelope.class,
                DropletEnvelope::droplet, true)
                .map(DropletMapper::toCloudServer);
    }

    /** {@code GET /v2/droplets?tag_name=...}, all pages. */
    @Override
    public List<CloudServer> findServersByTag(String tag) {
        if (tag == null || tag.isBlank()) {
            // an empty tag_name would list every droplet of the account
            throw new DigitalOceanPermanentException("DigitalOcean list droplets by tag: the tag must not be blank", 0,
                    null);
        }
        return DropletMapper.toCloudServers(allPages("list droplets tagged " + tag,
                page -> api.listDropletsByTag(tag, page, PER_PAGE), DropletPage.class));
    }

    /** {@code DELETE /v2/droplets/{id}}; 204 and 404 both mean the droplet is gone. */
    @Override
    public void deleteServer(String providerServerId) {
        long id = dropletId("delete droplet", providerServerId);
        exchange("delete droplet " + id, () -> api.deleteDroplet(id), null, Function.identity(), true);
    }

    /**
     * {@code POST /v2/droplets/{id}/actions} with {@code {"type": ...}}: {@code reboot}, {@code power_on},
     * {@code power_off}, {@code power_cycle}, {@code shutdown} or {@code password_reset} (which mails the new password
     * to the DigitalOcean account owner, hence {@link ProviderCapabilities#passwordResetReturnsPassword()} false).
     * Not idempotent and never retried here. A 422 "Droplet already has a pending event." (another action still runs)
     * is a transient {@link DigitalOceanPendingEventException}; 404 (unknown droplet) and other 4xx are permanent.
     *
     * @return the started action (usually in progress); follow it with {@link #findAction}
     */
    @Override
    public ProviderAction performAction(String providerServerId, ServerAction action) {
        Objects.requireNonNull(action, "action");
        String type = ActionMapper.type(action);
        long id = dropletId(type + " droplet", providerServerId);
        return startAction(type + " droplet " + id, id, DropletActionRequest.of(type));
    }

    /**
     * {@code POST /v2/droplets/{id}/actions} with {@code {"type": "snapshot", "name": ...}}. Not idempotent (each
     * call is another snapshot, billed by size), never retried here. A blank name is refused before anything is sent.
     */
    @Override
    public ProviderAction snapshot(String providerServerId, String name) {
        long id = dropletId("snapshot droplet", providerServerId);
        if (name == null || name.isBlank()) {
            throw new DigitalOceanPermanentException("DigitalOcean snapshot droplet " + id
                    + ": the snapshot needs a name", 0, null);
        }
        return startAction("snapshot droplet " + id, id, new DropletActionRequest(ActionMapper.SNAPSHOT, name.trim()));
    }

    /**
     * {@code GET /v2/droplets/{droplet_id}/actions/{action_id}}: the action's progress. 404 (unknown droplet or
     * action) is permanent; ids that cannot be DigitalOcean ids are refused before anything is sent.
     */
    @Override
    public ProviderAction findAction(String providerServerId, String providerActionId) {
        long id = dropletId("get droplet action", providerServerId);
        if (providerActionId == null || !ACTION_ID.matcher(providerActionId.trim()).matches()) {
            throw new DigitalOceanPermanentException("DigitalOcean get droplet action: '" + providerActionId
                    + "' is not an action id", 0, null);
        }
        long actionId = Long.parseLong(providerActionId.trim());
        return exchange("get action " + actionId + " of droplet " + id, () -> api.getDropletAction(id, actionId),
                ActionEnvelope.class, DigitalOceanClient::providerAction, false).orElseThrow();
    }

    private ProviderAction startAction(String operation, long dropletId, DropletActionRequest request) {
        return exchange(operation, () -> api.postDropletAction(dropletId, request), ActionEnvelope.class,
                DigitalOceanClient::providerAction, false).orElseThrow();
    }

    /** The action of an {@code {"action": ...}} answer, or null (an unreadable body) when it or its id is missing. */
    private static ProviderAction providerAction(ActionEnvelope envelope) {
        Action action = envelope.action();
        return action == null || action.id() == null ? null : ActionMapper.toProviderAction(action);
    }

    // ------------------------------------------------------------------ beyond the port

    /** {@code GET /v2/sizes}, all pages. */
    public List<Size> sizes() {
        return allPages("list sizes", page -> api.listSizes(page, PER_PAGE), SizePage.class);
    }

    /** {@code GET /v2/images?type=distribution}, all pages: the public OS images. */
    public List<Image> distributionImages() {
        return allPages("list distribution images", page -> api.listImages("distribution", page, PER_PAGE),
                ImagePage.class);
    }

    /** {@code GET /v2/regions}, all pages. */
    public List<Region> regions() {
        return allPages("list regions", page -> api.listRegions(page, PER_PAGE), RegionPage.class);
    }

    /** Releases the Rest Client (its connections). */
    @Override
    public void close() {
        if (api instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing the DigitalOcean Rest Client failed", e);
            }
        }
    }

    // ------------------------------------------------------------------ plumbing

    /**
     * Sends one request and reads its answer.
     *
     * @param type             the 2xx body's type, or null when the body is not read (delete)
     * @param extract          picks the wanted object out of the body; a null result counts as an unreadable body
     * @param notFoundIsAnswer 404 gives empty instead of a permanent failure
     */
    private <T, R> Optional<R> exchange(String operation, Supplier<Response> call, Class<T> type,
                                        Function<T, R> extract, boolean notFoundIsAnswer) {
        Response response = send(operation, call);
        try {
            int status = response.getStatus();
            if (status == 404 && notFoundIsAnswer) {
                return Optional.empty();
            }
            if (status < 200 || status >= 300) {
                throw failures.fromResponse(operation, response);
            }
            if (type == null) {
                return Optional.empty();
            }
            T body;
            try {
                body = response.readEntity(type);
            } catch (RuntimeException e) {
                throw failures.unreadableBody(operation, status, e);
            }
            R wanted = body == null ? null : extract.apply(body);
            if (wanted == null) {
                throw failures.unreadableBody(operation, status, null);
            }
            return Optional.of(wanted);
        } finally {
            closeQuietly(response);
        }
    }

    private Response send(String operation, Supplier<Response> call) {
        try {
            Response response = call.get();
            if (response == null) {
                throw failures.unreadableBody(operation, 0, null);
            }
            return response;
        } catch (WebApplicationException e) {
            // only when a Rest Client implementation ignored the disabled default mapper
            if (e.getResponse() != null) {
                return e.getResponse();
            }
            throw failures.fromTransport(operation, e);
        } catch (ProcessingException e) {
            throw failures.fromTransport(operation, e);
        }
    }

    private <T, P extends Page<T>> List<T> allPages(String operation, IntFunction<Response> pageCall,
                                                    Class<P> pageType) {
        List<T> all = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            int current = page;
            P answer = exchange(operation + " (page " + page + ")", () -> pageCall.apply(current), pageType,
                    Function.identity(), false).orElseThrow();
            List<T> items = answer.items() == null ? List.of() : answer.items();
            items.stream().filter(Objects::nonNull).forEach(all::add);
            Integer total = answer.meta() == null ? null : answer.meta().total();
            boolean hasNext = answer.links() != null && answer.links().pages() != null
                    && answer.links().pages().next() != null;
            if (items.size() < PER_PAGE || !hasNext || (total != null && all.size() >= total)) {
                break;
            }
        }
        return List.copyOf(all);
    }

    private static long dropletId(String operation, String providerServerId) {
        if (providerServerId == null || !DROPLET_ID.matcher(providerServerId.trim()).matches()) {
            throw new DigitalOceanPermanentException("DigitalOcean " + operation + ": '" + providerServerId
                    + "' is not a droplet id", 0, null);
        }
        return Long.parseLong(providerServerId.trim());
    }

    private static Object imageReference(String imageSlug) {
        String image = imageSlug.trim();
        // DigitalOcean takes a slug (string) or the numeric id of a snapshot/custom image (integer)
        return NUMERIC_IMAGE_ID.matcher(image).matches() ? (Object) Long.valueOf(image) : image;
    }

    /** Turns the port's SSH public keys into ids/fingerprints DigitalOcean knows, registering keys when missing. */
    private List<Object> sshKeyReferences(List<String> sshPublicKeys) {
        List<Object> references = new ArrayList<>();
        for (String raw : sshPublicKeys) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String key = raw.trim();
            Object reference;
            if (NUMERIC_KEY_ID.matcher(key).matches()) {
                reference = Long.valueOf(key);
            } else if (MD5_FINGERPRINT.matcher(key).matches()) {
                reference = key.toLowerCase(Locale.ROOT);
            } else {
                String fingerprint;
                try {
                    fingerprint = SshKeyFingerprint.md5(key);
                } catch (IllegalArgumentException e) {
                    throw new DigitalOceanPermanentException("DigitalOcean create droplet: an SSH key is not an "
                            + "OpenSSH public key (" + e.getMessage() + ")", 0, e);
                }
                ensureSshKeyRegistered(fingerprint, key);
                reference = fingerprint;
            }
            if (!references.contains(reference)) {
                references.add(reference);
            }
        }
        return references;
    }

    /**
     * Makes sure DigitalOcean knows the key. Transient failures abort the create (the caller tries again later).
     * Permanent ones (the endpoint missing, as in a simulator without SSH keys; a token without the
     * {@code ssh_key} scopes; 422 "already in use" after a concurrent registration) do not: the fingerprint is sent
     * anyway and DigitalOcean's create, the authority, rejects it with 422 if the key really is unknown.
     */
    private void ensureSshKeyRegistered(String fingerprint, String publicKey) {
        try {
            boolean known = exchange("get SSH key " + fingerprint, () -> api.getSshKey(fingerprint),
                    SshKeyEnvelope.class, SshKeyEnvelope::sshKey, true).isPresent();
            if (known) {
                return;
            }
            String name = "webrana-" + fingerprint.replace(":", "").substring(0, 16);
            exchange("register SSH key " + fingerprint,
                    () -> api.createSshKey(new SshKeyCreateRequest(name, publicKey)), SshKeyEnvelope.class,
                    SshKeyEnvelope::sshKey, false);
        } catch (CloudProviderException e) {
            if (e.isTransient()) {
                throw e;
            }
            LOG.log(e.httpStatus() == 422 ? Level.FINE : Level.WARNING,
                    "SSH key {0} could not be looked up or registered ({1}); sending its fingerprint anyway",
                    new Object[] {fingerprint, e.getMessage()});
        }
    }

    private static void closeQuietly(Response response) {
        try {
            response.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINEST, "closing a response failed", e);
        }
    }
}
