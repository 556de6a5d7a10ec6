package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.CloudProvider;
import id.webrana.cloud.application.port.out.CloudProviderException;
import id.webrana.cloud.application.port.out.CloudServer;
import id.webrana.cloud.application.port.out.CreateServerRequest;
import id.webrana.cloud.application.port.out.ProviderCapabilities;
import id.webrana.cloud.application.port.out.ServerStatus;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An IaaS provider in memory: servers in a map with their tags, switches to make calls fail
 * (transiently or permanently), a number of polls after which a new server is ready, and counts
 * of the calls made. Like the real one it is outside every transaction: what it created stays
 * created when the caller's transaction rolls back.
 */
public final class FakeCloudProvider implements CloudProvider {

    public static final String NAME = "FAKECLOUD";

    private static final class Server {
        final String id;
        final CreateServerRequest request;
        final java.time.Instant createdAt;
        int polls;
        boolean ready;

        Server(String id, CreateServerRequest request, java.time.Instant createdAt) {
            this.id = id;
            this.request = request;
            this.createdAt = createdAt;
        }
    }

    private final Clock clock;
    private final Map<String, Server> servers = new LinkedHashMap<>();
    private final Deque<RuntimeException> nextCallFailures = new ArrayDeque<>();
    private final Deque<RuntimeException> nextCreateFailures = new ArrayDeque<>();
    private final List<CreateServerRequest> createRequests = new ArrayList<>();
    private Supplier<? extends Throwable> crashAfterNextCreate;
    private int readyOnPoll = 1;
    private int nextId = 4_000_001;
    private int createCalls;
    private int findCalls;
    private int findByTagCalls;
    private final List<String> deleted = new ArrayList<>();

    public FakeCloudProvider(Clock clock) {
        this.clock = clock;
    }

    // ------------------------------------------------------------------ switches

    /** The next {@code times} API calls (of any kind) fail transiently, e.g. 429 asking to wait {@code retryAfter}. */
    public FakeCloudProvider failNextCallsTransiently(int times, int httpStatus, Duration retryAfter) {
        for (int i = 0; i < times; i++) {
            nextCallFailures.add(CloudProviderException.transientFailure(
                    "provider said " + httpStatus, httpStatus, retryAfter));
        }
        return this;
    }

    /** The next {@code times} API calls (of any kind) fail for good, e.g. 401 or 422. */
    public FakeCloudProvider failNextCallsPermanently(int times, int httpStatus, String message) {
        for (int i = 0; i < times; i++) {
            nextCallFailures.add(CloudProviderException.permanentFailure(message, httpStatus));
        }
        return this;
    }

    /** The next create call fails with this (the lookup by tag before it still works). */
    public FakeCloudProvider failNextCreate(CloudProviderException failure) {
        nextCreateFailures.add(failure);
        return this;
    }

    /**
     * The next create call creates the server and then throws what {@code crash} supplies, as if
     * the worker died after the provider accepted the request but before it heard the answer.
     */
    public FakeCloudProvider crashAfterNextCreate(Supplier<? extends Throwable> crash) {
        this.crashAfterNextCreate = crash;
        return this;
    }

    /** New servers report ACTIVE with an address from their {@code n}-th poll on (1: at once). */
    public FakeCloudProvider serversBecomeReadyOnPoll(int n) {
        this.readyOnPoll = n;
        return this;
    }

    /** Servers never become ready. */
    public FakeCloudProvider serversNeverBecomeReady() {
        this.readyOnPoll = Integer.MAX_VALUE;
        return this;
    }

    /** The provider forgets a server, as after a manual deletion in its console. */
    public void forget(String serverId) {
        servers.remove(serverId);
    }

    // ------------------------------------------------------------------ the port

    @Override
    public ProviderCapabilities capabilities() {
        return new ProviderCapabilities(NAME, false, false);
    }

    @Override
    public CloudServer createServer(CreateServerRequest request) {
        createCalls++;
        createRequests.add(request);
        maybeFail();
        if (!nextCreateFailures.isEmpty()) {
            throw nextCreateFailures.poll();
        }
        Server server = new Server(Integer.toString(nextId++), request, clock.instant());
        servers.put(server.id, server);
        if (crashAfterNextCreate != null) {
            Throwable crash = crashAfterNextCreate.get();
            crashAfterNextCreate = null;
            sneakyThrow(crash);
        }
        return view(server);
    }

    @Override
    public Optional<CloudServer> findServer(String providerServerId) {
        findCalls++;
        maybeFail();
        Server server = servers.get(providerServerId);
        if (server == null) {
            return Optional.empty();
        }
        server.polls++;
        if (server.polls >= readyOnPoll) {
            server.ready = true;
        }
        return Optional.of(view(server));
    }

    @Override
    public List<CloudServer> findServersByTag(String tag) {
        findByTagCalls++;
        maybeFail();
        return servers.values().stream().filter(s -> s.request.tags().contains(tag)).map(this::view).toList();
    }

    @Override
    public void deleteServer(String providerServerId) {
        maybeFail();
        if (servers.remove(providerServerId) != null) {
            deleted.add(providerServerId);
        }
    }

    // ------------------------------------------------------------------ what happened

    public int createCalls() {
        return createCalls;
    }

    public int findCalls() {
        return findCalls;
    }

    public int findByTagCalls() {
        return findByTagCalls;
    }

    public List<CreateServerRequest> createRequests() {
        return List.copyOf(createRequests);
    }

    public List<CloudServer> servers() {
        return servers.values().stream().map(this::view).toList();
    }

    public List<String> deletedServers() {
        return List.copyOf(deleted);
    }

    /** The address a server gets when it is ready (documentation range, never contacted). */
    public static String ipv4Of(String serverId) {
        return "203.0.113." + (Integer.parseInt(serverId) % 250 + 1);
    }

    private void maybeFail() {
        if (!nextCallFailures.isEmpty()) {
            throw nextCallFailures.poll();
        }
    }

    private CloudServer view(Server s) {
        CreateServerRequest r = s.request;
        return new CloudServer(s.id, r.name(), s.ready ? ServerStatus.ACTIVE : ServerStatus.NEW, r.region(),
                r.sizeSlug(), r.imageSlug(), s.ready ? ipv4Of(s.id) : null, null, s.createdAt, r.tags());
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }
}
