package id.webrana.cloud.application.service;

import id.webrana.cloud.application.fakes.FakePaymentGateway;
import id.webrana.cloud.application.port.in.InvoicesUseCase.InvoiceDetails;
import id.webrana.cloud.application.port.in.InvoicesUseCase.PayInvoiceCommand;
import id.webrana.cloud.application.port.in.PlaceOrderUseCase.PlaceOrderCommand;
import id.webrana.cloud.application.port.out.PaymentGateway.GatewayStatus;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.billing.CallbackRecord;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.InvoicePurpose;
import id.webrana.cloud.domain.billing.InvoiceStatus;
import id.webrana.cloud.domain.billing.PaymentAttempt;
import id.webrana.cloud.domain.catalog.VpsImage;
import id.webrana.cloud.domain.catalog.VpsPlan;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.OrderStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static id.webrana.cloud.application.service.TestWorld.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reconciliation of payment attempts whose create call never got its answer back (this process died
 * while Tripay opened the transaction): the sweep looks the transaction up by our merchant reference,
 * adopts the gateway's reference and applies its status exactly once, like a callback would.
 */
class LostCreateAnswerTest {

    private static final String KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl budi@laptop";
    private static final String MERCHANT_REF = "INV-2025-05-000001-1";

    private final TestWorld world = new TestWorld();
    private final BillingService billing = world.billing;
    private final User budi = world.registerCustomer("budi@example.id");
    private final VpsImage ubuntu = world.ubuntu();
    private final VpsPlan basic = world.plan("Basic 1GB", 150_000, ubuntu);

    private Order place() {
        return world.orderService.placeOrder(new PlaceOrderCommand(budi.id(), basic.id(), ubuntu.id(), "MONTHLY",
                "web-1", null, List.of(KEY)));
    }

    private Invoice invoiceOf(Order order) {
        return world.invoices.findLatestFor(InvoicePurpose.ORDER, order.id()).orElseThrow();
    }

    private InvoiceDetails pay(Invoice invoice) {
        return billing.pay(new PayInvoiceCommand(invoice.userId(), invoice.id(), "BRIVA"));
    }

    /** Pays with BRIVA while the process dies as the gateway opens the transaction; returns its reference. */
    private String payAndLoseTheAnswer(Invoice invoice) {
        world.gateway.dieAfterCreate = true;
        assertThatThrownBy(() -> pay(invoice)).isInstanceOf(FakePaymentGateway.ProcessDied.class);
        world.gateway.dieAfterCreate = false;
        assertThat(onlyAttempt().isOpenedAtGateway()).isFalse();
        return world.gateway.referenceFor(MERCHANT_REF);
    }

    private PaymentAttempt onlyAttempt() {
        assertThat(world.attempts.all()).hasSize(1);
        return world.attempts.all().get(0);
    }

    private CallbackRecord lastLogged() {
        List<CallbackRecord> all = world.callbacks.all();
        assertThat(all).isNotEmpty();
        return all.get(all.size() - 1);
    }

    private int sweepAfter(Duration wait) {
        world.clock.advance(wait);
        return billing.reconcileOpenTransactions(10);
    }

    @Test
    void a_transaction_paid_without_callback_after_its_create_answer_was_lost_settles_the_invoice_exactly_once() {
        Order order = place();
        Invoice invoice = invoiceOf(order);
        String reference = payAndLoseTheAnswer(invoice);
        world.gateway.settle(reference, GatewayStatus.PAID, START.plusSeconds(20));

        assertThat(sweepAfter(Duration.ofSeconds(61))).isEqualTo(1);

        assertThat(world.invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.invoices.get(invoice.id()).paidAt()).isEqualTo(START.plusSeconds(20));
        assertThat(world.orders.get(order.id()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(world.payments.all()).singleElement()
                .satisfies(p -> assertThat(p.reference()).isEqualTo(reference));
        assertThat(onlyAttempt().reference()).isEqualTo(reference);
        assertThat(onlyAttempt().status()).isEqualTo("PAID");
        assertThat(lastLogged().outcome()).isEqualTo("RECONCILED_SETTLED_INVOICE");
        assertThat(world.gateway.lookupCalls()).isEqualTo(1);

        assertThat(sweepAfter(Duration.ofMinutes(15))).isZero();
        byte[] body = world.gateway.body(world.gateway.callbackFor(reference));
        assertThat(billing.handleCallback(body, FakePaymentGateway.sign(body), "payment_status").outcome())
                .isEqualTo("DUPLICATE");
        assertThat(world.payments.all()).hasSize(1);
        assertThat(world.gateway.lookupCalls()).isEqualTo(1);
    }

    @Test
    void an_unpaid_transaction_found_by_merchant_reference_is_adopted_and_then_checked_by_its_reference() {
        Invoice invoice = invoiceOf(place());
        String reference = payAndLoseTheAnswer(invoice);

        assertThat(sweepAfter(Duration.ofSeconds(61))).isEqualTo(1);

        PaymentAttempt adopted = onlyAttempt();
        assertThat(adopted.reference()).isEqualTo(reference);
        assertThat(adopted.payCode()).startsWith("8888");
        assertThat(adopted.checkoutUrl()).isEqualTo("https://checkout.test/" + reference);
        assertThat(adopted.status()).isEqualTo("UNPAID");
        assertThat(billing.getInvoice(budi.id(), invoice.id()).openAttempt()).isEqualTo(adopted);
        assertThat(world.invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.UNPAID);

        world.gateway.settle(reference, GatewayStatus.PAID, world.clock.instant());
        assertThat(sweepAfter(Duration.ofMinutes(3))).isEqualTo(1);

        assertThat(world.gateway.lookupCalls()).isEqualTo(1);
        assertThat(world.gateway.detailCalls()).isEqualTo(1);
        assertThat(world.invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.payments.all()).hasSize(1);
    }

    @Test
    void an_attempt_the_gateway_never_opened_is_given_up_after_ten_minutes() {
        Invoice invoice = invoiceOf(place());
        world.gateway.dieBeforeCreate = true;
        assertThatThrownBy(() -> pay(invoice)).isInstanceOf(FakePaymentGateway.ProcessDied.class);
        world.gateway.dieBeforeCreate = false;

        assertThat(sweepAfter(Duration.ofSeconds(61))).isZero();
        assertThat(world.gateway.lookupCalls()).isEqualTo(1);
        assertThat(onlyAttempt().status()).isEqualTo("UNPAID");

        assertThat(sweepAfter(Duration.ofMinutes(10))).isZero();
        assertThat(world.gateway.lookupCalls()).isEqualTo(2);
        assertThat(onlyAttempt().status()).isEqualTo("FAILED");
        assertThat(onlyAttempt().isOpenedAtGateway()).isFalse();

        assertThat(sweepAfter(Duration.ofMinutes(10))).isZero();
        assertThat(world.gateway.lookupCalls()).isEqualTo(2);
    }

    @Test
    void while_the_gateway_cannot_be_asked_the_attempt_waits_for_a_later_sweep() {
        Invoice invoice = invoiceOf(place());
        String reference = payAndLoseTheAnswer(invoice);
        world.gateway.settle(reference, GatewayStatus.PAID, START.plusSeconds(20));
        world.gateway.lookupUnavailable = true;

        assertThat(sweepAfter(Duration.ofMinutes(11))).isZero();
        assertThat(onlyAttempt().status()).isEqualTo("UNPAID");
        assertThat(onlyAttempt().isOpenedAtGateway()).isFalse();

        world.gateway.lookupUnavailable = false;
        assertThat(sweepAfter(Duration.ofMinutes(3))).isEqualTo(1);
        assertThat(onlyAttempt().reference()).isEqualTo(reference);
        assertThat(world.invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.payments.all()).hasSize(1);
    }

    @Test
    void a_lost_answer_is_not_looked_up_while_the_create_call_may_still_be_waiting() {
        Invoice invoice = invoiceOf(place());
        payAndLoseTheAnswer(invoice);

        assertThat(sweepAfter(Duration.ofSeconds(50))).isZero();

        assertThat(world.gateway.lookupCalls()).isZero();
        assertThat(onlyAttempt().isOpenedAtGateway()).isFalse();
    }
}
