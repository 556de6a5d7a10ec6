package id.webrana.cloud.domain.provisioning;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvisioningTaskTest {

    private static final Instant NOW = Instant.parse("2025-05-01T03:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    private final UUID orderId = UUID.randomUUID();
    private final ProvisioningTask task = ProvisioningTask.forPaidOrder(orderId, NOW, TIMEOUT);

    @Test
    void a_task_for_a_paid_order_is_due_at_once_with_a_deadline() {
        assertThat(task.status()).isEqualTo(ProvisioningTask.Status.PENDING);
        assertThat(task.orderId()).isEqualTo(orderId);
        assertThat(task.nextAttemptAt()).isEqualTo(NOW);
        assertThat(task.deadline()).isEqualTo(NOW.plus(TIMEOUT));
        assertThat(task.attempts()).isZero();
        assertThat(task.providerServerId()).isNull();
        assertThat(task.isFinished()).isFalse();
        assertThat(task.createdAt()).isEqualTo(NOW).isEqualTo(task.updatedAt());
    }

    @Test
    void the_deadline_is_reached_at_its_instant() {
        assertThat(task.isPastDeadline(NOW.plus(TIMEOUT).minusMillis(1))).isFalse();
        assertThat(task.isPastDeadline(NOW.plus(TIMEOUT))).isTrue();
    }

    @Test
    void a_transient_failure_counts_an_attempt_and_pushes_the_next_one_back() {
        task.retryLater("429 too many requests", NOW, Duration.ofSeconds(4));
        task.retryLater("503", NOW.plusSeconds(4), Duration.ofSeconds(8));

        assertThat(task.status()).isEqualTo(ProvisioningTask.Status.PENDING);
        assertThat(task.attempts()).isEqualTo(2);
        assertThat(task.lastError()).isEqualTo("503");
        assertThat(task.nextAttemptAt()).isEqualTo(NOW.plusSeconds(12));
        assertThat(task.updatedAt()).isEqualTo(NOW.plusSeconds(4));
    }

    @Test
    void once_the_server_is_requested_the_task_waits_for_it_with_a_fresh_attempt_count() {
        task.retryLater("429", NOW, Duration.ofSeconds(2));
        task.serverRequested("4242", NOW.plusSeconds(2), Duration.ofSeconds(5));

        assertThat(task.status()).isEqualTo(ProvisioningTask.Status.WAITING_FOR_SERVER);
        assertThat(task.providerServerId()).isEqualTo("4242");
        assertThat(task.attempts()).isZero();
        assertThat(task.lastError()).isNull();
        assertThat(task.nextAttemptAt()).isEqualTo(NOW.plusSeconds(7));
    }

    @Test
    void polling_again_moves_the_next_attempt_without_counting_a_failure() {
        task.serverRequested("4242", NOW, Duration.ofSeconds(5));
        task.pollAgain(NOW.plusSeconds(5), Duration.ofSeconds(5));
        assertThat(task.nextAttemptAt()).isEqualTo(NOW.plusSeconds(10));
        assertThat(task.attempts()).isZero();
    }

    @Test
    void success_and_failure_finish_the_task() {
        task.serverRequested("4242", NOW, Duration.ofSeconds(5));
        task.succeeded(NOW.plusSeconds(60));
        assertThat(task.status()).isEqualTo(ProvisioningTask.Status.SUCCEEDED);
        assertThat(task.isFinished()).isTrue();

        ProvisioningTask other = ProvisioningTask.forPaidOrder(UUID.randomUUID(), NOW, TIMEOUT);
        other.failed("PROVIDER_ERROR: size unavailable", NOW.plusSeconds(1));
        assertThat(other.status()).isEqualTo(ProvisioningTask.Status.FAILED);
        assertThat(other.lastError()).isEqualTo("PROVIDER_ERROR: size unavailable");
        assertThat(other.isFinished()).isTrue();
    }

    @Test
    void a_finished_task_cannot_change_any_more() {
        task.failed("boom", NOW);
        for (Consumer<ProvisioningTask> change : java.util.List.<Consumer<ProvisioningTask>>of(
                t -> t.serverRequested("1", NOW, Duration.ofSeconds(1)),
                t -> t.pollAgain(NOW, Duration.ofSeconds(1)),
                t -> t.retryLater("x", NOW, Duration.ofSeconds(1)),
                t -> t.succeeded(NOW),
                t -> t.failed("again", NOW))) {
            assertThatThrownBy(() -> change.accept(task)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(task.status()).isEqualTo(ProvisioningTask.Status.FAILED);
        assertThat(task.lastError()).isEqualTo("boom");
    }
}
