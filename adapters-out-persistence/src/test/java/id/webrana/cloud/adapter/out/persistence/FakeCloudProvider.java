package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.application.port.out.CloudProvider;
import id.webrana.cloud.application.port.out.CloudServer;
import id.webrana.cloud.application.port.out.CreateServerRequest;
import id.webrana.cloud.application.port.out.ProviderAction;
import id.webrana.cloud.application.port.out.ProviderCapabilities;
import id.webrana.cloud.application.port.out.ServerAction;
import id.webrana.cloud.application.port.out.ServerStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * An in-memory IaaS account: droplets with tags that become ACTIVE with a public IPv4 after a
 * number of status polls. Thread-safe; counts the create calls. It can simulate the process dying
 * right after the provider accepted a create ({@link #crashAfterNextCreate()}).
 */
final class FakeCloudProvider implements CloudProvider {

    /** The process "dies": an Error nobody catches, thrown after the droplet exists. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash after the provider accepted the create call");
        }
    }

    private static final class Droplet {
        final CloudServer created;
        final AtomicInteger polls = new AtomicInteger();
        volatile boolean off;

        Droplet(CloudServer created) {
            this.created = created;
        }
    }

    private final int pollsUntilReady;
    private final Map<String, Droplet> droplets = new ConcurrentHashMap<>();
    private final List<CreateServerRequest> createRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger creates = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong(400_000_000);
    private final AtomicLong actionIds = new AtomicLong(900_000);
    private final AtomicBoolean crashAfterNextCreate = new AtomicBoolean();

    FakeCloudProvider(int pollsUntilReady) {
        this.pollsUntilReady = pollsUntilReady;
    }

    void crashAfterNextCreate() {
        crashAfterNextCreate.set(true);
    }

    @Override
    public ProviderCapabilities capabilities() {
        return new ProviderCapabilities("DIGITALOCEAN", false, false,
                Set.of(ServerAction.REBOOT, ServerAction.POWER_ON, ServerAction.POWER_OFF, ServerAction.POWER_CYCLE),
                false);
    }

    @Override
    public CloudServer createServer(CreateServerRequest request) {
        creates.incrementAndGet();
        createRequests.add(request);
        String id = Long.toString(ids.incrementAndGet());
        CloudServer server = new CloudServer(id, request.name(), ServerStatus.NEW, request.region(),
                request.sizeSlug(), request.imageSlug(), null, null, Instant.parse("2026-06-01T08:00:00Z"),
                request.tags());
        droplets.put(id, new Droplet(server));
        if (crashAfterNextCreate.compareAndSet(true, false)) {
            throw new SimulatedCrash();
        }
        return server;
    }

    @Override
    public Optional<CloudServer> findServer(String providerServerId) {
        Droplet d = droplets.get(providerServerId);
        if (d == null) {
            return Optional.empty();
        }
        if (d.polls.incrementAndGet() < pollsUntilReady) {
            return Optional.of(d.created);
        }
        CloudServer ready = ready(d.created);
        return Optional.of(d.off ? new CloudServer(ready.providerServerId(), ready.name(), ServerStatus.OFF,
                ready.region(), ready.sizeSlug(), ready.imageSlug(), ready.publicIpv4(), ready.publicIpv6(),
                ready.createdAt(), ready.tags()) : ready);
    }

    private static CloudServer ready(CloudServer s) {
        long n = Long.parseLong(s.providerServerId());
        return new CloudServer(s.providerServerId(), s.name(), ServerStatus.ACTIVE, s.region(), s.sizeSlug(),
                s.imageSlug(), ipv4Of(s.providerServerId()), "2001:db8::" + Long.toHexString(n % 65_536),
                s.createdAt(), s.tags());
    }

    static String ipv4Of(String providerServerId) {
        long n = Long.parseLong(providerServerId);
        return "10." + (n / 65_536 % 256) + "." + (n / 256 % 256) + "." + (n % 256);
    }

    @Override
    public List<CloudServer> findServersByTag(String tag) {
        return droplets.values().stream().map(d -> d.created).filter(s -> s.tags().contains(tag)).toList();
    }

    @Override
    public void deleteServer(String providerServerId) {
        if (droplets.remove(providerServerId) != null) {
            calls.add(providerServerId + ":DELETE");
        }
    }

    /** What was asked of droplets, as {@code <id>:POWER_OFF}, {@code <id>:DELETE}..., in order (thread-safe). */
    final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Power actions are accepted IN_PROGRESS and reported COMPLETED when looked at. */
    @Override
    public ProviderAction performAction(String providerServerId, ServerAction action) {
        if (!droplets.containsKey(providerServerId)) {
            throw new IllegalArgumentException("no droplet " + providerServerId);
        }
        calls.add(providerServerId + ":" + action);
        switch (action) {
            case POWER_OFF, SHUTDOWN -> droplets.get(providerServerId).off = true;
            case POWER_ON, REBOOT, POWER_CYCLE -> droplets.get(providerServerId).off = false;
            default -> { }
        }
        return new ProviderAction(Long.toString(actionIds.incrementAndGet()), action.name().toLowerCase(),
                ProviderAction.Status.IN_PROGRESS, Instant.parse("2026-06-01T08:00:00Z"), null);
    }

    @Override
    public ProviderAction findAction(String providerServerId, String providerActionId) {
        return new ProviderAction(providerActionId, "power", ProviderAction.Status.COMPLETED,
                Instant.parse("2026-06-01T08:00:00Z"), Instant.parse("2026-06-01T08:00:10Z"));
    }

    @Override
    public ProviderAction snapshot(String providerServerId, String name) {
        throw new UnsupportedOperationException("the fake provider takes no snapshots");
    }

    int creates() {
        return creates.get();
    }

    List<CreateServerRequest> createRequests() {
        return List.copyOf(createRequests);
    }

    List<CloudServer> dropletsTagged(String tag) {
        return findServersByTag(tag);
    }

    /** Droplets per tag starting with {@code prefix}. */
    Map<String, Long> dropletCountByTag(String prefix) {
        return droplets.values().stream().flatMap(d -> d.created.tags().stream()).filter(t -> t.startsWith(prefix))
                .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
    }

    int dropletCount() {
        return droplets.size();
    }
}
