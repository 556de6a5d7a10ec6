package id.webrana.cloud.adapter.out.persistence;

import static id.webrana.cloud.adapter.out.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.provisioning.ProvisioningTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Workers share provisioning tasks through {@code claimNextDue} ({@code FOR UPDATE SKIP LOCKED}). */
class ProvisioningTaskClaimTest extends PostgresTest {

    private static final Instant NOW = T0.plus(Duration.ofHours(1));

    private User user;
    private ExecutorService pool;

    @BeforeEach
    void aCustomerAndTwoWorkerThreads() {
        user = Fixtures.newUser("worker");
        db.inTx(() -> db.users.save(user));
        pool = Executors.newFixedThreadPool(2);
    }

    @org.junit.jupiter.api.AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    private ProvisioningTask taskDueAt(Instant due) {
        Order order = Fixtures.newOrder(user.id(), "srv-" + UUID.randomUUID().toString().substring(0, 8), T0);
        ProvisioningTask task = Fixtures.taskDueAt(order.id(), due);
        db.inTx(() -> {
            db.orders.save(order);
            db.tasks.save(task);
        });
        return task;
    }

    private Optional<UUID> claimInOwnTransaction() {
        return db.inTx(() -> db.tasks.claimNextDue(NOW).map(ProvisioningTask::id));
    }

    @Test
    void claimsTheTaskDueLongestAgoAndNothingWhenNoneIsDue() {
        assertThat(claimInOwnTransaction()).isEmpty();
        ProvisioningTask recent = taskDueAt(NOW.minusSeconds(10));
        ProvisioningTask oldest = taskDueAt(NOW.minusSeconds(600));

        Optional<ProvisioningTask> claimed = db.inTx(() -> db.tasks.claimNextDue(NOW));

        assertThat(claimed).get().satisfies(t -> {
            assertThat(t.id()).isEqualTo(oldest.id());
            assertThat(t.nextAttemptAt()).isEqualTo(NOW.minusSeconds(600));
            assertThat(t.status()).isEqualTo(ProvisioningTask.Status.PENDING);
        });
        assertThat(recent.id()).isNotEqualTo(oldest.id());
    }

    @Test
    void aTaskNotYetDueIsNotClaimed() {
        taskDueAt(NOW.plusSeconds(1));

        assertThat(claimInOwnTransaction()).isEmpty();
        assertThat(db.inTx(() -> db.tasks.claimNextDue(NOW.plusSeconds(1)))).isPresent();
    }

    @Test
    void aTaskDueExactlyNowIsClaimed() {
        ProvisioningTask task = taskDueAt(NOW);

        assertThat(claimInOwnTransaction()).contains(task.id());
    }

    @Test
    void finishedTasksAreNeverClaimed() {
        ProvisioningTask done = taskDueAt(NOW.minusSeconds(5));
        ProvisioningTask failed = taskDueAt(NOW.minusSeconds(5));
        db.inTx(() -> {
            ProvisioningTask d = db.tasks.findByOrderId(done.orderId()).orElseThrow();
            d.succeeded(NOW.minusSeconds(4));
            db.tasks.save(d);
            ProvisioningTask f = db.tasks.findByOrderId(failed.orderId()).orElseThrow();
            f.failed("PROVIDER_ERROR", NOW.minusSeconds(4));
            db.tasks.save(f);
        });

        assertThat(claimInOwnTransaction()).isEmpty();
    }

    @Test
    void aWaitingForServerTaskIsClaimedWhenItsPollIsDue() {
        ProvisioningTask task = taskDueAt(NOW.minusSeconds(60));
        db.inTx(() -> {
            ProvisioningTask t = db.tasks.findByOrderId(task.orderId()).orElseThrow();
            t.serverRequested("42", NOW.minusSeconds(30), Duration.ofSeconds(10));
            db.tasks.save(t);
        });

        assertThat(db.inTx(() -> db.tasks.claimNextDue(NOW))).get()
                .satisfies(t -> assertThat(t.status()).isEqualTo(ProvisioningTask.Status.WAITING_FOR_SERVER));
    }

    @Test
    @Timeout(30)
    void twoWorkersEachInTheirOwnTransactionClaimDifferentTasks() throws Exception {
        taskDueAt(NOW.minusSeconds(20));
        taskDueAt(NOW.minusSeconds(10));
        CyclicBarrier bothClaimed = new CyclicBarrier(2);

        List<CompletableFuture<Optional<UUID>>> workers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            workers.add(CompletableFuture.supplyAsync(() -> db.inTx(() -> {
                Optional<UUID> mine = db.tasks.claimNextDue(NOW).map(ProvisioningTask::id);
                await(bothClaimed); // both transactions hold their claim at the same time
                return mine;
            }), pool));
        }

        Optional<UUID> a = workers.get(0).get(20, TimeUnit.SECONDS);
        Optional<UUID> b = workers.get(1).get(20, TimeUnit.SECONDS);
        assertThat(a).isPresent();
        assertThat(b).isPresent();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    @Timeout(30)
    void aClaimedAndLockedTaskIsSkippedByTheOtherWorkerUntilTheClaimEnds() throws Exception {
        ProvisioningTask only = taskDueAt(NOW.minusSeconds(5));
        taskDueAt(NOW.plus(Duration.ofMinutes(5))); // not due: must not be handed out instead
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<Optional<UUID>> holder = CompletableFuture.supplyAsync(() -> db.inTx(() -> {
            Optional<UUID> mine = db.tasks.claimNextDue(NOW).map(ProvisioningTask::id);
            claimed.countDown();
            await(release);
            return mine;
        }), pool);
        assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Optional<UUID>> other = CompletableFuture.supplyAsync(this::claimInOwnTransaction, pool);
        assertThat(other).as("SKIP LOCKED: the other worker does not wait for the lock")
                .succeedsWithin(Duration.ofSeconds(5)).isEqualTo(Optional.empty());

        release.countDown();
        assertThat(holder.get(10, TimeUnit.SECONDS)).contains(only.id());
        assertThat(claimInOwnTransaction()).as("after the claim ended it is free again").contains(only.id());
    }

    @Test
    @Timeout(60)
    void workersRacingOverManyTasksNeverWorkOnTheSameOne() throws Exception {
        int taskCount = 30;
        for (int i = 0; i < taskCount; i++) {
            taskDueAt(NOW.minusSeconds(1000 - i));
        }
        long inserted = db.count("SELECT MAX(version) FROM provisioning_tasks");
        List<UUID> done = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            workers.add(CompletableFuture.runAsync(() -> {
                await(start);
                while (true) {
                    try {
                        boolean worked = db.inTx(() -> db.tasks.claimNextDue(NOW).map(t -> {
                            t.succeeded(NOW);
                            db.tasks.save(t);
                            done.add(t.id());
                            return true;
                        }).orElse(false));
                        if (!worked) {
                            return;
                        }
                    } catch (RuntimeException e) {
                        errors.add(e);
                        return;
                    }
                }
            }, pool));
        }
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(50, TimeUnit.SECONDS);

        assertThat(errors).isEmpty();
        assertThat(done).hasSize(taskCount).doesNotHaveDuplicates();
        assertThat(db.count("SELECT COUNT(*) FROM provisioning_tasks WHERE status = 'SUCCEEDED' AND version = ?",
                inserted + 1)).as("each updated exactly once").isEqualTo(taskCount);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the other worker never got there", e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(15, TimeUnit.SECONDS)) {
                throw new AssertionError("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
