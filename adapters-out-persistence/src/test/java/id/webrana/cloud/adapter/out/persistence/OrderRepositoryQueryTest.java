package id.webrana.cloud.adapter.out.persistence;

import static id.webrana.cloud.adapter.out.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import id.webrana.cloud.application.port.out.OrderRepository.OrderSearch;
import id.webrana.cloud.domain.account.EmailAddress;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The order queries of admins and workers: search, row locks, overdue claims. */
class OrderRepositoryQueryTest extends PostgresTest {

    private static final Actor ADMIN = new Actor(Actor.Type.ADMIN, "admin");

    private static PageRequest firstPage() {
        return new PageRequest(0, 50);
    }

    @Nested
    class Search {

        private User alice;
        private User bob;
        private Order aliceWeb;      // T0, PENDING_PAYMENT
        private Order aliceDb;       // T0+1h, PAID
        private Order aliceMail;     // T0+2h, PAYMENT_FAILED
        private Order bobWeb;        // T0+3h, PAID
        private Order bobApi;        // T0+1d, PENDING_PAYMENT

        @BeforeEach
        void fiveOrdersOfTwoCustomers() {
            alice = new User(UUID.randomUUID(), new EmailAddress("Alice.Wijaya@Example.com"), "h", "Alice", null,
                    null, true, true, T0, 0);
            bob = new User(UUID.randomUUID(), new EmailAddress("bob_99@toko.id"), "h", "Bob", null, null, true, true,
                    T0, 0);
            aliceWeb = Fixtures.newOrder(alice.id(), "Web-Server-01", T0);
            aliceDb = Fixtures.newOrder(alice.id(), "db-primary", T0.plus(Duration.ofHours(1)));
            aliceDb.markPaid(ADMIN, null, T0.plus(Duration.ofHours(1)));
            aliceMail = Fixtures.newOrder(alice.id(), "mail", T0.plus(Duration.ofHours(2)));
            aliceMail.rejectPayment(ADMIN, "no transfer", T0.plus(Duration.ofHours(2)));
            bobWeb = Fixtures.newOrder(bob.id(), "web-shop", T0.plus(Duration.ofHours(3)));
            bobWeb.markPaid(ADMIN, null, T0.plus(Duration.ofHours(3)));
            bobApi = Fixtures.newOrder(bob.id(), "api", T0.plus(Duration.ofDays(1)));
            db.inTx(() -> {
                db.users.save(alice);
                db.users.save(bob);
                List.of(aliceWeb, aliceDb, aliceMail, bobWeb, bobApi).forEach(db.orders::save);
            });
        }

        private List<UUID> search(OrderSearch criteria) {
            return db.inTx(() -> db.orders.search(criteria, firstPage())).items().stream().map(Order::id).toList();
        }

        @Test
        void withoutCriteriaFindsEveryOrderNewestFirst() {
            Page<Order> page = db.inTx(() -> db.orders.search(new OrderSearch(null, null, null, null, null), firstPage()));

            assertThat(page.total()).isEqualTo(5);
            assertThat(page.items()).extracting(Order::id)
                    .containsExactly(bobApi.id(), bobWeb.id(), aliceMail.id(), aliceDb.id(), aliceWeb.id());
        }

        @Test
        void filtersByStatus() {
            assertThat(search(new OrderSearch(OrderStatus.PAID, null, null, null, null)))
                    .containsExactly(bobWeb.id(), aliceDb.id());
            assertThat(search(new OrderSearch(OrderStatus.PENDING_PAYMENT, null, null, null, null)))
                    .containsExactly(bobApi.id(), aliceWeb.id());
            assertThat(search(new OrderSearch(OrderStatus.ACTIVE, null, null, null, null))).isEmpty();
        }

        @Test
        void filtersByCustomer() {
            assertThat(search(new OrderSearch(null, alice.id(), null, null, null)))
                    .containsExactly(aliceMail.id(), aliceDb.id(), aliceWeb.id());
            assertThat(search(new OrderSearch(OrderStatus.PAID, bob.id(), null, null, null)))
                    .containsExactly(bobWeb.id());
        }

        @Test
        void filtersByACreationDateRangeThatIncludesItsStartAndExcludesItsEnd() {
            assertThat(search(new OrderSearch(null, null, T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(3)), null)))
                    .containsExactly(aliceMail.id(), aliceDb.id());
            assertThat(search(new OrderSearch(null, null, T0.plus(Duration.ofHours(2)), null, null)))
                    .containsExactly(bobApi.id(), bobWeb.id(), aliceMail.id());
            assertThat(search(new OrderSearch(null, null, null, T0.plusSeconds(1), null)))
                    .containsExactly(aliceWeb.id());
        }

        @Test
        void textMatchesTheHostnameIgnoringCase() {
            assertThat(search(new OrderSearch(null, null, null, null, "WEB"))).containsExactly(bobWeb.id(), aliceWeb.id());
            assertThat(search(new OrderSearch(null, null, null, null, "server-0"))).containsExactly(aliceWeb.id());
        }

        @Test
        void textMatchesTheCustomersEmail() {
            assertThat(search(new OrderSearch(null, null, null, null, "alice.wijaya@")))
                    .containsExactly(aliceMail.id(), aliceDb.id(), aliceWeb.id());
            assertThat(search(new OrderSearch(null, null, null, null, "TOKO.ID")))
                    .containsExactly(bobApi.id(), bobWeb.id());
        }

        @Test
        void textMatchesAPrefixOfTheOrderId() {
            String prefix = aliceDb.id().toString().substring(0, 8);
            assertThat(search(new OrderSearch(null, null, null, null, prefix))).contains(aliceDb.id());
            assertThat(search(new OrderSearch(null, null, null, null, prefix.toUpperCase()))).contains(aliceDb.id());
            assertThat(search(new OrderSearch(null, null, null, null, aliceDb.id().toString())))
                    .containsExactly(aliceDb.id());
        }

        @Test
        void textTreatsLikeWildcardsLiterally() {
            assertThat(search(new OrderSearch(null, null, null, null, "bob_99"))).containsExactly(bobApi.id(), bobWeb.id());
            assertThat(search(new OrderSearch(null, null, null, null, "b_b"))).isEmpty();
            assertThat(search(new OrderSearch(null, null, null, null, "%"))).isEmpty();
        }

        @Test
        void combinesAllCriteria() {
            assertThat(search(new OrderSearch(OrderStatus.PENDING_PAYMENT, bob.id(), T0, T0.plus(Duration.ofDays(2)),
                    "api"))).containsExactly(bobApi.id());
            assertThat(search(new OrderSearch(OrderStatus.PAID, alice.id(), null, null, "web"))).isEmpty();
        }

        @Test
        void pagesThroughTheResultsWithTheTotalOnEveryPage() {
            OrderSearch all = new OrderSearch(null, null, null, null, null);
            List<UUID> seen = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                int pageNo = p;
                Page<Order> page = db.inTx(() -> db.orders.search(all, new PageRequest(pageNo, 2)));
                assertThat(page.total()).isEqualTo(5);
                assertThat(page.page()).isEqualTo(pageNo);
                assertThat(page.size()).isEqualTo(2);
                assertThat(page.items()).hasSize(pageNo < 2 ? 2 : 1);
                page.items().forEach(o -> seen.add(o.id()));
            }
            assertThat(seen).containsExactly(bobApi.id(), bobWeb.id(), aliceMail.id(), aliceDb.id(), aliceWeb.id());
            Page<Order> beyond = db.inTx(() -> db.orders.search(all, new PageRequest(3, 2)));
            assertThat(beyond.items()).isEmpty();
            assertThat(beyond.total()).isEqualTo(5);
        }

        @Test
        void returnsWholeOrdersWithTheirHistory() {
            Order found = db.inTx(() -> db.orders.search(new OrderSearch(null, null, null, null, "db-primary"),
                    firstPage())).items().get(0);
            assertThat(found.status()).isEqualTo(OrderStatus.PAID);
            assertThat(found.history()).hasSize(2);
            assertThat(found.sshKeys()).hasSize(2);
        }
    }

    @Test
    @Timeout(30)
    void findByIdForUpdateMakesASecondTransactionWaitUntilTheFirstCommits() throws Exception {
        User user = Fixtures.newUser("locker");
        Order order = Fixtures.newOrder(user.id(), "locked", T0);
        db.inTx(() -> {
            db.users.save(user);
            db.orders.save(order);
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> db.inTx(() -> {
                Order o = db.orders.findByIdForUpdate(order.id()).orElseThrow();
                firstHoldsTheLock.countDown();
                awaitLatch(release);
                o.markPaid(ADMIN, "first", T0.plusSeconds(1));
                db.orders.save(o);
            }), pool);
            assertThat(firstHoldsTheLock.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<OrderStatus> second = CompletableFuture.supplyAsync(
                    () -> db.inTx(() -> db.orders.findByIdForUpdate(order.id()).orElseThrow().status()), pool);

            TestDatabase.awaitTrue("the second transaction waits for the row lock", Duration.ofSeconds(10),
                    () -> db.sessionsWaitingForLock() >= 1);
            Thread.sleep(100);
            assertThat(second).isNotDone();

            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            assertThat(second.get(10, TimeUnit.SECONDS)).as("the second sees what the first committed")
                    .isEqualTo(OrderStatus.PAID);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void findByIdForUpdateDoesNotBlockAPlainRead() throws Exception {
        User user = Fixtures.newUser("reader");
        Order order = Fixtures.newOrder(user.id(), "read", T0);
        db.inTx(() -> {
            db.users.save(user);
            db.orders.save(order);
        });
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            db.inTx(() -> {
                db.orders.findByIdForUpdate(order.id()).orElseThrow();
                CompletableFuture<OrderStatus> read = CompletableFuture.supplyAsync(
                        () -> db.inTx(() -> db.orders.findById(order.id()).orElseThrow().status()), pool);
                assertThat(read).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(OrderStatus.PENDING_PAYMENT);
            });
        } finally {
            pool.shutdownNow();
        }
    }

    @Nested
    class ClaimOverdueUnpaid {

        private User user;

        @BeforeEach
        void aCustomer() {
            user = Fixtures.newUser("overdue");
            db.inTx(() -> db.users.save(user));
        }

        private Order save(Order o) {
            db.inTx(() -> db.orders.save(o));
            return o;
        }

        @Test
        void returnsOnlyPendingOrdersPastTheirDeadlineOldestDeadlineFirst() {
            Instant now = T0.plus(Duration.ofDays(2));
            Order overdueLong = save(Fixtures.newOrder(user.id(), "late1", T0, T0.plus(Duration.ofHours(1))));
            Order overdueShort = save(Fixtures.newOrder(user.id(), "late2", T0, T0.plus(Duration.ofHours(30))));
            Order dueExactlyNow = save(Fixtures.newOrder(user.id(), "now", T0, now));
            save(Fixtures.newOrder(user.id(), "notyet", T0, now.plusSeconds(1)));
            Order paidLate = Fixtures.newOrder(user.id(), "paid", T0, T0.plus(Duration.ofHours(1)));
            paidLate.markPaid(ADMIN, null, T0.plusSeconds(10));
            save(paidLate);
            Order rejected = Fixtures.newOrder(user.id(), "rejected", T0, T0.plus(Duration.ofHours(1)));
            rejected.rejectPayment(ADMIN, "fake receipt", T0.plusSeconds(10));
            save(rejected);
            Order expired = Fixtures.newOrder(user.id(), "expired", T0, T0.plus(Duration.ofHours(1)));
            expired.expire(T0.plus(Duration.ofHours(2)));
            save(expired);

            List<Order> claimed = db.inTx(() -> db.orders.claimOverdueUnpaid(now, 10));

            assertThat(claimed).extracting(Order::id)
                    .containsExactly(overdueLong.id(), overdueShort.id(), dueExactlyNow.id());
            assertThat(claimed).allSatisfy(o -> {
                assertThat(o.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
                assertThat(o.isPaymentOverdue(now)).isTrue();
            });
        }

        @Test
        void takesNoMoreThanTheLimit() {
            for (int i = 0; i < 4; i++) {
                save(Fixtures.newOrder(user.id(), "late" + i, T0, T0.plus(Duration.ofMinutes(10 + i))));
            }
            assertThat(db.inTx(() -> db.orders.claimOverdueUnpaid(T0.plus(Duration.ofDays(1)), 3))).hasSize(3);
        }

        @Test
        void skipsOrdersAnotherWorkerHasClaimed() throws Exception {
            Instant now = T0.plus(Duration.ofDays(1));
            Order a = save(Fixtures.newOrder(user.id(), "a", T0, T0.plus(Duration.ofMinutes(1))));
            Order b = save(Fixtures.newOrder(user.id(), "b", T0, T0.plus(Duration.ofMinutes(2))));
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                db.inTx(() -> {
                    assertThat(db.orders.claimOverdueUnpaid(now, 1)).extracting(Order::id).containsExactly(a.id());
                    CompletableFuture<List<UUID>> other = CompletableFuture.supplyAsync(() -> db.inTx(
                            () -> db.orders.claimOverdueUnpaid(now, 10).stream().map(Order::id).toList()), pool);
                    assertThat(other).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(List.of(b.id()));
                });
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void theExpiryUseCaseLeavesOtherOrdersAlone() {
            Instant now = T0.plus(Duration.ofDays(1));
            Order late = save(Fixtures.newOrder(user.id(), "late", T0, T0.plus(Duration.ofHours(1))));
            Order onTime = save(Fixtures.newOrder(user.id(), "ontime", T0, now.plus(Duration.ofHours(1))));

            int expired = db.inTx(() -> {
                List<Order> overdue = db.orders.claimOverdueUnpaid(now, 10);
                overdue.forEach(o -> {
                    o.expire(now);
                    db.orders.save(o);
                });
                return overdue.size();
            });

            assertThat(expired).isEqualTo(1);
            assertThat(db.inTx(() -> db.orders.findById(late.id())).orElseThrow().status()).isEqualTo(OrderStatus.EXPIRED);
            assertThat(db.inTx(() -> db.orders.findById(onTime.id())).orElseThrow().status())
                    .isEqualTo(OrderStatus.PENDING_PAYMENT);
            assertThat(db.inTx(() -> db.orders.claimOverdueUnpaid(now, 10))).isEmpty();
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
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
