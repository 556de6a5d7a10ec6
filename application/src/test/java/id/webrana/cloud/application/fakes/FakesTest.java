package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.CloudProviderException;
import id.webrana.cloud.application.port.out.CreateServerRequest;
import id.webrana.cloud.application.port.out.Notifier.Notification;
import id.webrana.cloud.application.port.out.ServerStatus;
import id.webrana.cloud.domain.account.EmailAddress;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.provisioning.ProvisioningTask;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fakes behave like the real adapters in the ways the service tests rely on. */
class FakesTest {

    private static final Instant NOW = Instant.parse("2025-05-01T03:00:00Z");

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final FakeTransactionRunner tx = new FakeTransactionRunner().enlist(users, notifier);

    private static User user(String email) {
        return User.register(new EmailAddress(email), "hash:x", "Budi", null, NOW);
    }

    @Test
    void a_repository_hands_out_copies_so_an_unsaved_change_changes_nothing() {
        User saved = user("budi@example.id");
        users.save(saved);

        users.findById(saved.id()).orElseThrow().disable();

        assertThat(users.findById(saved.id()).orElseThrow().isEnabled()).isTrue();
    }

    @Test
    void a_stale_copy_is_refused_and_a_fresh_one_accepted() {
        User saved = user("budi@example.id");
        users.save(saved);
        User first = users.findById(saved.id()).orElseThrow();
        User second = users.findById(saved.id()).orElseThrow();

        first.disable();
        users.save(first);
        users.save(first); // the same instance again: fine
        second.verifyEmail();

        assertThatThrownBy(() -> users.save(second)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_MODIFICATION));
        assertThat(users.findById(saved.id()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void a_failed_transaction_leaves_no_trace_and_a_committed_one_stays() {
        assertThatThrownBy(() -> tx.inTransaction(() -> {
            users.save(user("budi@example.id"));
            notifier.notify(Notification.email("X", "budi@example.id", Map.of(), "k"));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(users.count()).isZero();
        assertThat(notifier.sent()).isEmpty();

        tx.inTransaction(() -> users.save(user("siti@example.id")));
        assertThat(users.count()).isEqualTo(1);
        assertThat(tx.commits()).isEqualTo(1);
        assertThat(tx.rollbacks()).isEqualTo(1);
    }

    @Test
    void nested_transactions_join_the_outer_one() {
        assertThatThrownBy(() -> tx.inTransaction(() -> {
            tx.inTransaction(() -> users.save(user("budi@example.id")));
            assertThat(tx.isActive()).isTrue();
            throw new Error("killed");
        })).isInstanceOf(Error.class);
        assertThat(users.count()).isZero();
        assertThat(tx.isActive()).isFalse();
    }

    @Test
    void a_failing_commit_rolls_back() {
        tx.failNextCommit();
        assertThatThrownBy(() -> tx.inTransaction(() -> users.save(user("budi@example.id"))))
                .isInstanceOf(FakeTransactionRunner.CommitFailedException.class);
        assertThat(users.count()).isZero();
    }

    @Test
    void emails_are_unique_like_a_database_constraint() {
        users.save(user("budi@example.id"));
        assertThatThrownBy(() -> users.save(user("budi@example.id"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_next_due_task_is_the_open_one_due_longest_ago() {
        InMemoryProvisioningTaskRepository tasks = new InMemoryProvisioningTaskRepository();
        ProvisioningTask later = ProvisioningTask.forPaidOrder(UUID.randomUUID(), NOW.plusSeconds(10), Duration.ofMinutes(15));
        ProvisioningTask earlier = ProvisioningTask.forPaidOrder(UUID.randomUUID(), NOW, Duration.ofMinutes(15));
        ProvisioningTask done = ProvisioningTask.forPaidOrder(UUID.randomUUID(), NOW.minusSeconds(10), Duration.ofMinutes(15));
        done.failed("x", NOW);
        tasks.save(later);
        tasks.save(earlier);
        tasks.save(done);

        assertThat(tasks.claimNextDue(NOW.minusSeconds(1))).isEmpty();
        assertThat(tasks.claimNextDue(NOW).orElseThrow().id()).isEqualTo(earlier.id());
        assertThat(tasks.claimNextDue(NOW.plusSeconds(60)).orElseThrow().id()).isEqualTo(earlier.id());
    }

    @Test
    void the_fake_cloud_finds_servers_by_tag_fails_on_demand_and_boots_after_some_polls() {
        FakeCloudProvider cloud = new FakeCloudProvider(new MutableClock(NOW)).serversBecomeReadyOnPoll(2);
        CreateServerRequest request = new CreateServerRequest("web-1", "sgp1", "s-1vcpu-1gb", "ubuntu-24-04-x64",
                List.of("webrana-order-1"), null, List.of());

        String id = cloud.createServer(request).providerServerId();

        assertThat(cloud.findServersByTag("webrana-order-1")).singleElement()
                .satisfies(s -> assertThat(s.providerServerId()).isEqualTo(id));
        assertThat(cloud.findServersByTag("webrana-order-2")).isEmpty();
        assertThat(cloud.findServer(id).orElseThrow().status()).isEqualTo(ServerStatus.NEW);
        assertThat(cloud.findServer(id).orElseThrow().isReady()).isTrue();
        assertThat(cloud.findServer("nope")).isEmpty();

        cloud.failNextCallsTransiently(1, 429, Duration.ofSeconds(30));
        assertThatThrownBy(() -> cloud.findServer(id)).isInstanceOfSatisfying(CloudProviderException.class, e -> {
            assertThat(e.isTransient()).isTrue();
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        });
        cloud.failNextCallsPermanently(1, 401, "unauthorized");
        assertThatThrownBy(() -> cloud.findServersByTag("x")).isInstanceOfSatisfying(CloudProviderException.class,
                e -> assertThat(e.isTransient()).isFalse());

        cloud.deleteServer(id);
        cloud.deleteServer(id);
        assertThat(cloud.servers()).isEmpty();
        assertThat(cloud.deletedServers()).containsExactly(id);
        assertThat(cloud.createCalls()).isEqualTo(1);
    }
}
