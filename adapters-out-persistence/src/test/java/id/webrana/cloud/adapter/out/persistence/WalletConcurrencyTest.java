package id.webrana.cloud.adapter.out.persistence;

import static id.webrana.cloud.adapter.out.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.billing.Wallet;
import id.webrana.cloud.domain.billing.WalletEntryType;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Concurrent payments from one wallet are applied one after the other under its row lock. */
class WalletConcurrencyTest extends PostgresTest {

    private static final Money PRICE = Money.rupiah(15_000);
    private static final Actor SYSTEM = Actor.system("test");

    @Test
    @Timeout(120)
    void fifty_threads_debiting_a_balance_that_covers_twenty_get_exactly_twenty_payments() throws Exception {
        User user = Fixtures.newUser("wallet");
        db.inTx(() -> db.users.save(user));
        db.inTx(() -> {
            Wallet w = db.wallets.lockForUpdate(user.id());
            w.credit(Money.rupiah(20 * PRICE.rupiah()), WalletEntryType.DEPOSIT, "INV/2026/06/000001", "Top-up",
                    SYSTEM, T0);
            db.wallets.save(w);
        });
        int threads = 50;
        AtomicInteger paid = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
        List<Long> balancesSeen = Collections.synchronizedList(new ArrayList<>());
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<CompletableFuture<Void>> payers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String invoiceNumber = String.format("INV/2026/06/%06d", 100 + t);
                payers.add(CompletableFuture.runAsync(() -> {
                    try {
                        start.await(20, TimeUnit.SECONDS);
                        db.inTx(() -> {
                            Wallet w = db.wallets.lockForUpdate(user.id());
                            balancesSeen.add(w.balance().rupiah());
                            w.debit(PRICE, WalletEntryType.ORDER_PAYMENT, invoiceNumber, "Order", SYSTEM, T0);
                            db.wallets.save(w);
                        });
                        paid.incrementAndGet();
                    } catch (DomainException e) {
                        if (e.code() == ErrorCode.INSUFFICIENT_BALANCE) {
                            refused.incrementAndGet();
                        } else {
                            unexpected.add(e);
                        }
                    } catch (Throwable e) {
                        unexpected.add(e);
                    }
                }, pool));
            }
            CompletableFuture.allOf(payers.toArray(CompletableFuture[]::new)).get(100, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(unexpected).isEmpty();
        assertThat(paid).hasValue(20);
        assertThat(refused).hasValue(30);
        assertThat(balancesSeen).as("every payer saw a different balance: one after the other")
                .hasSize(threads).allMatch(b -> b >= 0);
        assertThat(balancesSeen.stream().filter(b -> b > 0).distinct().count()).isEqualTo(20);
        Wallet after = db.inTx(() -> db.wallets.find(user.id()));
        assertThat(after.balance()).isEqualTo(Money.ZERO);
        assertThat(db.inTx(() -> db.wallets.ledgerSum(user.id()))).isEqualTo(after.balance().rupiah());
        assertThat(db.count("SELECT COUNT(*) FROM wallet_entries WHERE type = 'ORDER_PAYMENT'")).isEqualTo(20);
        assertThat(db.count("SELECT MIN(balance_after) FROM wallet_entries")).isZero();
        assertThat(db.count("SELECT COUNT(DISTINCT balance_after) FROM wallet_entries")).isEqualTo(21);
    }
}
