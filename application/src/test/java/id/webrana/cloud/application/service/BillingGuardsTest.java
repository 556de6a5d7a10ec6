package id.webrana.cloud.application.service;

import id.webrana.cloud.application.port.in.InvoicesUseCase.CreateInvoiceCommand;
import id.webrana.cloud.application.port.in.InvoicesUseCase.PayInvoiceCommand;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.PaymentAttempt;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Guards around opening a gateway transaction that the review of the billing feature asked for. */
class BillingGuardsTest {

    private final TestWorld world = new TestWorld();

    private Invoice invoiceOf(Order order) {
        return world.billing.createInvoice(new CreateInvoiceCommand(order.userId(), order.id(), null));
    }

    @Test
    void a_second_click_while_the_first_transaction_is_being_opened_opens_no_second_one() {
        Order order = world.pendingOrder();
        Invoice invoice = invoiceOf(order);
        String merchantRef = "INV-" + UUID.randomUUID();
        world.tx.inTransaction(() -> world.attempts.save(new PaymentAttempt(UUID.randomUUID(), invoice.id(), "TRIPAY",
                PaymentAttempt.PROVISIONAL_PREFIX + merchantRef, merchantRef, "BRIVA", "BRI Virtual Account",
                invoice.total(), null, null, null, null, null, null, null, "UNPAID",
                world.clock.instant().plus(Duration.ofHours(2)), world.clock.instant(), List.of())));

        assertThatThrownBy(() -> world.billing.pay(new PayInvoiceCommand(order.userId(), invoice.id(), "BRIVA")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVOICE_NOT_PAYABLE));
        assertThat(world.gateway.created()).isEmpty();

        world.clock.advance(Duration.ofSeconds(31)); // the first request's answer is lost: a new attempt may go
        assertThat(world.billing.pay(new PayInvoiceCommand(order.userId(), invoice.id(), "BRIVA")).openAttempt())
                .isNotNull();
        assertThat(world.gateway.created()).hasSize(1);
    }

    @Test
    void a_virtual_account_is_refused_when_the_invoice_is_due_sooner_than_the_bank_allows_but_qris_still_works() {
        Order order = world.pendingOrder();
        Invoice invoice = invoiceOf(order);
        world.clock.set(invoice.dueAt().minus(Duration.ofMinutes(30)));

        assertThatThrownBy(() -> world.billing.pay(new PayInvoiceCommand(order.userId(), invoice.id(), "BRIVA")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PAYMENT_METHOD);
                    assertThat(e.getMessage()).contains("60 minutes");
                });
        assertThat(world.gateway.created()).isEmpty();
        assertThat(world.billing.pay(new PayInvoiceCommand(order.userId(), invoice.id(), "QRIS")).openAttempt()
                .expiresAt()).isEqualTo(invoice.dueAt());
    }
}
