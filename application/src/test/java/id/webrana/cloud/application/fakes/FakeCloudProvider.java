package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.CloudProvider;
import id.webrana.cloud.application.port.out.CloudProviderException;
import id.webrana.cloud.application.port.out.CloudServer;
import id.webrana.cloud.application.port.out.CreateServerRequest;
import id.webrana.cloud.application.port.out.ProviderAction;
import id.webrana.cloud.application.port.out.ProviderCapabilities;
import id.webrana.cloud.application.port.out.ServerAction;
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
        boolean off;

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
    private final List<String> performed = new ArrayList<>();
    private final Map<String, ActionState> actions = new LinkedHashMap<>();
    private int nextActionId = 7_000_001;
    private int actionsCompleteOnPoll = 1;
    private boolean nextActionsError;

    private static final class ActionState {
        final String id;
        final String serverId;
        final String type;
        final java.time.Instant startedAt;
        int polls;
        ProviderAction.Status status = ProviderAction.Status.IN_PROGRESS;

        ActionState(String id, String serverId, String type, java.time.Instant startedAt) {
            this.id = id;
            this.serverId = serverId;
            this.type = type;
            this.startedAt = startedAt;
        }
    }

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

    /** Actions report completed from their {@code n}-th look on (1: at the first look); MAX_VALUE: never. */
    public FakeCloudProvider actionsCompleteOnPoll(int n) {
        this.actionsCompleteOnPoll = n;
        return this;
    }

    /** Actions started from now on end ERRORED. */
    public FakeCloudProvider actionsError() {
        this.nextActionsError = true;
        return this;
    }

    /** The provider forgets a server, as after a manual deletion in its console. */
    public void forget(String serverId) {
        servers.remove(serverId);
    }

    // ------------------------------------------------------------------ the port

    @Override
    public ProviderCapabilities capabilities() {
        return new ProviderCapabilities(NAME, false, false, java.util.EnumSet.allOf(ServerAction.class), true);
    }

    @Override
    public ProviderAction performAction(String providerServerId, ServerAction action) {
        maybeFail();
        Server server = servers.get(providerServerId);
        if (server == null) {
            throw CloudProviderException.permanentFailure("droplet " + providerServerId + " not found", 404);
        }
        if (actions.values().stream().anyMatch(a -> a.serverId.equals(providerServerId) && isRunning(a))) {
            throw CloudProviderException.transientFailure("Droplet already has a pending event.", 422, null);
        }
        performed.add(providerServerId + ":" + action);
        switch (action) {
            case POWER_OFF, SHUTDOWN -> server.off = true;
            case POWER_ON, REBOOT, POWER_CYCLE -> server.off = false;
            default -> { }
        }
        return start(providerServerId, action.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public ProviderAction snapshot(String providerServerId, String name) {
        maybeFail();
        performed.add(providerServerId + ":SNAPSHOT:" + name);
        return start(providerServerId, "snapshot");
    }

    /** In progress and not yet over by time (an action takes {@link #ACTION_DURATION} unless polled done). */
    private boolean isRunning(ActionState a) {
        return a.status == ProviderAction.Status.IN_PROGRESS
                && clock.instant().isBefore(a.startedAt.plus(ACTION_DURATION));
    }

    /** How long an action runs when nobody looks at it. */
    public static final Duration ACTION_DURATION = Duration.ofSeconds(30);

    private ProviderAction start(String serverId, String type) {
        ActionState state = new ActionState(Integer.toString(nextActionId++), serverId, type, clock.instant());
        if (nextActionsError) {
            state.status = ProviderAction.Status.ERRORED;
        }
        actions.put(state.id, state);
        return view(state);
    }

    @Override
    public ProviderAction findAction(String providerServerId, String providerActionId) {
        maybeFail();
        ActionState state = actions.get(providerActionId);
        if (state == null || !state.serverId.equals(providerServerId)) {
            throw CloudProviderException.permanentFailure("action " + providerActionId + " not found", 404);
        }
        state.polls++;
        if (state.status == ProviderAction.Status.IN_PROGRESS && state.polls >= actionsCompleteOnPoll
                && (actionsCompleteOnPoll != Integer.MAX_VALUE)) {
            state.status = ProviderAction.Status.COMPLETED;
        }
        return view(state);
    }

    private ProviderAction view(ActionState a) {
        return new ProviderAction(a.id, a.type, a.status, a.startedAt,
                a.status == ProviderAction.Status.IN_PROGRESS ? null : clock.instant());
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

    /** Actions performed, as {@code <serverId>:<ACTION>} in order. */
    public List<String> performedActions() {
        return List.copyOf(performed);
    }

    public boolean isPoweredOff(String serverId) {
        Server server = servers.get(serverId);
        return server != null && server.off;
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
        return new CloudServer(s.id, r.name(), !s.ready ? ServerStatus.NEW : s.off ? ServerStatus.OFF : ServerStatus.ACTIVE,
                r.region(),
                r.sizeSlug(), r.imageSlug(), s.ready ? ipv4Of(s.id) : null, null, s.createdAt, r.tags());
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }
}
