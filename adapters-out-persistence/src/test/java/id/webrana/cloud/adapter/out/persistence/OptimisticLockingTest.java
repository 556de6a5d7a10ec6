package id.webrana.cloud.adapter.out.persistence;

import static id.webrana.cloud.adapter.out.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.catalog.Coupon;
import id.webrana.cloud.domain.catalog.Discount;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A stale copy of an aggregate is never written over a newer one. */
class OptimisticLockingTest extends PostgresTest {

    private static final Actor ADMIN_A = new Actor(Actor.Type.ADMIN, "admin-a");
    private static final Actor ADMIN_B = new Actor(Actor.Type.ADMIN, "admin-b");

    private Order storedOrder() {
        User user = Fixtures.newUser("lock");
        Order order = Fixtures.newOrder(user.id(), "lock", T0);
        db.inTx(() -> {
            db.users.save(user);
            db.orders.save(order);
        });
        return order;
    }

    private Coupon storedCoupon() {
        Coupon coupon = Coupon.create("L" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                new Coupon.Terms(Discount.percent(10), null, null, null, 5, null, null, Set.of(), Set.of()));
        db.inTx(() -> db.coupons.save(coupon));
        return coupon;
    }

    @Test
    void savingAStaleCopyOfAnOrderIsRefusedAsAConcurrentModification() {
        Order order = storedOrder();
        Order first = db.inTx(() -> db.orders.findById(order.id())).orElseThrow();
        Order stale = db.inTx(() -> db.orders.findById(order.id())).orElseThrow();

        first.markPaid(ADMIN_A, "paid", T0.plusSeconds(1));
        db.inTx(() -> db.orders.save(first));
        stale.rejectPayment(ADMIN_B, "no transfer found", T0.plusSeconds(2));

        assertThatThrownBy(() -> db.inTx(() -> db.orders.save(stale)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_MODIFICATION));
        Order stored = db.inTx(() -> db.orders.findById(order.id())).orElseThrow();
        assertThat(stored.status()).isEqualTo(OrderStatus.PAID);
        assertThat(stored.history()).hasSize(2);
        assertThat(db.count("SELECT COUNT(*) FROM order_status_history WHERE order_id = ?", order.id())).isEqualTo(2);
    }

    @Test
    void savingAStaleCopyOfACouponIsRefusedAsAConcurrentModification() {
        Coupon coupon = storedCoupon();
        Coupon first = db.inTx(() -> db.coupons.findById(coupon.id())).orElseThrow();
        Coupon stale = db.inTx(() -> db.coupons.findById(coupon.id())).orElseThrow();

        first.redeem();
        db.inTx(() -> db.coupons.save(first));
        stale.redeem();

        assertThatThrownBy(() -> db.inTx(() -> db.coupons.save(stale)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_MODIFICATION));
        assertThat(db.inTx(() -> db.coupons.findById(coupon.id())).orElseThrow().redemptionCount()).isEqualTo(1);
    }

    /**
     * The race the version check alone cannot see: both transactions read version 0 before either
     * wrote. The {@code @Version} column makes the second UPDATE match no row.
     */
    @Test
    @Timeout(30)
    void twoTransactionsRedeemingTheSameCouponAtOnceCannotBothCommit() throws Exception {
        Coupon coupon = storedCoupon();
        var outcome = raceTwoTransactions(() -> {
            Coupon c = db.coupons.findById(coupon.id()).orElseThrow();
            return () -> {
                c.redeem();
                db.coupons.save(c);
            };
        });

        assertThat(outcome.first().join()).isNull();
        assertThat(outcome.second()).failsWithin(java.time.Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_MODIFICATION));
        assertThat(db.inTx(() -> db.coupons.findById(coupon.id())).orElseThrow().redemptionCount()).isEqualTo(1);
    }

    @Test
    @Timeout(30)
    void twoTransactionsChangingTheSameOrderAtOnceCannotBothCommit() throws Exception {
        Order order = storedOrder();
        var outcome = raceTwoTransactions(() -> {
            Order o = db.orders.findById(order.id()).orElseThrow();
            return () -> {
                o.markPaid(ADMIN_A, "paid", T0.plusSeconds(1));
                db.orders.save(o);
            };
        });

        assertThat(outcome.first().join()).isNull();
        assertThat(outcome.second()).failsWithin(java.time.Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_MODIFICATION));
        Order stored = db.inTx(() -> db.orders.findById(order.id())).orElseThrow();
        assertThat(stored.history()).extracting(h -> h.to())
                .containsExactly(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID);
    }

    record Race(CompletableFuture<Void> first, CompletableFuture<Void> second) {
    }

    /**
     * Both transactions load (the supplier) before either writes; then the first writes and
     * commits, then the second writes (the returned runnable) and tries to commit.
     */
    private Race raceTwoTransactions(java.util.function.Supplier<Runnable> loadThenWrite) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch bothLoaded = new CountDownLatch(2);
            CountDownLatch firstCommitted = new CountDownLatch(1);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
                try {
                    db.inTx(() -> {
                        Runnable write = loadThenWrite.get();
                        bothLoaded.countDown();
                        await(bothLoaded);
                        write.run();
                    });
                } finally {
                    firstCommitted.countDown();
                }
            }, pool);
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> db.inTx(() -> {
                Runnable write = loadThenWrite.get();
                bothLoaded.countDown();
                await(firstCommitted);
                write.run();
            }), pool);
            CompletableFuture.allOf(first, second).exceptionally(t -> null).get(20, TimeUnit.SECONDS);
            return new Race(first, second);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the other transaction never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
