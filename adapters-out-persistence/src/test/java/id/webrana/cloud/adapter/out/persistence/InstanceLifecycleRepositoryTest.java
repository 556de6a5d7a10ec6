package id.webrana.cloud.adapter.out.persistence;

import static id.webrana.cloud.adapter.out.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.webrana.cloud.application.port.out.InstanceRepository.InstanceSearch;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.provisioning.ActionType;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.provisioning.InstanceAction;
import id.webrana.cloud.domain.provisioning.InstanceEvent;
import id.webrana.cloud.domain.provisioning.ServerCredential;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Instances with their paid life, their actions, history and root passwords on real PostgreSQL: round trips,
 * the lifecycle claim shared by several schedulers, the one-action-at-a-time rule and once-only lifecycle steps.
 */
class InstanceLifecycleRepositoryTest extends PostgresTest {

    private static final Instant NOW = T0.plus(Duration.ofDays(40));
    private static final Actor CUSTOMER = new Actor(Actor.Type.CUSTOMER, "cust-1");
    private static final Actor ADMIN = new Actor(Actor.Type.ADMIN, "admin-ops");

    private static final AtomicInteger SERVERS = new AtomicInteger(500_000);

    private User user;
    private ExecutorService pool;

    @BeforeEach
    void aCustomerAndTwoThreads() {
        user = Fixtures.newUser("owner");
        db.inTx(() -> db.users.save(user));
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    /** A MONTHLY instance of {@code owner} launched at {@code launchedAt}, stored with its order. */
    private Instance launch(User owner, String hostname, Instant launchedAt) {
        String serverId = Integer.toString(SERVERS.incrementAndGet());
        Order order = Fixtures.newOrder(owner.id(), "order-" + serverId, T0);
        Instance instance = Instance.launched(order.id(), owner.id(), "DIGITALOCEAN", serverId, hostname, "sgp1",
                "s-1vcpu-1gb", "ubuntu-24-04-x64", "203.0.113." + (SERVERS.get() % 250), null, launchedAt.minusSeconds(30),
                launchedAt, BillingPeriod.MONTHLY, Money.rupiah(90_000), "b".repeat(64));
        db.inTx(() -> {
            db.orders.save(order);
            db.instances.save(instance);
        });
        return instance;
    }

    private Instance launch(String hostname) {
        return launch(user, hostname, T0);
    }

    private Instance reload(UUID id) {
        return db.inTx(() -> db.instances.findById(id)).orElseThrow();
    }

    /** Changes the instance in a transaction of its own. */
    private void change(UUID id, java.util.function.Consumer<Instance> change) {
        db.inTx(() -> {
            Instance i = db.instances.findByIdForUpdate(id).orElseThrow();
            change.accept(i);
            db.instances.save(i);
        });
    }

    @Nested
    class Instances {

        @Test
        void a_launched_instance_comes_back_with_its_paid_life_by_id_locked_or_not_and_by_order() {
            Instance launched = launch("web-1");

            for (Instance loaded : List.of(reload(launched.id()),
                    db.inTx(() -> db.instances.findByIdForUpdate(launched.id())).orElseThrow(),
                    db.inTx(() -> db.instances.findByOrderId(launched.orderId())).orElseThrow())) {
                assertThat(loaded).usingRecursiveComparison().ignoringFields("version").isEqualTo(launched);
            }
            Instance loaded = reload(launched.id());
            assertThat(loaded.period()).isEqualTo(BillingPeriod.MONTHLY);
            assertThat(loaded.renewalPrice()).isEqualTo(Money.rupiah(90_000));
            assertThat(loaded.expiresAt()).isEqualTo(Instant.parse("2026-07-01T08:00:00Z"));
            assertThat(loaded.nextLifecycleAt()).isEqualTo(T0);
            assertThat(loaded.autoRenew()).isFalse();
            assertThat(loaded.agentTokenHash()).isEqualTo("b".repeat(64));
            assertThat(db.inTx(() -> db.instances.findByIdForUpdate(UUID.randomUUID()))).isEmpty();
        }

        @Test
        void every_transition_is_stored_and_each_save_moves_the_version_on() {
            Instance launched = reload(launch("web-2").id());

            change(launched.id(), i -> i.changeAutoRenew(true, CUSTOMER, T0.plusSeconds(10)));
            change(launched.id(), i -> i.renew(CUSTOMER, "INV-1", T0.plusSeconds(20)));
            Instance renewed = reload(launched.id());
            assertThat(renewed.autoRenew()).isTrue();
            assertThat(renewed.expiresAt()).isEqualTo(Instant.parse("2026-08-01T08:00:00Z"));
            assertThat(renewed.nextLifecycleAt()).isEqualTo(T0.plusSeconds(20));
            assertThat(renewed.version()).isEqualTo(launched.version() + 2);

            change(launched.id(), i -> i.suspendForNonPayment("SUSPEND:x", NOW));
            Instance suspended = reload(launched.id());
            assertThat(suspended.status()).isEqualTo(Instance.Status.SUSPENDED);
            assertThat(suspended.suspension()).isEqualTo(Instance.Suspension.NON_PAYMENT);
            assertThat(suspended.suspendedAt()).isEqualTo(NOW);
            assertThat(suspended.statusReason()).startsWith("renewal not paid by");

            change(launched.id(), i -> i.terminate(ADMIN, "abuse report 17", null, NOW.plusSeconds(60)));
            Instance terminated = reload(launched.id());
            assertThat(terminated.status()).isEqualTo(Instance.Status.TERMINATED);
            assertThat(terminated.terminatedAt()).isEqualTo(NOW.plusSeconds(60));
            assertThat(terminated.statusReason()).isEqualTo("abuse report 17");
            assertThat(terminated.nextLifecycleAt()).isNull();
            assertThat(terminated.version()).isEqualTo(launched.version() + 4);
        }

        @Test
        void an_instance_saved_again_after_its_history_was_written_in_the_same_transaction_is_stored() {
            Instance launched = launch("web-4");

            db.inTx(() -> {
                Instance i = db.instances.findByIdForUpdate(launched.id()).orElseThrow();
                db.instanceEvents.append(i.suspendByOperator(ADMIN, "dispute", NOW));
                db.instances.save(i);
                db.instanceEvents.append(InstanceEvent.of(i.id(), "POWER_OFF", ADMIN, null, null, NOW));
                db.instanceEvents.append(i.terminate(ADMIN, "chargeback", null, NOW.plusSeconds(1)));
                db.instances.save(i);
            });

            Instance stored = reload(launched.id());
            assertThat(stored.status()).isEqualTo(Instance.Status.TERMINATED);
            assertThat(stored.suspension()).isEqualTo(Instance.Suspension.OPERATOR);
            assertThat(stored.statusReason()).isEqualTo("chargeback");
        }

        @Test
        void saving_an_instance_loaded_before_someone_else_changed_it_is_a_concurrent_modification() {
            Instance stale = reload(launch("web-3").id());
            change(stale.id(), i -> i.changeAutoRenew(true, CUSTOMER, T0.plusSeconds(1)));

            stale.changeAutoRenew(false, CUSTOMER, T0.plusSeconds(2));
            assertThatThrownBy(() -> db.inTx(() -> db.instances.save(stale)))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_MODIFICATION));
            assertThat(reload(stale.id()).autoRenew()).isTrue();
        }

        @Test
        void a_customers_servers_come_newest_first_terminated_ones_included_and_nobody_elses() {
            Instance old = launch(user, "old", T0);
            Instance newer = launch(user, "newer", T0.plusSeconds(60));
            change(old.id(), i -> i.terminate(ADMIN, "gone", null, T0.plusSeconds(90)));
            User other = Fixtures.newUser("other");
            db.inTx(() -> db.users.save(other));
            launch(other, "not-mine", T0.plusSeconds(120));

            assertThat(db.inTx(() -> db.instances.findByUser(user.id()))).extracting(Instance::id)
                    .containsExactly(newer.id(), old.id());
            assertThat(db.inTx(() -> db.instances.findByUser(UUID.randomUUID()))).isEmpty();
        }

        @Test
        void the_lifecycle_claim_returns_due_live_instances_oldest_due_first_and_at_most_max() {
            Instance dueLast = launch(user, "due-last", NOW.minusSeconds(10));
            Instance dueFirst = launch(user, "due-first", NOW.minusSeconds(300));
            Instance dueNow = launch(user, "due-now", NOW);
            launch(user, "not-yet", NOW.plusSeconds(1));
            Instance terminated = launch(user, "terminated", NOW.minusSeconds(500));
            change(terminated.id(), i -> i.terminate(ADMIN, "gone", null, NOW.minusSeconds(400)));
            // even with a due date left on it, a terminated instance is never claimed
            db.execute("UPDATE instances SET next_lifecycle_at = ? WHERE id = ?",
                    java.sql.Timestamp.from(NOW.minusSeconds(999)), terminated.id());

            assertThat(db.inTx(() -> db.instances.claimDueForLifecycle(NOW, 10))).extracting(Instance::id)
                    .containsExactly(dueFirst.id(), dueLast.id(), dueNow.id());
            assertThat(db.inTx(() -> db.instances.claimDueForLifecycle(NOW, 2))).extracting(Instance::id)
                    .containsExactly(dueFirst.id(), dueLast.id());
            assertThat(db.inTx(() -> db.instances.claimDueForLifecycle(NOW.minusSeconds(301), 10))).isEmpty();
        }

        @Test
        void an_instance_without_a_next_lifecycle_check_is_never_claimed() {
            Instance idle = launch("idle");
            db.execute("UPDATE instances SET next_lifecycle_at = NULL WHERE id = ?", idle.id());

            assertThat(db.inTx(() -> db.instances.claimDueForLifecycle(NOW, 10))).isEmpty();
        }

        @Test
        @Timeout(30)
        void the_lifecycle_claim_skips_instances_another_open_transaction_holds_without_waiting() throws Exception {
            Instance first = launch(user, "first", NOW.minusSeconds(60));
            Instance second = launch(user, "second", NOW.minusSeconds(30));
            CountDownLatch claimed = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);

            CompletableFuture<List<UUID>> holder = CompletableFuture.supplyAsync(() -> db.inTx(() -> {
                List<UUID> mine = db.instances.claimDueForLifecycle(NOW, 1).stream().map(Instance::id).toList();
                claimed.countDown();
                await(release);
                return mine;
            }), pool);
            assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<List<UUID>> other = CompletableFuture.supplyAsync(() -> db.inTx(() ->
                    db.instances.claimDueForLifecycle(NOW, 10).stream().map(Instance::id).toList()), pool);
            assertThat(other).as("SKIP LOCKED: the other scheduler neither waits nor gets the held instance")
                    .succeedsWithin(Duration.ofSeconds(5)).isEqualTo(List.of(second.id()));

            release.countDown();
            assertThat(holder.get(10, TimeUnit.SECONDS)).containsExactly(first.id());
            assertThat(db.inTx(() -> db.instances.claimDueForLifecycle(NOW, 10))).extracting(Instance::id)
                    .as("once the holder committed both are free again").containsExactly(first.id(), second.id());
        }

        @Test
        @Timeout(30)
        void reading_an_instance_for_update_waits_for_the_transaction_holding_it() throws Exception {
            Instance held = launch("held");
            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> db.inTx(() -> {
                Instance i = db.instances.findByIdForUpdate(held.id()).orElseThrow();
                locked.countDown();
                await(release);
                i.changeAutoRenew(true, CUSTOMER, T0.plusSeconds(5));
                db.instances.save(i);
            }), pool);
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Instance> waiter = CompletableFuture.supplyAsync(() ->
                    db.inTx(() -> db.instances.findByIdForUpdate(held.id())).orElseThrow(), pool);
            TestDatabase.awaitTrue("the second reader waits for the row lock", Duration.ofSeconds(10),
                    () -> db.sessionsWaitingForLock() == 1);
            assertThat(waiter).isNotDone();

            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            assertThat(waiter.get(10, TimeUnit.SECONDS).autoRenew()).as("it reads the committed change").isTrue();
        }

        @Test
        void operators_search_by_status_owner_and_hostname_ip_or_server_id_case_insensitively_a_page_at_a_time() {
            Instance web = launch(user, "Web-Alpha", T0);
            Instance db1 = launch(user, "db-1", T0.plusSeconds(10));
            Instance under = launch(user, "under_score", T0.plusSeconds(20));
            change(db1.id(), i -> i.suspendByOperator(ADMIN, "dispute", T0.plusSeconds(30)));
            User other = Fixtures.newUser("other");
            db.inTx(() -> db.users.save(other));
            Instance foreign = launch(other, "web-beta", T0.plusSeconds(40));

            assertThat(search(null, null, null, 0, 10)).containsExactly(foreign.id(), under.id(), db1.id(), web.id());
            assertThat(search("SUSPENDED", null, null, 0, 10)).containsExactly(db1.id());
            assertThat(search("active", user.id(), null, 0, 10)).containsExactly(under.id(), web.id());
            assertThat(search(null, null, "WEB", 0, 10)).containsExactly(foreign.id(), web.id());
            assertThat(search(null, null, "  " + web.ipv4() + " ", 0, 10)).containsExactly(web.id());
            assertThat(search(null, null, under.providerServerId(), 0, 10)).containsExactly(under.id());
            assertThat(search(null, null, "_", 0, 10)).as("wildcards are taken literally").containsExactly(under.id());
            assertThat(search(null, other.id(), "alpha", 0, 10)).isEmpty();

            Page<Instance> second = db.inTx(() -> db.instances.search(new InstanceSearch(null, null, null),
                    new PageRequest(1, 3)));
            assertThat(second.total()).isEqualTo(4);
            assertThat(second.items()).extracting(Instance::id).containsExactly(web.id());
        }

        private List<UUID> search(String status, UUID owner, String text, int page, int size) {
            return db.inTx(() -> db.instances.search(new InstanceSearch(status, owner, text),
                    new PageRequest(page, size))).items().stream().map(Instance::id).toList();
        }
    }

    @Nested
    class Actions {

        @Test
        void an_action_comes_back_and_is_no_longer_in_progress_once_completed() {
            Instance instance = launch("act-1");
            InstanceAction started = InstanceAction.started(instance.id(), ActionType.REBOOT, "900001", CUSTOMER, NOW);
            db.inTx(() -> db.instanceActions.save(started));

            assertThat(db.inTx(() -> db.instanceActions.findById(started.id()))).get()
                    .usingRecursiveComparison().ignoringFields("version").isEqualTo(started);
            assertThat(db.inTx(() -> db.instanceActions.findInProgress(instance.id()))).get()
                    .extracting(InstanceAction::id).isEqualTo(started.id());

            db.inTx(() -> {
                InstanceAction a = db.instanceActions.findById(started.id()).orElseThrow();
                a.fail("provider says no", NOW.plusSeconds(5));
                db.instanceActions.save(a);
            });
            InstanceAction failed = db.inTx(() -> db.instanceActions.findById(started.id())).orElseThrow();
            assertThat(failed.status()).isEqualTo(InstanceAction.Status.ERRORED);
            assertThat(failed.completedAt()).isEqualTo(NOW.plusSeconds(5));
            assertThat(failed.error()).isEqualTo("provider says no");
            assertThat(failed.requestedBy()).isEqualTo(CUSTOMER);
            assertThat(failed.version()).as("stored at 1, then changed once").isEqualTo(2);
            assertThat(db.inTx(() -> db.instanceActions.findInProgress(instance.id()))).isEmpty();
            assertThat(db.inTx(() -> db.instanceActions.findById(UUID.randomUUID()))).isEmpty();
        }

        @Test
        void an_action_started_and_ended_in_one_transaction_with_history_written_between_is_stored() {
            Instance instance = launch("act-0");
            InstanceAction action = InstanceAction.started(instance.id(), ActionType.POWER_ON, "900002", ADMIN, NOW);

            db.inTx(() -> {
                db.instanceActions.save(action);
                db.instanceEvents.append(InstanceEvent.of(instance.id(), "ACTION_REQUESTED", ADMIN, "power_on", null,
                        NOW));
                InstanceEvent ended = action.complete(NOW);
                db.instanceActions.save(action);
                db.instanceEvents.append(ended);
            });

            InstanceAction stored = db.inTx(() -> db.instanceActions.findById(action.id())).orElseThrow();
            assertThat(stored.status()).isEqualTo(InstanceAction.Status.COMPLETED);
            assertThat(stored.completedAt()).isEqualTo(NOW);
            assertThat(db.inTx(() -> db.instanceActions.findInProgress(instance.id()))).isEmpty();
            assertThat(db.inTx(() -> db.instanceEvents.history(instance.id(), 10))).extracting(InstanceEvent::type)
                    .containsExactly("ACTION_COMPLETED", "ACTION_REQUESTED");
        }

        @Test
        void an_action_loaded_before_someone_else_ended_it_is_not_saved_over_their_change() {
            Instance instance = launch("act-8");
            InstanceAction started = InstanceAction.started(instance.id(), ActionType.REBOOT, "900003", CUSTOMER, NOW);
            db.inTx(() -> db.instanceActions.save(started));
            InstanceAction stale = db.inTx(() -> db.instanceActions.findById(started.id())).orElseThrow();
            db.inTx(() -> {
                InstanceAction a = db.instanceActions.findById(started.id()).orElseThrow();
                a.complete(NOW.plusSeconds(5));
                db.instanceActions.save(a);
            });

            stale.fail("timed out", NOW.plusSeconds(6));
            assertThatThrownBy(() -> db.inTx(() -> db.instanceActions.save(stale)))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_MODIFICATION));
            assertThat(db.inTx(() -> db.instanceActions.findById(started.id()))).get()
                    .extracting(InstanceAction::status).isEqualTo(InstanceAction.Status.COMPLETED);
        }

        @Test
        void a_second_action_in_progress_on_the_same_server_is_refused_with_action_in_progress() {
            Instance instance = launch("act-2");
            Instance neighbour = launch("act-3");
            db.inTx(() -> db.instanceActions.save(InstanceAction.started(instance.id(), ActionType.POWER_OFF, "1",
                    CUSTOMER, NOW)));

            assertThatThrownBy(() -> db.inTx(() -> db.instanceActions.save(InstanceAction.started(instance.id(),
                    ActionType.REBOOT, "2", CUSTOMER, NOW.plusSeconds(1)))))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.ACTION_IN_PROGRESS));

            db.inTx(() -> db.instanceActions.save(InstanceAction.started(neighbour.id(), ActionType.REBOOT, "3",
                    CUSTOMER, NOW.plusSeconds(1))));
            db.inTx(() -> db.instanceActions.save(InstanceAction.completedAtOnce(instance.id(), ActionType.CONSOLE,
                    CUSTOMER, NOW.plusSeconds(2))));
            assertThat(db.count("SELECT COUNT(*) FROM instance_actions WHERE instance_id = ?", instance.id()))
                    .as("the refused one left nothing; one that is over at once is not in progress").isEqualTo(2);
        }

        @Test
        @Timeout(30)
        void of_two_transactions_starting_an_action_on_one_server_at_once_the_second_fails_on_insert()
                throws Exception {
            Instance instance = launch("act-4");
            CountDownLatch inserted = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> db.inTx(() -> {
                db.instanceActions.save(InstanceAction.started(instance.id(), ActionType.REBOOT, "10", CUSTOMER, NOW));
                inserted.countDown();
                await(commit);
            }), pool);
            assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> db.inTx(() ->
                    db.instanceActions.save(InstanceAction.started(instance.id(), ActionType.POWER_OFF, "11", CUSTOMER,
                            NOW))), pool);
            TestDatabase.awaitTrue("the second insert waits for the first transaction", Duration.ofSeconds(10),
                    () -> db.sessionsWaitingForLock() == 1);

            commit.countDown();
            first.get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.ACTION_IN_PROGRESS));
            assertThat(db.inTx(() -> db.instanceActions.findInProgress(instance.id()))).get()
                    .extracting(InstanceAction::type).isEqualTo(ActionType.REBOOT);
        }

        @Test
        void the_unique_violation_of_the_rule_maps_to_action_in_progress_wherever_the_transaction_meets_it()
                throws SQLException {
            Instance instance = launch("act-5");
            db.inTx(() -> db.instanceActions.save(InstanceAction.started(instance.id(), ActionType.REBOOT, "20",
                    CUSTOMER, NOW)));
            SQLException violation = null;
            try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO instance_actions (id, instance_id, type, status, requested_by_type,"
                        + " requested_by_id, requested_at) VALUES ('" + UUID.randomUUID() + "', '" + instance.id()
                        + "', 'POWER_ON', 'IN_PROGRESS', 'ADMIN', 'ops', now())");
            } catch (SQLException e) {
                violation = e;
            }

            assertThat((Throwable) violation).as("the second IN_PROGRESS row is refused").isNotNull();
            assertThat(JpaTransactionRunner.uniqueViolation(new RuntimeException("commit failed", violation)))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.ACTION_IN_PROGRESS));
        }

        @Test
        void recent_actions_come_newest_first_and_the_rate_limit_counts_those_asked_since_a_moment() {
            Instance instance = launch("act-6");
            Instance other = launch("act-7");
            for (int n = 0; n < 4; n++) {
                int k = n;
                db.inTx(() -> db.instanceActions.save(InstanceAction.completedAtOnce(instance.id(), ActionType.CONSOLE,
                        CUSTOMER, NOW.plusSeconds(k * 60L))));
            }
            db.inTx(() -> db.instanceActions.save(InstanceAction.completedAtOnce(other.id(), ActionType.CONSOLE,
                    CUSTOMER, NOW.plusSeconds(200))));

            assertThat(db.inTx(() -> db.instanceActions.recent(instance.id(), 3))).extracting(InstanceAction::requestedAt)
                    .containsExactly(NOW.plusSeconds(180), NOW.plusSeconds(120), NOW.plusSeconds(60));
            assertThat(db.inTx(() -> db.instanceActions.countRequestedSince(instance.id(), NOW.plusSeconds(60))))
                    .isEqualTo(3);
            assertThat(db.inTx(() -> db.instanceActions.countRequestedSince(instance.id(), NOW.plusSeconds(181))))
                    .isZero();
        }

        @Test
        @Timeout(30)
        void the_poller_claims_in_progress_actions_oldest_first_skipping_those_another_transaction_holds()
                throws Exception {
            Instance a = launch("poll-a");
            Instance b = launch("poll-b");
            Instance c = launch("poll-c");
            InstanceAction oldest = InstanceAction.started(a.id(), ActionType.REBOOT, "30", CUSTOMER, NOW);
            InstanceAction middle = InstanceAction.started(b.id(), ActionType.REBOOT, "31", CUSTOMER, NOW.plusSeconds(1));
            db.inTx(() -> {
                db.instanceActions.save(middle);
                db.instanceActions.save(oldest);
                db.instanceActions.save(InstanceAction.completedAtOnce(c.id(), ActionType.CONSOLE, CUSTOMER, NOW));
            });

            assertThat(db.inTx(() -> db.instanceActions.claimInProgress(10))).extracting(InstanceAction::id)
                    .containsExactly(oldest.id(), middle.id());

            CountDownLatch claimed = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<List<InstanceAction>> holder = CompletableFuture.supplyAsync(() -> db.inTx(() -> {
                List<InstanceAction> mine = db.instanceActions.claimInProgress(1);
                claimed.countDown();
                await(release);
                return mine;
            }), pool);
            assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<List<UUID>> other = CompletableFuture.supplyAsync(() -> db.inTx(() ->
                    db.instanceActions.claimInProgress(10).stream().map(InstanceAction::id).toList()), pool);
            assertThat(other).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(List.of(middle.id()));
            release.countDown();
            assertThat(holder.get(10, TimeUnit.SECONDS)).extracting(InstanceAction::id).containsExactly(oldest.id());
        }
    }

    @Nested
    class History {

        @Test
        void history_comes_newest_first_and_lines_of_the_same_instant_in_reverse_order_of_appending() {
            Instance instance = launch("hist-1");
            db.inTx(() -> {
                db.instanceEvents.append(InstanceEvent.of(instance.id(), "CREATED", Actor.system("worker"), null,
                        null, NOW));
                db.instanceEvents.append(InstanceEvent.of(instance.id(), "ACTION_REQUESTED", CUSTOMER, "reboot",
                        null, NOW.plusSeconds(5)));
                db.instanceEvents.append(InstanceEvent.of(instance.id(), "ACTION_COMPLETED", CUSTOMER, "reboot",
                        null, NOW.plusSeconds(5)));
            });

            List<InstanceEvent> history = db.inTx(() -> db.instanceEvents.history(instance.id(), 10));
            assertThat(history).extracting(InstanceEvent::type)
                    .containsExactly("ACTION_COMPLETED", "ACTION_REQUESTED", "CREATED");
            assertThat(history.get(2).actor()).isEqualTo(Actor.system("worker"));
            assertThat(history.get(2).detail()).isNull();
            assertThat(history.get(1).detail()).isEqualTo("reboot");
            assertThat(history.get(1).at()).isEqualTo(NOW.plusSeconds(5));
            assertThat(db.inTx(() -> db.instanceEvents.history(instance.id(), 1))).extracting(InstanceEvent::type)
                    .containsExactly("ACTION_COMPLETED");
            assertThat(db.inTx(() -> db.instanceEvents.history(UUID.randomUUID(), 10))).isEmpty();
        }

        @Test
        void a_line_about_an_instance_stored_in_the_same_transaction_is_appended_after_it() {
            Order order = Fixtures.newOrder(user.id(), "same-tx", T0);
            Instance instance = Instance.launched(order.id(), user.id(), "DIGITALOCEAN", "777001", "same-tx", "sgp1",
                    "s-1vcpu-1gb", "ubuntu-24-04-x64", "203.0.113.77", null, T0, T0, BillingPeriod.DAILY,
                    Money.rupiah(3_000), null);
            InstanceEvent created = InstanceEvent.of(instance.id(), "CREATED", Actor.system("worker"), "server 777001",
                    null, T0);

            db.inTx(() -> {
                db.orders.save(order);
                db.instances.save(instance);
                db.instanceEvents.append(created);
                db.credentials.save(ServerCredential.initial(instance.id(), "Initial-Pass-1", T0));
            });

            assertThat(db.inTx(() -> db.instanceEvents.history(instance.id(), 10))).singleElement()
                    .usingRecursiveComparison().isEqualTo(created);
            assertThat(reload(instance.id()).agentTokenHash()).isNull();
        }

        @Test
        void a_lifecycle_step_is_recorded_once_per_instance_and_key() {
            Instance instance = launch("step-1");
            Instance other = launch("step-2");
            String key = "REMINDER_3D:2026-07-01T08:00:00Z";

            assertThat(db.inTx(() -> db.instanceEvents.recordStep(step(instance, key, NOW)))).isTrue();
            assertThat(db.inTx(() -> db.instanceEvents.recordStep(step(instance, key, NOW.plusSeconds(60)))))
                    .as("a second scheduler recording the same step").isFalse();
            assertThat(db.inTx(() -> db.instanceEvents.recordStep(step(other, key, NOW)))).isTrue();
            assertThat(db.inTx(() -> {
                boolean once = db.instanceEvents.recordStep(step(instance, "SUSPEND:1", NOW));
                boolean twice = db.instanceEvents.recordStep(step(instance, "SUSPEND:1", NOW));
                return List.of(once, twice);
            })).as("within one transaction too").containsExactly(true, false);

            assertThat(db.inTx(() -> db.instanceEvents.stepKeys(instance.id()))).containsExactly(key, "SUSPEND:1");
            assertThat(db.inTx(() -> db.instanceEvents.history(instance.id(), 10))).extracting(InstanceEvent::at)
                    .as("the refused step left no line").containsExactly(NOW, NOW);
            assertThat(db.inTx(() -> db.instanceEvents.stepKeys(UUID.randomUUID()))).isEmpty();
        }

        @Test
        void plain_history_lines_without_a_step_key_are_never_refused() {
            Instance instance = launch("plain");
            for (int n = 0; n < 3; n++) {
                db.inTx(() -> db.instanceEvents.append(InstanceEvent.of(instance.id(), "POWER_OFF", ADMIN, null, null,
                        NOW)));
            }

            assertThat(db.inTx(() -> db.instanceEvents.history(instance.id(), 10))).hasSize(3);
            assertThat(db.inTx(() -> db.instanceEvents.stepKeys(instance.id()))).isEmpty();
        }

        @Test
        @Timeout(30)
        void of_two_schedulers_recording_the_same_step_at_once_exactly_one_is_told_it_did() throws Exception {
            Instance instance = launch("step-race");
            CountDownLatch recorded = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> db.inTx(() -> {
                boolean mine = db.instanceEvents.recordStep(step(instance, "TERMINATE:1", NOW));
                recorded.countDown();
                await(commit);
                return mine;
            }), pool);
            assertThat(recorded.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> db.inTx(() ->
                    db.instanceEvents.recordStep(step(instance, "TERMINATE:1", NOW))), pool);
            TestDatabase.awaitTrue("the second insert waits for the first transaction", Duration.ofSeconds(10),
                    () -> db.sessionsWaitingForLock() == 1);

            commit.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(second.get(10, TimeUnit.SECONDS)).isFalse();
            assertThat(db.count("SELECT COUNT(*) FROM instance_events WHERE step_key = 'TERMINATE:1'")).isEqualTo(1);
        }

        private InstanceEvent step(Instance instance, String key, Instant at) {
            return InstanceEvent.of(instance.id(), "STEP", Actor.system("lifecycle"), key, key, at);
        }
    }

    @Nested
    class Credentials {

        @Test
        void the_initial_password_comes_back_until_shown_and_is_wiped_once_shown() {
            Instance instance = launch("cred-1");
            ServerCredential initial = ServerCredential.initial(instance.id(), "Initial-Pass-2", NOW);
            db.inTx(() -> db.credentials.save(initial));

            assertThat(db.inTx(() -> db.credentials.findInitial(instance.id()))).get()
                    .usingRecursiveComparison().isEqualTo(initial);

            String shown = db.inTx(() -> {
                ServerCredential c = db.credentials.findInitial(instance.id()).orElseThrow();
                String password = c.reveal(NOW.plusSeconds(30));
                db.credentials.save(c);
                return password;
            });

            assertThat(shown).isEqualTo("Initial-Pass-2");
            ServerCredential after = db.inTx(() -> db.credentials.findInitial(instance.id())).orElseThrow();
            assertThat(after.revealedAt()).isEqualTo(NOW.plusSeconds(30));
            assertThat(after.secret()).isNull();
            assertThat(db.count("SELECT COUNT(*) FROM server_credentials WHERE secret IS NOT NULL")).isZero();
            assertThatThrownBy(() -> after.reveal(NOW.plusSeconds(60))).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.PASSWORD_ALREADY_SHOWN));
            assertThat(db.inTx(() -> db.credentials.findInitial(launch("cred-none").id()))).isEmpty();
        }

        @Test
        void the_pending_reset_is_the_newest_undelivered_one_and_is_gone_once_delivered() {
            Instance instance = launch("cred-2");
            InstanceAction older = InstanceAction.started(instance.id(), ActionType.RESET_PASSWORD, null, CUSTOMER, NOW);
            ServerCredential olderReset = ServerCredential.reset(instance.id(), older.id(), "Older-Pass-1", NOW);
            db.inTx(() -> {
                db.credentials.save(olderReset); // stored before its action in the same transaction
                db.instanceActions.save(older);
            });
            db.inTx(() -> {
                InstanceAction a = db.instanceActions.findById(older.id()).orElseThrow();
                a.fail("agent never came", NOW.plusSeconds(600));
                db.instanceActions.save(a);
            });
            InstanceAction newer = InstanceAction.started(instance.id(), ActionType.RESET_PASSWORD, null, CUSTOMER,
                    NOW.plusSeconds(900));
            ServerCredential newerReset = ServerCredential.reset(instance.id(), newer.id(), "Newer-Pass-2",
                    NOW.plusSeconds(900));
            db.inTx(() -> {
                db.instanceActions.save(newer);
                db.credentials.save(newerReset);
            });

            assertThat(db.inTx(() -> db.credentials.findPendingResetForUpdate(instance.id()))).get()
                    .usingRecursiveComparison().isEqualTo(newerReset);
            assertThat(db.inTx(() -> db.credentials.findByAction(older.id()))).get()
                    .usingRecursiveComparison().isEqualTo(olderReset);

            String delivered = db.inTx(() -> {
                ServerCredential c = db.credentials.findPendingResetForUpdate(instance.id()).orElseThrow();
                String password = c.deliver(NOW.plusSeconds(960));
                db.credentials.save(c);
                return password;
            });
            assertThat(delivered).isEqualTo("Newer-Pass-2");
            assertThat(db.inTx(() -> db.credentials.findByAction(newer.id()))).get().satisfies(c -> {
                assertThat(c.deliveredAt()).isEqualTo(NOW.plusSeconds(960));
                assertThat(c.secret()).as("shown and delivered: wiped").isNull();
            });
            assertThat(db.inTx(() -> db.credentials.findPendingResetForUpdate(instance.id()))).get()
                    .extracting(ServerCredential::id).as("the older one is still undelivered").isEqualTo(olderReset.id());

            db.inTx(() -> {
                ServerCredential c = db.credentials.findByAction(older.id()).orElseThrow();
                c.discard();
                db.credentials.save(c);
            });
            assertThat(db.inTx(() -> db.credentials.findPendingResetForUpdate(instance.id()))).isEmpty();
            assertThat(db.inTx(() -> db.credentials.findByAction(UUID.randomUUID()))).isEmpty();
        }

        @Test
        @Timeout(30)
        void a_pending_reset_is_locked_so_two_agent_requests_cannot_both_take_it() throws Exception {
            Instance instance = launch("cred-3");
            InstanceAction action = InstanceAction.started(instance.id(), ActionType.RESET_PASSWORD, null, CUSTOMER, NOW);
            db.inTx(() -> {
                db.instanceActions.save(action);
                db.credentials.save(ServerCredential.reset(instance.id(), action.id(), "Once-Only-3", NOW));
            });
            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Supplier<Optional<String>> takeIt = () -> db.inTx(() -> db.credentials
                    .findPendingResetForUpdate(instance.id()).map(c -> {
                        String password = c.deliver(NOW.plusSeconds(30));
                        db.credentials.save(c);
                        locked.countDown();
                        await(release);
                        return password;
                    }));
            CompletableFuture<Optional<String>> first = CompletableFuture.supplyAsync(takeIt, pool);
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Optional<String>> second = CompletableFuture.supplyAsync(takeIt, pool);
            TestDatabase.awaitTrue("the second agent request waits for the row lock", Duration.ofSeconds(10),
                    () -> db.sessionsWaitingForLock() == 1);
            release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).contains("Once-Only-3");
            assertThat(second.get(10, TimeUnit.SECONDS)).as("after the first committed it is no longer pending")
                    .isEmpty();
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
