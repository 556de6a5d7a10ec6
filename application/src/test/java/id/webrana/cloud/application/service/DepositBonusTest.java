package id.webrana.cloud.application.service;

import id.webrana.cloud.application.fakes.FakePaymentGateway;
import id.webrana.cloud.application.port.in.InvoicesUseCase.PayInvoiceCommand;
import id.webrana.cloud.application.port.out.PaymentGateway.GatewayStatus;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.WalletEntry;
import id.webrana.cloud.domain.billing.WalletEntryType;
import id.webrana.cloud.domain.shared.Money;
import id.webrana.cloud.domain.shared.PageRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A top-up promotion: a percentage of a paid top-up is credited as a BONUS ledger entry. */
class DepositBonusTest {

    private final TestWorld world = new TestWorld(
            BillingSettings.defaults("https://webrana.test").withDepositBonus(5, 500_000));

    private long topUpPaidThroughTheGateway(User user, long amount) {
        Invoice invoice = world.billing.requestDeposit(user.id(), amount);
        String reference = world.billing.pay(new PayInvoiceCommand(user.id(), invoice.id(), "BRIVA"))
                .openAttempt().reference();
        world.gateway.settle(reference, GatewayStatus.PAID, world.clock.instant());
        byte[] body = world.gateway.body(world.gateway.callbackFor(reference));
        world.billing.handleCallback(body, FakePaymentGateway.sign(body), "payment_status");
        return world.billing.balance(user.id()).rupiah();
    }

    @Test
    void a_top_up_above_the_minimum_earns_its_bonus_once_as_a_separate_ledger_entry() {
        User budi = world.registerCustomer("budi@example.id");

        assertThat(topUpPaidThroughTheGateway(budi, 1_000_000)).isEqualTo(1_050_000);

        var entries = world.billing.walletEntries(budi.id(), new PageRequest(0, 10)).items();
        assertThat(entries).extracting(WalletEntry::type)
                .containsExactly(WalletEntryType.BONUS, WalletEntryType.DEPOSIT);
        assertThat(entries.get(0).amount()).isEqualTo(50_000);
        assertThat(world.wallets.ledgerSum(budi.id())).isEqualTo(1_050_000);
    }

    @Test
    void a_top_up_below_the_minimum_earns_nothing() {
        User siti = world.registerCustomer("siti@example.id");

        assertThat(topUpPaidThroughTheGateway(siti, 100_000)).isEqualTo(100_000);
        assertThat(world.billing.walletEntries(siti.id(), new PageRequest(0, 10)).items())
                .extracting(WalletEntry::type).containsExactly(WalletEntryType.DEPOSIT);
    }

    @Test
    void the_bonus_is_rounded_down_and_off_by_default() {
        assertThat(BillingSettings.defaults("x").depositBonusFor(1_000_000)).isZero();
        assertThat(BillingSettings.defaults("x").withDepositBonus(3, 0).depositBonusFor(33_333)).isEqualTo(999);
        assertThat(Money.rupiah(BillingSettings.defaults("x").withDepositBonus(10, 50_000).depositBonusFor(49_999)))
                .isEqualTo(Money.ZERO);
    }
}
