package id.webrana.cloud.domain.billing;

import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WalletTest {

    private static final Instant NOW = Instant.parse("2026-11-10T03:00:00Z");
    private static final UUID OWNER = UUID.fromString("00000000-0000-0000-0000-00000000c001");
    private static final Actor CUSTOMER = new Actor(Actor.Type.CUSTOMER, OWNER.toString());
    private static final Actor GATEWAY = Actor.system("payment-gateway");

    private static void assertCode(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static WalletEntry deposit(Wallet wallet, long amount, String reference) {
        return wallet.credit(Money.rupiah(amount), WalletEntryType.DEPOSIT, reference, "Isi saldo", GATEWAY, NOW);
    }

    private static WalletEntry pay(Wallet wallet, long amount, String reference) {
        return wallet.debit(Money.rupiah(amount), WalletEntryType.ORDER_PAYMENT, reference, "Pembayaran", CUSTOMER,
                NOW);
    }

    @Nested
    class Moving {

        @Test
        void a_credit_adds_to_the_balance_and_appends_an_entry() {
            Wallet wallet = new Wallet(OWNER, 0);

            WalletEntry entry = deposit(wallet, 100_000, "INV/2026/11/000001");

            assertThat(wallet.balance()).isEqualTo(Money.rupiah(100_000));
            assertThat(entry.amount()).isEqualTo(100_000);
            assertThat(entry.type()).isEqualTo(WalletEntryType.DEPOSIT);
            assertThat(entry.reference()).isEqualTo("INV/2026/11/000001");
            assertThat(entry.userId()).isEqualTo(OWNER);
            assertThat(entry.actor()).isEqualTo(GATEWAY);
            assertThat(entry.createdAt()).isEqualTo(NOW);
            assertThat(entry.balanceAfter()).isEqualTo(100_000);
            assertThat(wallet.newEntries()).containsExactly(entry);
        }

        @Test
        void a_debit_takes_from_the_balance_as_a_negative_entry() {
            Wallet wallet = new Wallet(OWNER, 200_000);

            WalletEntry entry = pay(wallet, 150_000, "INV/2026/11/000002");

            assertThat(wallet.balance()).isEqualTo(Money.rupiah(50_000));
            assertThat(entry.amount()).isEqualTo(-150_000);
            assertThat(entry.balanceAfter()).isEqualTo(50_000);
        }

        @Test
        void the_whole_balance_can_be_spent() {
            Wallet wallet = new Wallet(OWNER, 150_000);

            pay(wallet, 150_000, "INV/2026/11/000002");

            assertThat(wallet.balance()).isEqualTo(Money.ZERO);
        }

        @Test
        void the_balance_moves_by_exactly_the_sum_of_the_new_entries_each_carrying_its_running_balance() {
            long opening = 25_000;
            Wallet wallet = new Wallet(OWNER, opening);

            deposit(wallet, 100_000, "a");
            pay(wallet, 30_000, "b");
            wallet.credit(Money.rupiah(5_000), WalletEntryType.BONUS, "c", "Bonus", GATEWAY, NOW);
            wallet.debit(Money.rupiah(99_000), WalletEntryType.ADJUSTMENT, "d", "Koreksi", GATEWAY, NOW);
            wallet.credit(Money.rupiah(7), WalletEntryType.REFUND, "e", "Dana kembali", GATEWAY, NOW);

            long sum = wallet.newEntries().stream().mapToLong(WalletEntry::amount).sum();
            assertThat(wallet.balance().rupiah()).isEqualTo(opening + sum).isEqualTo(1_007);
            long running = opening;
            for (WalletEntry e : wallet.newEntries()) {
                running += e.amount();
                assertThat(e.balanceAfter()).isEqualTo(running);
            }
            assertThat(wallet.newEntries()).extracting(WalletEntry::reference).containsExactly("a", "b", "c", "d", "e");
        }

        @Test
        void the_new_entries_cannot_be_changed_from_outside() {
            Wallet wallet = new Wallet(OWNER, 0);
            deposit(wallet, 1_000, "a");

            assertThatThrownBy(() -> wallet.newEntries().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThat(wallet.newEntries()).hasSize(1);
        }
    }

    @Nested
    class Refusing {

        @Test
        void a_debit_beyond_the_balance_is_insufficient_and_changes_nothing() {
            Wallet wallet = new Wallet(OWNER, 0);
            deposit(wallet, 100_000, "a");

            assertCode(ErrorCode.INSUFFICIENT_BALANCE, () -> pay(wallet, 100_001, "b"));

            assertThat(wallet.balance()).isEqualTo(Money.rupiah(100_000));
            assertThat(wallet.newEntries()).extracting(WalletEntry::reference).containsExactly("a");
        }

        @Test
        void an_empty_wallet_cannot_pay_even_one_rupiah() {
            Wallet wallet = new Wallet(OWNER, 0);

            assertCode(ErrorCode.INSUFFICIENT_BALANCE, () -> pay(wallet, 1, "b"));
            assertThat(wallet.newEntries()).isEmpty();
        }

        @Test
        void a_movement_of_nothing_is_refused() {
            Wallet wallet = new Wallet(OWNER, 1_000);

            assertCode(ErrorCode.VALIDATION_ERROR, () -> deposit(wallet, 0, "a"));
            assertCode(ErrorCode.VALIDATION_ERROR, () -> pay(wallet, 0, "b"));
            assertThat(wallet.newEntries()).isEmpty();
            assertThat(wallet.balance()).isEqualTo(Money.rupiah(1_000));
        }

        @ParameterizedTest
        @EnumSource(value = WalletEntryType.class, names = {"ORDER_PAYMENT", "RENEWAL"})
        void a_type_that_takes_money_cannot_credit(WalletEntryType type) {
            Wallet wallet = new Wallet(OWNER, 1_000);

            assertThatThrownBy(() -> wallet.credit(Money.rupiah(10), type, "x", "x", GATEWAY, NOW))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(wallet.newEntries()).isEmpty();
            assertThat(wallet.balance()).isEqualTo(Money.rupiah(1_000));
        }

        @ParameterizedTest
        @EnumSource(value = WalletEntryType.class, names = {"DEPOSIT", "BONUS", "REFUND"})
        void a_type_that_adds_money_cannot_debit(WalletEntryType type) {
            Wallet wallet = new Wallet(OWNER, 1_000);

            assertThatThrownBy(() -> wallet.debit(Money.rupiah(10), type, "x", "x", GATEWAY, NOW))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(wallet.newEntries()).isEmpty();
            assertThat(wallet.balance()).isEqualTo(Money.rupiah(1_000));
        }

        @Test
        void a_wallet_is_never_loaded_with_a_negative_balance() {
            assertThatThrownBy(() -> new Wallet(OWNER, -1)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void a_ledger_entry_always_moves_money() {
            assertThatThrownBy(() -> new WalletEntry(UUID.randomUUID(), OWNER, 0, WalletEntryType.ADJUSTMENT, "x",
                    "x", GATEWAY, NOW, 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
