package id.webrana.cloud.sandbox.digitalocean;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The stateful heart of the simulator: droplets and their actions, kept in memory.
 *
 * <p>Nothing runs in the background. Each droplet remembers when it was created and which actions were
 * started on it; its status ({@code new} → {@code active} → {@code off} …) and the status of each action are
 * computed from the {@link Clock} whenever they are read, so a test with a controllable clock is deterministic.
 *
 * <ul>
 *   <li>A droplet is {@code new} (no networks) until its boot delay has passed, then {@code active} with a public
 *       and a private IPv4 and a public IPv6. Its {@code create} action completes at the same moment.</li>
 *   <li>A power action completes after the action delay; then {@code power_off}/{@code shutdown} make the
 *       droplet {@code off}, {@code power_on}/{@code reboot}/{@code power_cycle} make it {@code active},
 *       {@code password_reset} leaves it as it is. As on the real API, powering off a droplet that is already off
 *       (or on one that is already active) is accepted and completes like any other action.</li>
 *   <li>A {@code snapshot} needs a {@code name} (422 without one) and leaves the droplet's status alone; once it
 *       completes, the droplet's {@code snapshot_ids} lists the new snapshot's id.</li>
 *   <li>As on the real API, an action is refused (422) while the droplet has a pending event (its creation
 *       or an earlier action still in progress).</li>
 * </ul>
 *
 * <p>The delays in force when a droplet or action is created apply to it. Thread-safe (all methods are
 * synchronised).
 */
public final class DropletSimulator {

    /** The name pattern of the API's create request. */
    public static final Pattern NAME_PATTERN = Pattern.compile("^[a-zA-Z0-9]?[a-z0-9A-Z.\\-]*[a-z0-9A-Z]$");
    /** Tag names: letters, digits, colons, dashes and underscores. */
    public static final Pattern TAG_PATTERN = Pattern.compile("^[a-zA-Z0-9_\\-:]+$");
    /** Maximum size of {@code user_data} in bytes. */
    public static final int MAX_USER_DATA_BYTES = 64 * 1024;
    /** The droplet actions the sandbox performs. */
    public static final Set<String> SUPPORTED_ACTIONS = Set.of(
            "reboot", "power_on", "power_off", "power_cycle", "shutdown", "password_reset", "snapshot");
    /** The other action types of the API's enum, which the sandbox refuses with 422. */
    public static final Set<String> UNSUPPORTED_API_ACTIONS = Set.of(
            "enable_backups", "disable_backups", "restore", "resize", "rebuild", "rename", "change_kernel",
            "enable_ipv6");
    /** The action type that takes a snapshot (with a {@code name}). */
    public static final String SNAPSHOT = "snapshot";

    private static final long FIRST_DROPLET_ID = 510_000_001L;
    private static final long FIRST_ACTION_ID = 2_600_000_001L;
    private static final long FIRST_SNAPSHOT_ID = 180_000_001L;

    private final Clock clock;
    private final Catalog catalog;
    private final NetworkAllocator networks = new NetworkAllocator();
    private final Map<Long, SimDroplet> droplets = new LinkedHashMap<>();
    private final Map<Long, SimAction> actions = new HashMap<>();
    private Duration bootDelay;
    private Duration actionDelay;
    private long nextDropletId = FIRST_DROPLET_ID;
    private long nextActionId = FIRST_ACTION_ID;
    private long nextSnapshotId = FIRST_SNAPSHOT_ID;

    /**
     * @param clock the clock all statuses are computed from
     * @param catalog the sizes, images and regions accepted
     * @param bootDelay how long a new droplet stays {@code new}
     * @param actionDelay how long a droplet action stays {@code in-progress}
     */
    public DropletSimulator(Clock clock, Catalog catalog, Duration bootDelay, Duration actionDelay) {
        this.clock = Objects.requireNonNull(clock);
        this.catalog = Objects.requireNonNull(catalog);
        this.bootDelay = nonNegative(bootDelay, "bootDelay");
        this.actionDelay = nonNegative(actionDelay, "actionDelay");
    }

    /** @return the catalog in use */
    public Catalog catalog() {
        return catalog;
    }

    /** @return the boot delay applied to droplets created from now on */
    public synchronized Duration bootDelay() {
        return bootDelay;
    }

    /** @param delay the boot delay for droplets created from now on */
    public synchronized void setBootDelay(Duration delay) {
        this.bootDelay = nonNegative(delay, "bootDelay");
    }

    /** @return the action delay applied to actions started from now on */
    public synchronized Duration actionDelay() {
        return actionDelay;
    }

    /** @param delay the action delay for actions started from now on */
    public synchronized void setActionDelay(Duration delay) {
        this.actionDelay = nonNegative(delay, "actionDelay");
    }

    /**
     * Validates the request and creates a droplet.
     *
     * @param request the create request
     * @return the droplet as {@code POST /v2/droplets} answers it (status {@code new}, no networks) and its
     *         {@code create} action (in progress)
     * @throws DigitalOceanException 422 when the request is invalid
     */
    /**
     * The cloud-init user data the droplet was created with, as the droplet itself reads it from the
     * metadata service ({@code http://169.254.169.254/metadata/v1/user-data}); empty when none was given.
     *
     * @throws DigitalOceanException 404 when there is no such droplet
     */
    public synchronized Optional<String> userData(long id) {
        SimDroplet droplet = droplets.get(id);
        if (droplet == null) {
            throw DigitalOceanException.notFound();
        }
        return Optional.ofNullable(droplet.userData);
    }

    public synchronized CreatedDroplet create(CreateDropletRequest request) {
        Valid valid = validate(request);
        Instant now = clock.instant();
        long id = nextDropletId++;
        String publicIp = networks.allocatePublicV4();
        String privateIp = networks.allocatePrivateV4();
        String ipv6 = networks.allocatePublicV6();
        List<String> features = new ArrayList<>();
        if (request.backups()) {
            features.add("backups");
        }
        features.add("ipv6");
        if (request.monitoring()) {
            features.add("monitoring");
        }
        features.add("private_networking");
        String vpc = request.vpcUuid() != null && !request.vpcUuid().isBlank() ? request.vpcUuid()
                : UUID.nameUUIDFromBytes(("webrana-sandbox-vpc-" + valid.region.slug())
                        .getBytes(StandardCharsets.UTF_8)).toString();
        SimDroplet droplet = new SimDroplet(id, request.name(), valid.size, valid.image, valid.region,
                List.copyOf(new LinkedHashSet<>(request.tags())), List.copyOf(features), now, now.plus(bootDelay),
                publicIp, privateIp, ipv6, vpc);
        droplet.userData = request.userData();
        SimAction create = new SimAction(nextActionId++, "create", id, valid.region, now, droplet.bootAt, null, null);
        droplet.actions.add(create);
        droplets.put(id, droplet);
        actions.put(create.id, create);
        DropletView asCreated = view(droplet, now, true);
        return new CreatedDroplet(asCreated, actionView(create, now, true));
    }

    /**
     * @param id a droplet id
     * @return the droplet now, if it exists
     */
    public synchronized Optional<DropletView> find(long id) {
        SimDroplet droplet = droplets.get(id);
        return droplet == null ? Optional.empty() : Optional.of(view(droplet, clock.instant(), false));
    }

    /**
     * @param id a droplet id
     * @return the droplet now
     * @throws DigitalOceanException 404 when there is no such droplet
     */
    public synchronized DropletView get(long id) {
        return find(id).orElseThrow(DigitalOceanException::notFound);
    }

    /** @return every droplet now, oldest first */
    public synchronized List<DropletView> all() {
        Instant now = clock.instant();
        return droplets.values().stream().map(d -> view(d, now, false)).toList();
    }

    /**
     * Lists droplets as {@code GET /v2/droplets} does.
     *
     * @param tagName only droplets carrying this tag, or {@code null} for all
     * @param name only droplets with exactly this name, or {@code null} for all
     * @param page 1-based page, or {@code null}
     * @param perPage page size, or {@code null}
     * @return the page, oldest droplets first
     */
    public synchronized Page<DropletView> list(String tagName, String name, Integer page, Integer perPage) {
        List<DropletView> matching = all().stream()
                .filter(d -> tagName == null || d.tags().contains(tagName))
                .filter(d -> name == null || d.name().equals(name))
                .toList();
        return Page.of(matching, page, perPage);
    }

    /**
     * Destroys a droplet; its addresses go back to the pools, its actions stay readable.
     *
     * @param id a droplet id
     * @throws DigitalOceanException 404 when there is no such droplet
     */
    public synchronized void delete(long id) {
        SimDroplet droplet = droplets.remove(id);
        if (droplet == null) {
            throw DigitalOceanException.notFound();
        }
        networks.release(droplet.publicIp, droplet.privateIp, droplet.ipv6);
    }

    /**
     * Destroys every droplet carrying a tag ({@code DELETE /v2/droplets?tag_name=}).
     *
     * @param tag the tag
     * @return how many droplets were destroyed
     */
    public synchronized int deleteTagged(String tag) {
        List<Long> ids = droplets.values().stream().filter(d -> d.tags.contains(tag)).map(d -> d.id).toList();
        ids.forEach(this::delete);
        return ids.size();
    }

    /**
     * Starts a droplet action that takes no argument (every supported type but {@code snapshot}).
     *
     * @param dropletId the droplet
     * @param type the action type, e.g. {@code power_off}
     * @return the action as {@code POST /v2/droplets/{id}/actions} answers it (in progress)
     * @throws DigitalOceanException 404 for an unknown droplet, 422 for an unknown or unsupported type or
     *         while the droplet has a pending event
     */
    public synchronized ActionView act(long dropletId, String type) {
        return act(dropletId, type, null);
    }

    /**
     * Starts a droplet action.
     *
     * @param dropletId the droplet
     * @param type the action type, e.g. {@code power_off} or {@code snapshot}
     * @param name the snapshot's name (required for {@code snapshot}, ignored otherwise)
     * @return the action as {@code POST /v2/droplets/{id}/actions} answers it (in progress)
     * @throws DigitalOceanException 404 for an unknown droplet, 422 for an unknown or unsupported type, a snapshot
     *         without a name, or while the droplet has a pending event
     */
    public synchronized ActionView act(long dropletId, String type, String name) {
        SimDroplet droplet = droplets.get(dropletId);
        if (droplet == null) {
            throw DigitalOceanException.notFound();
        }
        if (type == null || type.isBlank()) {
            throw DigitalOceanException.unprocessable("type is required: one of " + sorted(SUPPORTED_ACTIONS) + ".");
        }
        if (UNSUPPORTED_API_ACTIONS.contains(type)) {
            throw DigitalOceanException.unprocessable("The action type '" + type
                    + "' is not supported by the WeBrana sandbox; supported: " + sorted(SUPPORTED_ACTIONS) + ".");
        }
        if (!SUPPORTED_ACTIONS.contains(type)) {
            throw DigitalOceanException.unprocessable("'" + type + "' is not a valid action type.");
        }
        boolean snapshot = SNAPSHOT.equals(type);
        if (snapshot && (name == null || name.isBlank())) {
            throw DigitalOceanException.unprocessable("name is required to take a snapshot.");
        }
        Instant now = clock.instant();
        if (droplet.actions.stream().anyMatch(a -> now.isBefore(a.completesAt))) {
            throw DigitalOceanException.unprocessable("Droplet already has a pending event.");
        }
        SimAction action = new SimAction(nextActionId++, type, dropletId, droplet.region, now, now.plus(actionDelay),
                snapshot ? nextSnapshotId++ : null, snapshot ? name : null);
        droplet.actions.add(action);
        actions.put(action.id, action);
        return actionView(action, now, true);
    }

    /**
     * @param actionId an action id (including {@code create} actions and actions of deleted droplets)
     * @return the action now
     * @throws DigitalOceanException 404 when there is no such action
     */
    public synchronized ActionView action(long actionId) {
        SimAction action = actions.get(actionId);
        if (action == null) {
            throw DigitalOceanException.notFound();
        }
        return actionView(action, clock.instant(), false);
    }

    /**
     * @param dropletId a droplet id
     * @return its actions now, newest first (as the API lists them)
     * @throws DigitalOceanException 404 when there is no such droplet
     */
    public synchronized List<ActionView> actionsOf(long dropletId) {
        SimDroplet droplet = droplets.get(dropletId);
        if (droplet == null) {
            throw DigitalOceanException.notFound();
        }
        Instant now = clock.instant();
        List<ActionView> result = new ArrayList<>();
        for (int i = droplet.actions.size() - 1; i >= 0; i--) {
            result.add(actionView(droplet.actions.get(i), now, false));
        }
        return result;
    }

    /** @return how many droplets exist */
    public synchronized int count() {
        return droplets.size();
    }

    /** Drops every droplet and action; ids keep increasing so stale references never resolve to new droplets. */
    public synchronized void reset() {
        droplets.clear();
        actions.clear();
        networks.reset();
    }

    private Valid validate(CreateDropletRequest request) {
        if (request.names() != null) {
            throw DigitalOceanException.unprocessable(
                    "The WeBrana sandbox supports only the single-droplet form (name), not names[].");
        }
        String name = request.name();
        if (name == null || name.isBlank()) {
            throw DigitalOceanException.unprocessable("name is required.");
        }
        if (name.length() > 255 || !NAME_PATTERN.matcher(name).matches()) {
            throw DigitalOceanException.unprocessable("Name is invalid: '" + name + "' must match "
                    + NAME_PATTERN.pattern() + " and be at most 255 characters.");
        }
        if (request.size() == null || request.size().isBlank()) {
            throw DigitalOceanException.unprocessable("size is required.");
        }
        SizeSpec size = catalog.size(request.size()).orElseThrow(() -> DigitalOceanException.unprocessable(
                "You specified an invalid size for Droplet creation: '" + request.size() + "'. Known sizes: "
                        + catalog.sizeSlugs() + "."));
        ImageSpec image;
        if (request.imageId() != null) {
            image = catalog.image(request.imageId()).orElseThrow(() -> DigitalOceanException.unprocessable(
                    "You specified an invalid image for Droplet creation: " + request.imageId() + "."));
        } else if (request.image() == null || request.image().isBlank()) {
            throw DigitalOceanException.unprocessable("image is required.");
        } else {
            image = catalog.image(request.image()).orElseThrow(() -> DigitalOceanException.unprocessable(
                    "You specified an invalid image for Droplet creation: '" + request.image() + "'. Known images: "
                            + catalog.images().stream().map(ImageSpec::slug).toList() + "."));
        }
        RegionSpec region;
        if (request.region() == null || request.region().isBlank()) {
            region = catalog.region(Catalog.DEFAULT_REGION).orElse(catalog.regions().get(0));
        } else {
            region = catalog.region(request.region()).orElseThrow(() -> DigitalOceanException.unprocessable(
                    "You specified an invalid region for Droplet creation: '" + request.region()
                            + "'. Known regions: " + catalog.regionSlugs() + "."));
        }
        for (String tag : request.tags()) {
            if (tag == null || tag.length() > 255 || !TAG_PATTERN.matcher(tag).matches()) {
                throw DigitalOceanException.unprocessable("Tag '" + tag
                        + "' is invalid: use letters, numbers, colons, dashes and underscores (at most 255).");
            }
        }
        if (request.userData() != null
                && request.userData().getBytes(StandardCharsets.UTF_8).length > MAX_USER_DATA_BYTES) {
            throw DigitalOceanException.unprocessable("user_data is larger than 64 KiB.");
        }
        return new Valid(size, image, region);
    }

    private DropletView view(SimDroplet d, Instant now, boolean asCreated) {
        String status = asCreated ? "new" : d.statusAt(now);
        boolean booted = !"new".equals(status);
        List<NetworkV4> v4 = booted
                ? List.of(new NetworkV4(d.privateIp, NetworkAllocator.PRIVATE_NETMASK, "nil", "private"),
                        new NetworkV4(d.publicIp, NetworkAllocator.PUBLIC_NETMASK,
                                NetworkAllocator.publicGateway(d.publicIp), "public"))
                : List.of();
        List<NetworkV6> v6 = booted
                ? List.of(new NetworkV6(d.ipv6, 64, NetworkAllocator.IPV6_GATEWAY, "public"))
                : List.of();
        List<Long> snapshotIds = asCreated ? List.of() : d.snapshotIdsAt(now);
        return new DropletView(d.id, d.name, status, false, d.createdAt, d.size, d.image, d.region, d.tags,
                d.features, v4, v6, d.vpcUuid, snapshotIds);
    }

    private static ActionView actionView(SimAction a, Instant now, boolean asStarted) {
        boolean done = !asStarted && !now.isBefore(a.completesAt);
        return new ActionView(a.id, done ? ActionView.COMPLETED : ActionView.IN_PROGRESS, a.type, a.startedAt,
                done ? a.completesAt : null, a.dropletId, a.region);
    }

    private static Duration nonNegative(Duration d, String what) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be zero or more");
        }
        return d;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private record Valid(SizeSpec size, ImageSpec image, RegionSpec region) {
    }

    /**
     * @param snapshotId the id the snapshot gets once the action completes ({@code snapshot} only, else null)
     * @param snapshotName the snapshot's name ({@code snapshot} only, else null)
     */
    private record SimAction(long id, String type, long dropletId, RegionSpec region, Instant startedAt,
                             Instant completesAt, Long snapshotId, String snapshotName) {
    }

    private static final class SimDroplet {
        final long id;
        final String name;
        final SizeSpec size;
        final ImageSpec image;
        final RegionSpec region;
        final List<String> tags;
        final List<String> features;
        final Instant createdAt;
        final Instant bootAt;
        final String publicIp;
        final String privateIp;
        final String ipv6;
        final String vpcUuid;
        final List<SimAction> actions = new ArrayList<>();
        /** What the droplet's metadata service would serve at {@code /metadata/v1/user-data}. */
        String userData;

        SimDroplet(long id, String name, SizeSpec size, ImageSpec image, RegionSpec region, List<String> tags,
                   List<String> features, Instant createdAt, Instant bootAt, String publicIp, String privateIp,
                   String ipv6, String vpcUuid) {
            this.id = id;
            this.name = name;
            this.size = size;
            this.image = image;
            this.region = region;
            this.tags = tags;
            this.features = features;
            this.createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
            this.bootAt = bootAt;
            this.publicIp = publicIp;
            this.privateIp = privateIp;
            this.ipv6 = ipv6;
            this.vpcUuid = vpcUuid;
        }

        /** The ids of the snapshots whose action has completed, oldest first. */
        List<Long> snapshotIdsAt(Instant now) {
            return actions.stream()
                    .filter(a -> a.snapshotId != null && !now.isBefore(a.completesAt))
                    .map(SimAction::snapshotId)
                    .toList();
        }

        String statusAt(Instant now) {
            if (now.isBefore(bootAt)) {
                return "new";
            }
            String status = "active";
            for (SimAction action : actions) {
                if (!"create".equals(action.type) && !now.isBefore(action.completesAt)) {
                    status = switch (action.type) {
                        case "power_off", "shutdown" -> "off";
                        case "power_on", "reboot", "power_cycle" -> "active";
                        default -> status;
                    };
                }
            }
            return status;
        }
    }
}
