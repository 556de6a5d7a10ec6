package id.webrana.cloud.application.service;

import id.webrana.cloud.domain.billing.InvoiceSearch;
import id.webrana.cloud.application.fakes.FakePaymentGateway;
import id.webrana.cloud.application.fakes.FakeTransactionRunner;
import id.webrana.cloud.application.fakes.RecordingWakeUp.Signal;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase.Decision;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase.PaymentDecisionCommand;
import id.webrana.cloud.application.port.in.InvoicesUseCase.CreateInvoiceCommand;
import id.webrana.cloud.application.port.in.InvoicesUseCase.InvoiceDetails;
import id.webrana.cloud.application.port.in.InvoicesUseCase.PayInvoiceCommand;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.PromoCommand;
import id.webrana.cloud.application.port.in.PaymentCallbackUseCase.CallbackResult;
import id.webrana.cloud.application.port.in.PlaceOrderUseCase.PlaceOrderCommand;
import id.webrana.cloud.application.port.in.WalletUseCase.AdjustWalletCommand;
import id.webrana.cloud.application.port.out.InvoiceDocumentRenderer.InvoiceDocument;
import id.webrana.cloud.application.port.out.InvoiceDocumentRenderer.Line;
import id.webrana.cloud.application.port.out.Notifier.Notification;
import id.webrana.cloud.domain.billing.CallbackRecord;
import id.webrana.cloud.application.port.out.PaymentGateway.CreatePaymentRequest;
import id.webrana.cloud.application.port.out.PaymentGateway.GatewayStatus;
import id.webrana.cloud.application.port.out.PaymentGateway.Item;
import id.webrana.cloud.application.port.out.PaymentGateway.PaymentCallback;
import id.webrana.cloud.application.port.out.PaymentGatewayException;
import id.webrana.cloud.domain.billing.PaymentSearch;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.billing.Buyer;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.InvoiceLine;
import id.webrana.cloud.domain.billing.InvoicePurpose;
import id.webrana.cloud.domain.billing.InvoiceStatus;
import id.webrana.cloud.domain.billing.Payment;
import id.webrana.cloud.domain.billing.PaymentAttempt;
import id.webrana.cloud.domain.billing.PaymentMethod;
import id.webrana.cloud.domain.billing.WalletEntry;
import id.webrana.cloud.domain.billing.WalletEntryType;
import id.webrana.cloud.domain.catalog.VpsImage;
import id.webrana.cloud.domain.catalog.VpsPlan;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.provisioning.ProvisioningTask;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;
import id.webrana.cloud.domain.shared.PageRequest;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static id.webrana.cloud.application.service.TestWorld.ADMIN;
import static id.webrana.cloud.application.service.TestWorld.PAYMENT_WINDOW;
import static id.webrana.cloud.application.service.TestWorld.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Billing over the in-memory fakes: invoices issued with orders and top-ups, gateway payments,
 * exactly-once callbacks, reconciliation of lost callbacks, the wallet, and the admin decisions that
 * settle or close an order's invoice. The fakes are single-threaded; races are tested on PostgreSQL.
 */
class BillingServiceTest {

    private static final String KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl budi@laptop";
    private static final String EVENT = "payment_status";
    private static final Actor GATEWAY_ACTOR = Actor.system("payment-gateway");
    private static final String FIRST_NUMBER = "INV/2025/05/000001";
    private static final String FIRST_MERCHANT_REF = "INV-2025-05-000001-1";
    private static final BillingSettings DEFAULTS = BillingSettings.defaults("https://webrana.test");

    private TestWorld world;
    private BillingService billing;
    private User budi;
    private VpsImage ubuntu;
    private VpsPlan basic;

    BillingServiceTest() {
        use(new TestWorld());
    }

    /** Switches the test to a fresh world (e.g. one with PPN) with Budi, Ubuntu and a Rp 150.000 plan. */
    private void use(TestWorld fresh) {
        world = fresh;
        billing = fresh.billing;
        budi = fresh.registerCustomer("budi@example.id");
        ubuntu = fresh.ubuntu();
        basic = fresh.plan("Basic 1GB", 150_000, ubuntu);
    }

    // ------------------------------------------------------------------ helpers

    private static void assertCode(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private Order place(VpsPlan plan, String coupon) {
        return world.orderService.placeOrder(new PlaceOrderCommand(budi.id(), plan.id(), ubuntu.id(), "MONTHLY",
                "web-1", coupon, List.of(KEY)));
    }

    private Order place() {
        return place(basic, null);
    }

    private Invoice invoiceOf(Order order) {
        return world.invoices.findLatestFor(InvoicePurpose.ORDER, order.id()).orElseThrow();
    }

    private Invoice reload(Invoice invoice) {
        return world.invoices.get(invoice.id());
    }

    private InvoiceDetails pay(Invoice invoice, String method) {
        return billing.pay(new PayInvoiceCommand(invoice.userId(), invoice.id(), method));
    }

    /** Pays with a channel and returns the gateway's reference of the open transaction. */
    private String openTransaction(Invoice invoice, String method) {
        return pay(invoice, method).openAttempt().reference();
    }

    private CallbackResult deliver(byte[] body) {
        return billing.handleCallback(body, FakePaymentGateway.sign(body), EVENT);
    }

    private CallbackResult deliver(PaymentCallback callback) {
        return deliver(world.gateway.body(callback));
    }

    /** The customer pays at the gateway and the gateway sends its signed callback. */
    private CallbackResult gatewayReportsPaid(String reference) {
        world.gateway.settle(reference, GatewayStatus.PAID, world.clock.instant());
        return deliver(world.gateway.callbackFor(reference));
    }

    private CallbackResult gatewayReports(String reference, GatewayStatus status) {
        world.gateway.settle(reference, status, world.clock.instant());
        return deliver(world.gateway.callbackFor(reference));
    }

    private WalletEntry adjust(long amount, String reason) {
        return billing.adjust(new AdjustWalletCommand(budi.id(), amount, reason, TestWorld.ADMIN));
    }

    private List<WalletEntry> ledger(UUID userId) {
        return world.wallets.entries(userId, new PageRequest(0, 100)).items();
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

    /** Operator alerts about payments: refused callbacks and amount mismatches. */
    private List<Notification> operatorAlerts() {
        List<Notification> all = new java.util.ArrayList<>(world.notifier.sent("PAYMENT_CALLBACK_REFUSED"));
        all.addAll(world.notifier.sent("PAYMENT_AMOUNT_MISMATCH"));
        return all;
    }

    /** Everything a refused request must leave as it was (operator alerts and the callback log aside). */
    private record State(List<String> invoices, List<String> orders, List<Payment> payments,
                         List<PaymentAttempt> attempts, long balance, long ledgerSum, int tasks,
                         List<Notification> customerMail, int wakeUps) {
    }

    private State state() {
        return new State(
                world.invoices.all().stream().map(i -> i.number() + " " + i.status() + " v" + i.version()).sorted()
                        .toList(),
                world.orders.findByUser(budi.id(), new PageRequest(0, 100)).items().stream()
                        .map(o -> o.id() + " " + o.status() + " v" + o.version()).sorted().toList(),
                world.payments.all(), world.attempts.all(), world.wallets.find(budi.id()).balance().rupiah(),
                world.wallets.ledgerSum(budi.id()), world.tasks.all().size(),
                world.notifier.sent().stream().filter(n -> !"OPERATOR".equals(n.channel())).toList(),
                world.wakeUp.signals().size());
    }

    // ------------------------------------------------------------------ tests

    @Nested
    class Issuing {

        @Test
        void placing_an_order_issues_an_unpaid_invoice_for_it_numbered_in_the_month() {
            Order order = place();

            Invoice invoice = invoiceOf(order);
            assertThat(invoice.number()).isEqualTo(FIRST_NUMBER);
            assertThat(invoice.status()).isEqualTo(InvoiceStatus.UNPAID);
            assertThat(invoice.purpose()).isEqualTo(InvoicePurpose.ORDER);
            assertThat(invoice.subjectId()).isEqualTo(order.id());
            assertThat(invoice.userId()).isEqualTo(budi.id());
            assertThat(invoice.buyer()).isEqualTo(new Buyer("Budi Santoso", "budi@example.id", null));
            assertThat(invoice.lines()).containsExactly(
                    new InvoiceLine("VPS Basic 1GB (1 bulan) — web-1", 150_000, 1));
            assertThat(invoice.tax()).isEqualTo(Money.ZERO);
            assertThat(invoice.total()).isEqualTo(Money.rupiah(150_000));
            assertThat(invoice.issuedAt()).isEqualTo(START);
            assertThat(invoice.dueAt()).isEqualTo(order.paymentDueAt()).isEqualTo(START.plus(PAYMENT_WINDOW));
            assertThat(world.notifier.only("ORDER_CREATED").variables())
                    .containsEntry("invoiceId", invoice.id().toString())
                    .containsEntry("invoiceNumber", FIRST_NUMBER)
                    .containsEntry("total", "150000");
        }

        @Test
        void each_invoice_of_the_month_takes_the_next_number_orders_and_top_ups_alike() {
            Order first = place();
            Order second = place();
            Invoice topUp = billing.requestDeposit(budi.id(), 50_000);

            assertThat(invoiceOf(first).number()).isEqualTo("INV/2025/05/000001");
            assertThat(invoiceOf(second).number()).isEqualTo("INV/2025/05/000002");
            assertThat(topUp.number()).isEqualTo("INV/2025/05/000003");
        }

        @Test
        void the_month_of_the_number_is_the_month_in_jakarta_and_each_month_starts_again_at_one() {
            world.clock.set(Instant.parse("2026-11-30T16:59:59Z"));
            Order november = place();
            world.clock.set(Instant.parse("2026-11-30T17:00:00Z")); // 1 December, 00:00 in Jakarta
            Order december = place();
            Order nextInDecember = place();

            assertThat(invoiceOf(november).number()).isEqualTo("INV/2026/11/000001");
            assertThat(invoiceOf(december).number()).isEqualTo("INV/2026/12/000001");
            assertThat(invoiceOf(nextInDecember).number()).isEqualTo("INV/2026/12/000002");
        }

        @Test
        void a_number_taken_by_a_transaction_that_rolled_back_is_given_to_the_next_invoice() {
            world.tx.failNextCommit();
            assertThatThrownBy(() -> place())
                    .isInstanceOf(FakeTransactionRunner.CommitFailedException.class);
            assertThat(world.invoices.all()).isEmpty();

            Order order = place();

            assertThat(invoiceOf(order).number()).isEqualTo(FIRST_NUMBER);
        }

        @Test
        void a_promo_and_a_coupon_appear_as_discount_lines_that_add_up_to_the_order_price() {
            world.catalog.createPromo(new PromoCommand(basic.id(), "MONTHLY", "Ramadan", "FIXED", 30_000,
                    START.minusSeconds(1), START.plus(Duration.ofDays(30))));
            world.percentCoupon("HEMAT10", 10);

            Order order = place(basic, "HEMAT10");

            Invoice invoice = invoiceOf(order);
            assertThat(invoice.lines()).containsExactly(
                    new InvoiceLine("VPS Basic 1GB (1 bulan) — web-1", 150_000, 1),
                    new InvoiceLine("Promo Ramadan", -30_000, 1),
                    new InvoiceLine("Kupon HEMAT10", -12_000, 1));
            assertThat(invoice.total()).isEqualTo(Money.rupiah(108_000)).isEqualTo(order.pricing().finalPrice());
        }

        @Test
        void asking_for_an_orders_invoice_returns_the_one_issued_with_it() {
            Order order = place();

            Invoice asked = billing.createInvoice(new CreateInvoiceCommand(budi.id(), order.id(), null));

            assertThat(asked.id()).isEqualTo(invoiceOf(order).id());
            assertThat(world.invoices.all()).hasSize(1);
        }

        @Test
        void an_invoice_is_for_an_order_of_ones_own_or_a_top_up_not_both() {
            Order order = place();
            User siti = world.registerCustomer("siti@example.id");

            assertCode(ErrorCode.ORDER_ACCESS_DENIED, () -> billing.createInvoice(new CreateInvoiceCommand(siti.id(),
                    order.id(), null)));
            assertCode(ErrorCode.ORDER_NOT_FOUND, () -> billing.createInvoice(new CreateInvoiceCommand(budi.id(),
                    UUID.randomUUID(), null)));
            assertCode(ErrorCode.VALIDATION_ERROR, () -> billing.createInvoice(new CreateInvoiceCommand(budi.id(),
                    null, null)));
            assertCode(ErrorCode.VALIDATION_ERROR, () -> billing.createInvoice(new CreateInvoiceCommand(budi.id(),
                    order.id(), 50_000L)));
            assertThat(world.invoices.all()).hasSize(1);
        }

        @Test
        void customers_list_only_their_own_invoices_newest_first() {
            Order first = place();
            world.clock.advance(Duration.ofMinutes(1));
            Invoice topUp = billing.requestDeposit(budi.id(), 50_000);
            User siti = world.registerCustomer("siti@example.id");
            billing.requestDeposit(siti.id(), 50_000);

            assertThat(billing.listInvoices(budi.id(), new PageRequest(0, 10)).items()).extracting(Invoice::id)
                    .containsExactly(topUp.id(), invoiceOf(first).id());
        }

        @Test
        void another_customers_invoice_is_access_denied_and_nothing_is_opened() {
            Invoice invoice = invoiceOf(place());
            User siti = world.registerCustomer("siti@example.id");
            adjust(500_000, "saldo awal");
            billing.adjust(new AdjustWalletCommand(siti.id(), 500_000, "saldo awal", ADMIN));

            assertCode(ErrorCode.INVOICE_ACCESS_DENIED, () -> billing.getInvoice(siti.id(), invoice.id()));
            assertCode(ErrorCode.INVOICE_ACCESS_DENIED, () -> billing.pay(new PayInvoiceCommand(siti.id(),
                    invoice.id(), "BRIVA")));
            assertCode(ErrorCode.INVOICE_ACCESS_DENIED, () -> billing.pay(new PayInvoiceCommand(siti.id(),
                    invoice.id(), "WALLET")));
            assertCode(ErrorCode.INVOICE_ACCESS_DENIED, () -> billing.refreshPaymentStatus(siti.id(), invoice.id()));
            assertCode(ErrorCode.INVOICE_ACCESS_DENIED, () -> billing.invoicePdf(siti.id(), invoice.id()));

            assertThat(world.gateway.created()).isEmpty();
            assertThat(world.attempts.all()).isEmpty();
            assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.UNPAID);
            assertThat(billing.balance(siti.id())).isEqualTo(Money.rupiah(500_000));
            assertThat(world.renderer.last).isNull();
        }

        @Test
        void an_unknown_invoice_is_not_found() {
            assertCode(ErrorCode.INVOICE_NOT_FOUND, () -> billing.getInvoice(budi.id(), UUID.randomUUID()));
            assertCode(ErrorCode.INVOICE_NOT_FOUND, () -> billing.invoice(UUID.randomUUID()));
            assertCode(ErrorCode.INVOICE_NOT_FOUND, () -> billing.pay(new PayInvoiceCommand(budi.id(),
                    UUID.randomUUID(), "BRIVA")));
        }
    }

    @Nested
    class WithPpn {

        @BeforeEach
        void switch_ppn_on() {
            use(new TestWorld(DEFAULTS.withTax(1100, "PPN")));
        }

        @Test
        void an_orders_invoice_adds_ppn_to_the_price_and_the_customer_is_told_the_total_with_tax() {
            Order order = place();

            Invoice invoice = invoiceOf(order);
            assertThat(invoice.subtotal()).isEqualTo(150_000);
            assertThat(invoice.taxBasisPoints()).isEqualTo(1100);
            assertThat(invoice.tax()).isEqualTo(Money.rupiah(16_500));
            assertThat(invoice.total()).isEqualTo(Money.rupiah(166_500));
            assertThat(world.notifier.only("ORDER_CREATED").variables()).containsEntry("total", "166500");
        }

        @Test
        void ppn_is_charged_on_the_discounted_price_rounded_half_up() {
            world.catalog.createPromo(new PromoCommand(basic.id(), "MONTHLY", "Hemat", "FIXED", 100_050,
                    START.minusSeconds(1), START.plus(Duration.ofDays(30))));

            Invoice invoice = invoiceOf(place());

            assertThat(invoice.subtotal()).isEqualTo(49_950);
            assertThat(invoice.tax()).isEqualTo(Money.rupiah(5_495)); // 5 494.5 rounds half up
            assertThat(invoice.total()).isEqualTo(Money.rupiah(55_445));
        }

        @Test
        void a_top_up_carries_no_tax() {
            Invoice topUp = billing.requestDeposit(budi.id(), 100_000);

            assertThat(topUp.taxBasisPoints()).isZero();
            assertThat(topUp.total()).isEqualTo(Money.rupiah(100_000));
        }

        @Test
        void the_gateway_is_asked_for_the_total_with_tax_as_one_item() {
            Invoice invoice = invoiceOf(place());

            pay(invoice, "BRIVA");

            CreatePaymentRequest request = world.gateway.created().get(0);
            assertThat(request.amount()).isEqualTo(Money.rupiah(166_500));
            assertThat(request.items()).containsExactly(new Item(FIRST_NUMBER, "Pembayaran " + FIRST_NUMBER,
                    166_500, 1));
        }

        @Test
        void a_wallet_pays_the_total_with_tax() {
            Invoice invoice = invoiceOf(place());
            adjust(200_000, "saldo awal");

            pay(invoice, "WALLET");

            assertThat(billing.balance(budi.id())).isEqualTo(Money.rupiah(33_500));
            assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.PAID);
        }

        @Test
        void the_document_shows_the_tax_line() {
            Invoice invoice = invoiceOf(place());

            billing.invoicePdf(budi.id(), invoice.id());

            InvoiceDocument doc = world.renderer.last;
            assertThat(doc.subtotal()).isEqualTo(150_000);
            assertThat(doc.taxLabel()).isEqualTo("PPN 11%");
            assertThat(doc.taxAmount()).isEqualTo(16_500);
            assertThat(doc.total()).isEqualTo(166_500);
        }

        @Test
                void the_payment_confirmation_states_what_was_paid_with_tax() {
            Order order = place();
            String reference = openTransaction(invoiceOf(order), "BRIVA");

            gatewayReportsPaid(reference);

            assertThat(world.notifier.only("PAYMENT_CONFIRMED").variables()).containsEntry("total", "166500");
        }
    }

    @Nested
    class PayingThroughTheGateway {

        @Test
        void paying_with_a_channel_opens_a_gateway_transaction_for_exactly_the_invoice_total() {
            Invoice invoice = invoiceOf(place());

            InvoiceDetails details = pay(invoice, "BRIVA");

            CreatePaymentRequest request = world.gateway.created().get(0);
            assertThat(world.gateway.created()).hasSize(1);
            assertThat(request.method()).isEqualTo("BRIVA");
            assertThat(request.merchantRef()).isEqualTo(FIRST_MERCHANT_REF);
            assertThat(request.amount()).isEqualTo(invoice.total());
            assertThat(request.items()).containsExactly(new Item(null, "VPS Basic 1GB (1 bulan) — web-1", 150_000, 1));
            assertThat(request.items().stream().mapToLong(i -> i.price() * i.quantity()).sum()).isEqualTo(150_000);
            assertThat(request.customerName()).isEqualTo("Budi Santoso");
            assertThat(request.customerEmail()).isEqualTo("budi@example.id");
            assertThat(request.callbackUrl()).isEqualTo("https://webrana.test/internal/billing/webhooks/tripay");
            assertThat(request.returnUrl())
                    .isEqualTo("https://webrana.test/app/portal/invoice.xhtml?id=" + invoice.id() + "&returned=1");
            // the invoice is due in 24 h; Tripay's longest VA window is 1 440 min, so a minute less
            assertThat(request.expiresAt()).isEqualTo(invoice.dueAt().minusSeconds(60));

            PaymentAttempt open = details.openAttempt();
            assertThat(open.reference()).isEqualTo("DEV-T00001");
            assertThat(open.merchantRef()).isEqualTo(FIRST_MERCHANT_REF);
            assertThat(open.gateway()).isEqualTo("TRIPAY");
            assertThat(open.methodCode()).isEqualTo("BRIVA");
            assertThat(open.methodName()).isEqualTo("BRI Virtual Account");
            assertThat(open.amount()).isEqualTo(Money.rupiah(150_000));
            assertThat(open.customerFee()).isEqualTo(Money.rupiah(4_250));
            assertThat(open.totalAmount()).isEqualTo(Money.rupiah(154_250));
            assertThat(open.payCode()).isEqualTo("88881");
            assertThat(open.checkoutUrl()).isEqualTo("https://checkout.test/DEV-T00001");
            assertThat(open.status()).isEqualTo("UNPAID");
            assertThat(open.expiresAt()).isEqualTo(invoice.dueAt().minusSeconds(60));
            assertThat(open.instructions()).isNotEmpty();
            assertThat(details.attempts()).containsExactly(open);
            assertThat(onlyAttempt()).isEqualTo(open);
            assertThat(details.invoice().status()).isEqualTo(InvoiceStatus.UNPAID);
            assertThat(details.payments()).isEmpty();
        }

        @Test
        void with_discount_lines_the_gateway_gets_one_item_for_the_total_so_no_price_is_negative() {
            world.percentCoupon("HEMAT10", 10);
            Invoice invoice = invoiceOf(place(basic, "HEMAT10"));

            pay(invoice, "BRIVA");

            CreatePaymentRequest request = world.gateway.created().get(0);
            assertThat(request.amount()).isEqualTo(Money.rupiah(135_000));
            assertThat(request.items()).containsExactly(new Item(FIRST_NUMBER, "Pembayaran " + FIRST_NUMBER,
                    135_000, 1));
        }

        @Test
        void paying_again_with_the_same_channel_returns_the_open_transaction() {
            Invoice invoice = invoiceOf(place());
            PaymentAttempt first = pay(invoice, "BRIVA").openAttempt();

            world.clock.advance(Duration.ofMinutes(10));
            PaymentAttempt again = pay(invoice, "briva").openAttempt();

            assertThat(again).isEqualTo(first);
            assertThat(world.gateway.created()).hasSize(1);
            assertThat(world.attempts.all()).hasSize(1);
        }

        @Test
        void switching_channel_opens_a_second_attempt_and_switching_back_opens_nothing_new() {
            Invoice invoice = invoiceOf(place());
            PaymentAttempt briva = pay(invoice, "BRIVA").openAttempt();
            world.clock.advance(Duration.ofMinutes(1));

            InvoiceDetails qris = pay(invoice, "QRIS");

            assertThat(qris.openAttempt().merchantRef()).isEqualTo("INV-2025-05-000001-2");
            assertThat(qris.openAttempt().methodCode()).isEqualTo("QRIS");
            assertThat(qris.openAttempt().totalAmount()).isEqualTo(Money.rupiah(151_800)); // 750 + 0.7 %
            assertThat(qris.attempts()).extracting(PaymentAttempt::merchantRef)
                    .containsExactly("INV-2025-05-000001-2", FIRST_MERCHANT_REF);
            assertThat(world.gateway.created()).extracting(CreatePaymentRequest::merchantRef)
                    .containsExactly(FIRST_MERCHANT_REF, "INV-2025-05-000001-2");

            InvoiceDetails back = pay(invoice, "BRIVA");

            assertThat(world.gateway.created()).hasSize(2);
            assertThat(back.attempts()).hasSize(2).contains(briva);
        }

        @Test
                void switching_back_to_a_channel_shows_that_channels_open_transaction() {
            Invoice invoice = invoiceOf(place());
            PaymentAttempt briva = pay(invoice, "BRIVA").openAttempt();
            world.clock.advance(Duration.ofMinutes(1));
            pay(invoice, "QRIS");

            assertThat(pay(invoice, "BRIVA").openAttempt()).isEqualTo(briva);
        }

        @Test
        void a_qris_transaction_lives_an_hour_then_paying_again_opens_a_new_one() {
            Invoice invoice = invoiceOf(place());
            PaymentAttempt first = pay(invoice, "QRIS").openAttempt();
            assertThat(first.expiresAt()).isEqualTo(START.plus(Duration.ofHours(1)));

            world.clock.advance(Duration.ofMinutes(61));
            PaymentAttempt second = pay(invoice, "QRIS").openAttempt();

            assertThat(second.merchantRef()).isEqualTo("INV-2025-05-000001-2");
            assertThat(world.gateway.created()).hasSize(2);
        }

        @Test
        void an_unknown_or_missing_channel_is_an_invalid_payment_method() {
            Invoice invoice = invoiceOf(place());

            assertCode(ErrorCode.INVALID_PAYMENT_METHOD, () -> pay(invoice, "OVO"));
            assertCode(ErrorCode.INVALID_PAYMENT_METHOD, () -> pay(invoice, " "));
            assertCode(ErrorCode.INVALID_PAYMENT_METHOD, () -> pay(invoice, null));

            assertThat(world.gateway.created()).isEmpty();
            assertThat(world.attempts.all()).isEmpty();
        }

        @Test
        void an_amount_outside_the_channels_limits_is_refused() {
            VpsPlan mini = world.plan("Mini", 5_000, ubuntu);
            VpsPlan jumbo = world.plan("Jumbo", 6_000_000, ubuntu);
            Invoice small = invoiceOf(place(mini, null));
            Invoice large = invoiceOf(place(jumbo, null));

            assertCode(ErrorCode.INVALID_PAYMENT_METHOD, () -> pay(small, "BRIVA")); // BRIVA from Rp 10.000
            assertCode(ErrorCode.INVALID_PAYMENT_METHOD, () -> pay(large, "QRIS")); // QRIS up to Rp 5.000.000
            assertThat(world.gateway.created()).isEmpty();
            assertThat(world.attempts.all()).isEmpty();

            assertThat(pay(small, "QRIS").openAttempt().amount()).isEqualTo(Money.rupiah(5_000));
            assertThat(pay(large, "BRIVA").openAttempt().amount()).isEqualTo(Money.rupiah(6_000_000));
        }

        @Test
        void a_gateway_down_when_opening_leaves_the_attempt_to_reconciliation_and_a_later_retry_opens_the_next() {
            Invoice invoice = invoiceOf(place());
            world.gateway.failCreate = PaymentGatewayException.Kind.UNAVAILABLE;

            assertCode(ErrorCode.PAYMENT_GATEWAY_UNAVAILABLE, () -> pay(invoice, "BRIVA"));

            // the transaction may exist at the gateway: kept provisional for the sweep's lookup by merchant ref
            PaymentAttempt pending = onlyAttempt();
            assertThat(pending.status()).isEqualTo("UNPAID");
            assertThat(pending.merchantRef()).isEqualTo(FIRST_MERCHANT_REF);
            assertThat(pending.isOpenedAtGateway()).isFalse();
            assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.UNPAID);
            assertThat(billing.getInvoice(budi.id(), invoice.id()).openAttempt()).isNull();

            world.gateway.failCreate = null;
            assertCode(ErrorCode.INVOICE_NOT_PAYABLE, () -> pay(invoice, "BRIVA")); // a double click opens nothing
            world.clock.advance(Duration.ofSeconds(31));
            PaymentAttempt retried = pay(invoice, "BRIVA").openAttempt();

            assertThat(retried.merchantRef()).isEqualTo("INV-2025-05-000001-2");
            assertThat(retried.isOpenedAtGateway()).isTrue();
        }

        @Test
        void a_gateway_refusing_to_open_is_gateway_rejected_and_the_attempt_failed() {
            Invoice invoice = invoiceOf(place());
            world.gateway.failCreate = PaymentGatewayException.Kind.REJECTED;

            assertCode(ErrorCode.PAYMENT_GATEWAY_REJECTED, () -> pay(invoice, "BRIVA"));

            assertThat(onlyAttempt().status()).isEqualTo("FAILED");
        }

        @Test
        void a_gateway_that_cannot_list_its_channels_is_unavailable_and_nothing_is_reserved() {
            Invoice invoice = invoiceOf(place());
            world.gateway.unavailable = true;

            assertCode(ErrorCode.PAYMENT_GATEWAY_UNAVAILABLE, () -> pay(invoice, "BRIVA"));
            assertCode(ErrorCode.PAYMENT_GATEWAY_UNAVAILABLE, () -> billing.paymentChannels());

            assertThat(world.attempts.all()).isEmpty();
        }

        @Test
        void money_for_a_transaction_whose_opening_answer_was_lost_is_still_recognised_by_its_merchant_reference() {
            Order order = place();
            Invoice invoice = invoiceOf(order);
            world.gateway.loseCreateAnswer = true;
            assertCode(ErrorCode.PAYMENT_GATEWAY_UNAVAILABLE, () -> pay(invoice, "BRIVA"));
            world.gateway.loseCreateAnswer = false;
            String reference = world.gateway.referenceFor(FIRST_MERCHANT_REF);

            CallbackResult result = gatewayReportsPaid(reference);

            assertThat(result.outcome()).isEqualTo("SETTLED_INVOICE");
            assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.PAID);
            assertThat(world.orders.get(order.id()).status()).isEqualTo(OrderStatus.PAID);
            assertThat(onlyAttempt().reference()).isEqualTo(reference);
            assertThat(onlyAttempt().status()).isEqualTo("PAID");
        }

        @Test
        void an_invoice_past_its_due_time_or_already_paid_cannot_be_paid() {
            Order order = place();
            Invoice late = invoiceOf(order);
            Invoice settled = invoiceOf(place());
            world.orderService.changePaymentStatus(new PaymentDecisionCommand(settled.subjectId(), Decision.APPROVE,
                    "transfer BCA", ADMIN));
            adjust(500_000, "saldo awal");
            world.clock.set(late.dueAt());

            assertCode(ErrorCode.INVOICE_NOT_PAYABLE, () -> pay(late, "BRIVA"));
            assertCode(ErrorCode.INVOICE_NOT_PAYABLE, () -> pay(late, "WALLET"));
            world.clock.set(START.plusSeconds(60));
            assertCode(ErrorCode.INVOICE_NOT_PAYABLE, () -> pay(settled, "BRIVA"));
            assertCode(ErrorCode.INVOICE_NOT_PAYABLE, () -> pay(settled, "WALLET"));

            assertThat(world.gateway.created()).isEmpty();
            assertThat(billing.balance(budi.id())).isEqualTo(Money.rupiah(500_000));
        }
    }

    @Nested
    class Callbacks {

        @Test
        void a_signed_paid_callback_settles_the_invoice_pays_the_order_and_queues_provisioning() {
            Order order = place();
            Invoice invoice = invoiceOf(order);
            String reference = openTransaction(invoice, "BRIVA");
            world.clock.advance(Duration.ofMinutes(5));
            Instant paidAt = world.clock.instant();

            CallbackResult result = gatewayReportsPaid(reference);

            assertThat(result.accepted()).isTrue();
            assertThat(result.outcome()).isEqualTo("SETTLED_INVOICE");
            Invoice paid = reload(invoice);
            assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
            assertThat(paid.paidAt()).isEqualTo(paidAt);
            assertThat(paid.paymentMethod()).isEqualTo(new PaymentMethod("TRIPAY", "BRIVA", "BRI Virtual Account",
                    reference));
            Order stored = world.orders.get(order.id());
            assertThat(stored.status()).isEqualTo(OrderStatus.PAID);
            assertThat(stored.history()).last().satisfies(c -> assertThat(c.actor()).isEqualTo(GATEWAY_ACTOR));
            ProvisioningTask task = world.tasks.getByOrderId(order.id());
            assertThat(task.nextAttemptAt()).isEqualTo(paidAt);
            assertThat(world.wakeUp.signals()).singleElement().extracting(Signal::insideTransaction).isEqualTo(false);
            Notification mail = world.notifier.only("PAYMENT_CONFIRMED");
            assertThat(mail.recipient()).isEqualTo("budi@example.id");
            assertThat(mail.variables()).containsEntry("paidWith", "BRI Virtual Account")
                    .containsEntry("orderId", order.id().toString());
            assertThat(world.payments.all()).singleElement().satisfies(p -> {
                assertThat(p.gateway()).isEqualTo("TRIPAY");
                assertThat(p.reference()).isEqualTo(reference);
                assertThat(p.invoiceId()).isEqualTo(invoice.id());
                assertThat(p.userId()).isEqualTo(budi.id());
                assertThat(p.methodCode()).isEqualTo("BRIVA");
                assertThat(p.amount()).isEqualTo(Money.rupiah(150_000));
                assertThat(p.totalPaid()).isEqualTo(Money.rupiah(154_250));
                assertThat(p.outcome()).isEqualTo(Payment.Outcome.SETTLED_INVOICE);
            });
            assertThat(onlyAttempt().status()).isEqualTo("PAID");
            CallbackRecord logged = lastLogged();
            assertThat(logged.outcome()).isEqualTo("SETTLED_INVOICE");
            assertThat(logged.reference()).isEqualTo(reference);
            assertThat(logged.merchantRef()).isEqualTo(FIRST_MERCHANT_REF);
            assertThat(logged.status()).isEqualTo("PAID");
            assertThat(logged.gateway()).isEqualTo("TRIPAY");
            assertThat(operatorAlerts()).isEmpty();
            assertThat(world.wallets.ledgerSum(budi.id())).isZero();
            assertThat(billing.getInvoice(budi.id(), invoice.id()).openAttempt()).isNull();
        }

        @Test
        void the_same_callback_delivered_five_times_is_applied_once() {
            Order order = place();
            String reference = openTransaction(invoiceOf(order), "BRIVA");
            world.gateway.settle(reference, GatewayStatus.PAID, START);
            byte[] body = world.gateway.body(world.gateway.callbackFor(reference));

            List<CallbackResult> results = IntStream.range(0, 5).mapToObj(i -> deliver(body)).toList();

            assertThat(results).extracting(CallbackResult::outcome)
                    .containsExactly("SETTLED_INVOICE", "DUPLICATE", "DUPLICATE", "DUPLICATE", "DUPLICATE");
            assertThat(results).allMatch(CallbackResult::accepted);
            assertThat(world.payments.all()).hasSize(1);
            assertThat(world.tasks.all()).hasSize(1);
            assertThat(world.wakeUp.signals()).hasSize(1);
            assertThat(world.notifier.sent("PAYMENT_CONFIRMED")).hasSize(1);
            assertThat(world.orders.get(order.id()).history()).hasSize(2);
            assertThat(world.callbacks.outcomes())
                    .containsExactly("SETTLED_INVOICE", "DUPLICATE", "DUPLICATE", "DUPLICATE", "DUPLICATE");
        }

        @Test
        void a_callback_whose_transaction_fails_to_commit_is_not_acknowledged_and_its_redelivery_settles_once() {
            Order order = place();
            String reference = openTransaction(invoiceOf(order), "BRIVA");
            world.gateway.settle(reference, GatewayStatus.PAID, START);
            byte[] body = world.gateway.body(world.gateway.callbackFor(reference));
            State before = state();
            world.tx.failNextCommit();

            assertThatThrownBy(() -> deliver(body)).isInstanceOf(FakeTransactionRunner.CommitFailedException.class);

            assertThat(state()).isEqualTo(before);
            assertThat(deliver(body).outcome()).isEqualTo("SETTLED_INVOICE");
            assertThat(deliver(body).outcome()).isEqualTo("DUPLICATE");
            assertThat(world.payments.all()).hasSize(1);
            assertThat(world.orders.get(order.id()).status()).isEqualTo(OrderStatus.PAID);
            assertThat(world.wakeUp.signals()).hasSize(1);
        }

        @Test
        void a_callback_with_a_bad_or_missing_signature_is_refused_logged_and_alerted_with_nothing_changed() {
            Invoice invoice = invoiceOf(place());
            String reference = openTransaction(invoice, "BRIVA");
            world.gateway.settle(reference, GatewayStatus.PAID, START);
            byte[] body = world.gateway.body(world.gateway.callbackFor(reference));
            State before = state();

            CallbackResult forged = billing.handleCallback(body, "0".repeat(64), EVENT);
            CallbackResult otherBody = billing.handleCallback(body,
                    FakePaymentGateway.sign("something else".getBytes(StandardCharsets.UTF_8)), EVENT);
            CallbackResult unsigned = billing.handleCallback(body, null, EVENT);

            assertThat(List.of(forged, otherBody, unsigned)).allSatisfy(r -> {
                assertThat(r.accepted()).isFalse();
                assertThat(r.outcome()).isEqualTo("REFUSED_SIGNATURE");
            });
            assertThat(state()).isEqualTo(before);
            assertThat(world.callbacks.outcomes()).containsExactly("REFUSED_SIGNATURE", "REFUSED_SIGNATURE",
                    "REFUSED_SIGNATURE");
            assertThat(lastLogged().rawBody()).isEqualTo(new String(body, StandardCharsets.UTF_8));
            assertThat(lastLogged().reference()).isNull();
            assertThat(operatorAlerts()).hasSize(3).allSatisfy(n -> assertThat(n.channel()).isEqualTo("OPERATOR"));
        }

        @Test
        void a_signed_callback_for_another_event_is_refused_with_nothing_changed() {
            String reference = openTransaction(invoiceOf(place()), "BRIVA");
            world.gateway.settle(reference, GatewayStatus.PAID, START);
            byte[] body = world.gateway.body(world.gateway.callbackFor(reference));
            State before = state();

            CallbackResult other = billing.handleCallback(body, FakePaymentGateway.sign(body), "payment_refund");
            CallbackResult none = billing.handleCallback(body, FakePaymentGateway.sign(body), null);

            assertThat(other.accepted()).isFalse();
            assertThat(other.outcome()).isEqualTo("REFUSED_EVENT");
            assertThat(none.outcome()).isEqualTo("REFUSED_EVENT");
            assertThat(state()).isEqualTo(before);
            assertThat(world.callbacks.outcomes()).containsExactly("REFUSED_EVENT", "REFUSED_EVENT");
        }

        @Test
        void a_signed_but_malformed_callback_is_refused_with_nothing_changed() {
            openTransaction(invoiceOf(place()), "BRIVA");
            byte[] garbage = "{\"reference\":".getBytes(StandardCharsets.UTF_8);
            State before = state();

            CallbackResult result = deliver(garbage);

            assertThat(result.accepted()).isFalse();
            assertThat(result.outcome()).isEqualTo("REFUSED_MALFORMED");
            assertThat(state()).isEqualTo(before);
            assertThat(lastLogged().outcome()).isEqualTo("REFUSED_MALFORMED");
            assertThat(lastLogged().rawBody()).isEqualTo("{\"reference\":");
        }

        @Test
        void a_paid_callback_for_an_unknown_transaction_is_refused_logged_and_alerted_with_nothing_changed() {
            String reference = openTransaction(invoiceOf(place()), "BRIVA");
            world.gateway.settle(reference, GatewayStatus.PAID, START);
            PaymentCallback real = world.gateway.callbackFor(reference);
            State before = state();

            CallbackResult unknown = deliver(new PaymentCallback("DEV-T99999", "INV-2025-05-999999-1", "BRIVA",
                    "BRI Virtual Account", real.totalAmount(), Money.ZERO, real.feeCustomer(), real.amountReceived(),
                    true, GatewayStatus.PAID, START, null));
            CallbackResult mismatched = deliver(new PaymentCallback(reference, "INV-2025-05-000002-1", "BRIVA",
                    "BRI Virtual Account", real.totalAmount(), Money.ZERO, real.feeCustomer(), real.amountReceived(),
                    true, GatewayStatus.PAID, START, null));

            assertThat(List.of(unknown, mismatched)).allSatisfy(r -> {
                assertThat(r.accepted()).isFalse();
                assertThat(r.outcome()).isEqualTo("REFUSED_UNKNOWN_REFERENCE");
            });
            assertThat(state()).isEqualTo(before);
            assertThat(world.callbacks.outcomes()).containsExactly("REFUSED_UNKNOWN_REFERENCE",
                    "REFUSED_UNKNOWN_REFERENCE");
            assertThat(operatorAlerts()).hasSize(2);
            assertThat(operatorAlerts().get(0).variables()).containsEntry("subject", "DEV-T99999");
        }

        @Test
        void a_paid_callback_for_another_amount_is_refused_logged_and_alerted_with_nothing_changed() {
            Invoice invoice = invoiceOf(place());
            String reference = openTransaction(invoice, "BRIVA");
            world.gateway.settle(reference, GatewayStatus.PAID, START);
            PaymentCallback real = world.gateway.callbackFor(reference);
            State before = state();

            CallbackResult short1 = deliver(new PaymentCallback(reference, real.merchantRef(), real.methodCode(),
                    real.methodName(), Money.rupiah(154_249), real.feeMerchant(), real.feeCustomer(),
                    real.amountReceived(), true, GatewayStatus.PAID, START, null));
            CallbackResult feeAsPrice = deliver(new PaymentCallback(reference, real.merchantRef(), real.methodCode(),
                    real.methodName(), Money.rupiah(154_250), real.feeMerchant(), Money.ZERO, real.amountReceived(),
                    true, GatewayStatus.PAID, START, null));
            CallbackResult noTotal = deliver(new PaymentCallback(reference, real.merchantRef(), real.methodCode(),
                    real.methodName(), null, real.feeMerchant(), real.feeCustomer(), real.amountReceived(), true,
                    GatewayStatus.PAID, START, null));

            assertThat(List.of(short1, feeAsPrice, noTotal)).allSatisfy(r -> {
                assertThat(r.accepted()).isFalse();
                assertThat(r.outcome()).isEqualTo("REFUSED_AMOUNT_MISMATCH");
            });
            assertThat(state()).isEqualTo(before);
            assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.UNPAID);
            assertThat(world.callbacks.outcomes()).containsOnly("REFUSED_AMOUNT_MISMATCH").hasSize(3);
            assertThat(operatorAlerts()).hasSize(3);

            assertThat(deliver(real).outcome()).isEqualTo("SETTLED_INVOICE");
        }

        @Test
                void an_authentic_callback_that_cannot_be_read_alerts_the_operators() {
            String reference = openTransaction(invoiceOf(place()), "BRIVA");
            world.gateway.settle(reference, GatewayStatus.PAID, START);
            byte[] body = world.gateway.body(world.gateway.callbackFor(reference));

            billing.handleCallback(body, FakePaymentGateway.sign(body), "payment_refund");
            deliver("{\"reference\":".getBytes(StandardCharsets.UTF_8));

            assertThat(operatorAlerts()).hasSize(2);
        }

        @Test
        void an_expired_callback_after_paid_is_ignored() {
            Order order = place();
            Invoice invoice = invoiceOf(order);
            String reference = openTransaction(invoice, "BRIVA");
            gatewayReportsPaid(reference);
            world.clock.advance(Duration.ofHours(1));

            CallbackResult late = gatewayReports(reference, GatewayStatus.EXPIRED);

            assertThat(late.accepted()).isTrue();
            assertThat(late.outcome()).isEqualTo("IGNORED");
            assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.PAID);
            assertThat(world.orders.get(order.id()).status()).isEqualTo(OrderStatus.PAID);
            assertThat(world.payments.all()).hasSize(1);
            assertThat(world.callbacks.outcomes()).containsExactly("SETTLED_INVOICE", "IGNORED");
        }

        @Test
        void an_expired_transaction_closes_its_attempt_but_the_invoice_stays_payable() {
            Invoice invoice = invoiceOf(place());
            String reference = openTransaction(invoice, "BRIVA");

            CallbackResult result = gatewayReports(reference, GatewayStatus.EXPIRED);

            assertThat(result.accepted()).isTrue();
            assertThat(result.outcome()).isEqualTo("ATTEMPT_CLOSED");
            assertThat(onlyAttempt().status()).isEqualTo("EXPIRED");
            assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.UNPAID);
            assertThat(pay(invoice, "BRIVA").openAttempt().merchantRef()).isEqualTo("INV-2025-05-000001-2");
        }

        @Test
                void a_refund_reported_by_the_gateway_alerts_the_operators() {
            String reference = openTransaction(invoiceOf(place()), "BRIVA");
            gatewayReportsPaid(reference);

            CallbackResult refund = gatewayReports(reference, GatewayStatus.REFUND);

            assertThat(refund.outcome()).isEqualTo("REFUND_REPORTED");
            assertThat(world.notifier.sent()).anySatisfy(n -> assertThat(n.channel()).isEqualTo("OPERATOR"));
        }

        @Test
        void money_arriving_after_the_order_expired_is_credited_to_the_wallet_and_the_order_stays_expired() {
            Order order = place();
            Invoice invoice = invoiceOf(order);
            String reference = openTransaction(invoice, "BRIVA");
            world.clock.advance(PAYMENT_WINDOW.plusMinutes(1));
            world.orderService.expireOverdueOrders(10);

            CallbackResult result = gatewayReportsPaid(reference);

            assertThat(result.accepted()).isTrue();
            assertThat(result.outcome()).isEqualTo("CREDITED_TO_WALLET");
            assertThat(world.orders.get(order.id()).status()).isEqualTo(OrderStatus.EXPIRED);
            assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.EXPIRED);
            assertThat(world.tasks.all()).isEmpty();
            assertThat(world.wakeUp.signals()).isEmpty();
            assertThat(billing.balance(budi.id())).isEqualTo(Money.rupiah(150_000));
            assertThat(ledger(budi.id())).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(WalletEntryType.REFUND);
                assertThat(e.amount()).isEqualTo(150_000);
                assertThat(e.reference()).isEqualTo("TRIPAY:" + reference);
                assertThat(e.actor()).isEqualTo(GATEWAY_ACTOR);
            });
            assertThat(world.wallets.ledgerSum(budi.id())).isEqualTo(150_000);
            assertThat(world.payments.all()).singleElement().satisfies(p -> {
                assertThat(p.outcome()).isEqualTo(Payment.Outcome.CREDITED_TO_WALLET);
                assertThat(p.reference()).isEqualTo(reference);
                assertThat(p.totalPaid()).isEqualTo(Money.rupiah(154_250));
            });
            Notification mail = world.notifier.only("PAYMENT_CREDITED_TO_WALLET");
            assertThat(mail.recipient()).isEqualTo("budi@example.id");
            assertThat(mail.variables()).containsEntry("amount", "150000").containsEntry("balance", "150000")
                    .containsEntry("invoiceNumber", FIRST_NUMBER).containsEntry("reason", "kedaluwarsa");
            assertThat(world.notifier.sent("PAYMENT_CONFIRMED")).isEmpty();

            assertThat(deliver(world.gateway.callbackFor(reference)).outcome()).isEqualTo("DUPLICATE");
            assertThat(billing.balance(budi.id())).isEqualTo(Money.rupiah(150_000));
        }

        @Test
        void money_arriving_for_an_invoice_the_admin_already_settled_is_credited_to_the_wallet() {
            Order order = place();
            Invoice invoice = invoiceOf(order);
            String reference = openTransaction(invoice, "BRIVA");
            world.orderService.changePaymentStatus(new PaymentDecisionCommand(order.id(), Decision.APPROVE,
                    "transfer BCA", ADMIN));

            CallbackResult result = gatewayReportsPaid(reference);

            assertThat(result.outcome()).isEqualTo("CREDITED_TO_WALLET");
            assertThat(reload(invoice).paymentMethod().gateway()).isEqualTo(PaymentMethod.MANUAL);
            assertThat(billing.balance(budi.id())).isEqualTo(Money.rupiah(150_000));
            assertThat(world.notifier.only("PAYMENT_CREDITED_TO_WALLET").variables())
                    .containsEntry("reason", "sudah lunas");
            assertThat(world.tasks.all()).hasSize(1);
        }

        @Test
        void paying_through_two_channels_settles_with_the_first_and_credits_the_second() {
            Order order = place();
            Invoice invoice = invoiceOf(order);
            String briva = openTransaction(invoice, "BRIVA");
            world.clock.advance(Duration.ofMinutes(1));
            String qris = openTransaction(invoice, "QRIS");

            CallbackResult first = gatewayReportsPaid(qris);
            CallbackResult second = gatewayReportsPaid(briva);

            assertThat(first.outcome()).isEqualTo("SETTLED_INVOICE");
            assertThat(second.outcome()).isEqualTo("CREDITED_TO_WALLET");
            assertThat(reload(invoice).paymentMethod().code()).isEqualTo("QRIS");
            assertThat(world.payments.all()).extracting(Payment::outcome).containsExactlyInAnyOrder(
                    Payment.Outcome.SETTLED_INVOICE, Payment.Outcome.CREDITED_TO_WALLET);
            assertThat(billing.balance(budi.id())).isEqualTo(Money.rupiah(150_000));
            assertThat(world.tasks.all()).hasSize(1);
        }
    }

    @Nested
    class Reconciliation {

        private final Duration after = DEFAULTS.reconcileAfter();
        private final Duration every = DEFAULTS.reconcileEvery();

        @Test
        void a_payment_whose_callback_was_lost_is_found_once_the_transaction_is_old_enough() {
            Order order = place();
            Invoice invoice = invoiceOf(order);
            String reference = openTransaction(invoice, "BRIVA");
            world.gateway.settle(reference, GatewayStatus.PAID, START.plusSeconds(10));

            assertThat(billing.reconcileOpenTransactions(10)).isZero();
            assertThat(world.gateway.detailCalls()).isZero();

            world.clock.advance(after.plusSeconds(1));
            int changed = billing.reconcileOpenTransactions(10);

            assertThat(changed).isEqualTo(1);
            Invoice paid = reload(invoice);
            assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
            assertThat(paid.paidAt()).isEqualTo(START.plusSeconds(10));
            assertThat(world.orders.get(order.id()).status()).isEqualTo(OrderStatus.PAID);
            assertThat(world.orders.get(order.id()).history()).last()
                    .satisfies(c -> assertThat(c.actor()).isEqualTo(Actor.system("payment-reconciliation")));
            assertThat(world.wakeUp.signals()).singleElement().extracting(Signal::insideTransaction).isEqualTo(false);
            assertThat(world.payments.all()).hasSize(1);
            assertThat(lastLogged().outcome()).isEqualTo("RECONCILED_SETTLED_INVOICE");
            assertThat(lastLogged().reference()).isEqualTo(reference);

            assertThat(deliver(world.gateway.callbackFor(reference)).outcome()).isEqualTo("DUPLICATE");
            assertThat(world.payments.all()).hasSize(1);
        }

        @Test
        void an_unpaid_transaction_is_not_asked_about_again_before_the_interval() {
            Invoice invoice = invoiceOf(place());
            String reference = openTransaction(invoice, "BRIVA");

            world.clock.advance(after.plusSeconds(1));
            assertThat(billing.reconcileOpenTransactions(10)).isZero();
            assertThat(world.gateway.detailCalls()).isEqualTo(1);

            world.clock.advance(every.minusSeconds(1));
            world.gateway.settle(reference, GatewayStatus.PAID, world.clock.instant());
            assertThat(billing.reconcileOpenTransactions(10)).isZero();
            assertThat(world.gateway.detailCalls()).isEqualTo(1);
            assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.UNPAID);

            world.clock.advance(Duration.ofSeconds(2));
            assertThat(billing.reconcileOpenTransactions(10)).isEqualTo(1);
            assertThat(world.gateway.detailCalls()).isEqualTo(2);
            assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.PAID);
        }

        @Test
        void reconciliation_works_in_batches() {
            Invoice first = invoiceOf(place());
            Invoice second = invoiceOf(place());
            world.gateway.settle(openTransaction(first, "BRIVA"), GatewayStatus.PAID, START);
            world.gateway.settle(openTransaction(second, "BRIVA"), GatewayStatus.PAID, START);
            world.clock.advance(after.plusSeconds(1));

            assertThat(billing.reconcileOpenTransactions(1)).isEqualTo(1);
            assertThat(billing.reconcileOpenTransactions(1)).isEqualTo(1);
            assertThat(billing.reconcileOpenTransactions(1)).isZero();

            assertThat(List.of(reload(first), reload(second))).extracting(Invoice::status)
                    .containsOnly(InvoiceStatus.PAID);
        }

        @Test
        void a_settled_or_failed_attempt_is_not_asked_about() {
            Invoice invoice = invoiceOf(place());
            world.gateway.failCreate = PaymentGatewayException.Kind.REJECTED;
            assertCode(ErrorCode.PAYMENT_GATEWAY_REJECTED, () -> pay(invoice, "BRIVA"));
            world.gateway.failCreate = null;
            gatewayReportsPaid(openTransaction(invoice, "BRIVA"));

            world.clock.advance(Duration.ofHours(1));

            assertThat(billing.reconcileOpenTransactions(10)).isZero();
            assertThat(world.gateway.detailCalls()).isZero();
        }

        @Test
        void an_expired_transaction_found_by_reconciliation_closes_its_attempt() {
            Invoice invoice = invoiceOf(place());
            String reference = openTransaction(invoice, "BRIVA");
            world.gateway.settle(reference, GatewayStatus.EXPIRED, START);
            world.clock.advance(after.plusSeconds(1));

            assertThat(billing.reconcileOpenTransactions(10)).isEqualTo(1);

            assertThat(onlyAttempt().status()).isEqualTo("EXPIRED");
            assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.UNPAID);
            assertThat(lastLogged().outcome()).isEqualTo("RECONCILED_ATTEMPT_CLOSED");
        }

        @Test
        void reconciliation_carries_on_when_the_gateway_is_down() {
            Invoice invoice = invoiceOf(place());
            openTransaction(invoice, "BRIVA");
            world.clock.advance(after.plusSeconds(1));
            world.gateway.unavailable = true;

            assertThat(billing.reconcileOpenTransactions(10)).isZero();
            assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.UNPAID);
        }

        @Test
        void refreshing_the_payment_status_asks_the_gateway_at_once() {
            Order order = place();
            Invoice invoice = invoiceOf(order);
            String reference = openTransaction(invoice, "BRIVA");
            InvoiceDetails unchanged = billing.refreshPaymentStatus(budi.id(), invoice.id());
            assertThat(unchanged.invoice().status()).isEqualTo(InvoiceStatus.UNPAID);
            world.gateway.settle(reference, GatewayStatus.PAID, START);

            InvoiceDetails details = billing.refreshPaymentStatus(budi.id(), invoice.id());

            assertThat(details.invoice().status()).isEqualTo(InvoiceStatus.PAID);
            assertThat(details.payments()).hasSize(1);
            assertThat(details.openAttempt()).isNull();
            assertThat(world.gateway.detailCalls()).isEqualTo(2);
            assertThat(world.orders.get(order.id()).status()).isEqualTo(OrderStatus.PAID);
            assertThat(world.wakeUp.signals()).hasSize(1);

            billing.refreshPaymentStatus(budi.id(), invoice.id());
            assertThat(world.gateway.detailCalls()).isEqualTo(2);
        }

        @Test
        void refreshing_while_the_gateway_is_down_shows_the_invoice_as_it_is() {
            Invoice invoice = invoiceOf(place());
            openTransaction(invoice, "BRIVA");
            world.gateway.unavailable = true;

            InvoiceDetails details = billing.refreshPaymentStatus(budi.id(), invoice.id());

            assertThat(details.invoice().status()).isEqualTo(InvoiceStatus.UNPAID);
            assertThat(details.openAttempt()).isNotNull();
        }

        @Test
        void overdue_top_ups_expire_but_order_invoices_wait_for_their_order() {
            Invoice topUp = billing.requestDeposit(budi.id(), 100_000);
            Invoice orderInvoice = invoiceOf(place());
            world.clock.advance(DEFAULTS.depositWindow().minusSeconds(1));
            assertThat(billing.expireOverdueInvoices(10)).isZero();

            world.clock.advance(Duration.ofSeconds(1));
            int expired = billing.expireOverdueInvoices(10);

            assertThat(expired).isEqualTo(1);
            assertThat(reload(topUp).status()).isEqualTo(InvoiceStatus.EXPIRED);
            assertThat(reload(topUp).statusReason()).contains(topUp.dueAt().toString());
            assertThat(reload(orderInvoice).status()).isEqualTo(InvoiceStatus.UNPAID);
            assertThat(billing.expireOverdueInvoices(10)).isZero();
            assertCode(ErrorCode.INVOICE_NOT_PAYABLE, () -> pay(topUp, "BRIVA"));
        }
    }

    @Nested
    class Wallet {

        @Test
        void a_paid_top_up_credits_the_wallet() {
            Invoice topUp = billing.requestDeposit(budi.id(), 100_000);
            assertThat(topUp.purpose()).isEqualTo(InvoicePurpose.DEPOSIT);
            assertThat(topUp.subjectId()).isNull();
            assertThat(topUp.dueAt()).isEqualTo(START.plus(DEFAULTS.depositWindow()));
            String reference = openTransaction(topUp, "BRIVA");

            CallbackResult result = gatewayReportsPaid(reference);

            assertThat(result.outcome()).isEqualTo("SETTLED_INVOICE");
            assertThat(reload(topUp).status()).isEqualTo(InvoiceStatus.PAID);
            assertThat(billing.balance(budi.id())).isEqualTo(Money.rupiah(100_000));
            assertThat(ledger(budi.id())).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(WalletEntryType.DEPOSIT);
                assertThat(e.amount()).isEqualTo(100_000);
                assertThat(e.reference()).isEqualTo(topUp.number());
                assertThat(e.balanceAfter()).isEqualTo(100_000);
            });
            assertThat(world.wallets.ledgerSum(budi.id())).isEqualTo(100_000);
            assertThat(world.notifier.only("DEPOSIT_RECEIVED").variables()).containsEntry("amount", "100000")
                    .containsEntry("balance", "100000").containsEntry("invoiceNumber", topUp.number());
            assertThat(world.wakeUp.signals()).isEmpty();
            assertThat(world.tasks.all()).isEmpty();

            assertThat(deliver(world.gateway.callbackFor(reference)).outcome()).isEqualTo("DUPLICATE");
            assertThat(billing.balance(budi.id())).isEqualTo(Money.rupiah(100_000));
        }

        @Test
        void a_top_up_paid_after_it_expired_still_reaches_the_wallet() {
            Invoice topUp = billing.requestDeposit(budi.id(), 100_000);
            String reference = openTransaction(topUp, "BRIVA");
            world.clock.advance(DEFAULTS.depositWindow());
            billing.expireOverdueInvoices(10);

            CallbackResult result = gatewayReportsPaid(reference);

            assertThat(result.outcome()).isEqualTo("CREDITED_TO_WALLET");
            assertThat(reload(topUp).status()).isEqualTo(InvoiceStatus.EXPIRED);
            assertThat(billing.balance(budi.id())).isEqualTo(Money.rupiah(100_000));
            assertThat(world.wallets.ledgerSum(budi.id())).isEqualTo(100_000);
        }

        @Test
        void a_top_up_is_within_the_limits() {
            assertCode(ErrorCode.VALIDATION_ERROR, () -> billing.requestDeposit(budi.id(), 9_999));
            assertCode(ErrorCode.VALIDATION_ERROR, () -> billing.requestDeposit(budi.id(), 50_000_001));
            assertCode(ErrorCode.VALIDATION_ERROR, () -> billing.requestDeposit(budi.id(), -10_000));
            assertCode(ErrorCode.VALIDATION_ERROR, () -> billing.createInvoice(new CreateInvoiceCommand(budi.id(),
                    null, 9_999L)));
            assertThat(world.invoices.all()).isEmpty();

            assertThat(billing.requestDeposit(budi.id(), 10_000).total()).isEqualTo(Money.rupiah(10_000));
            assertThat(billing.requestDeposit(budi.id(), 50_000_000).total()).isEqualTo(Money.rupiah(50_000_000));
            assertThat(billing.createInvoice(new CreateInvoiceCommand(budi.id(), null, 20_000L)).purpose())
                    .isEqualTo(InvoicePurpose.DEPOSIT);
        }

        @Test
        void an_unknown_or_disabled_customer_cannot_top_up() {
            assertCode(ErrorCode.USER_NOT_FOUND, () -> billing.requestDeposit(UUID.randomUUID(), 100_000));
            User stored = world.users.findById(budi.id()).orElseThrow();
            stored.disable();
            world.users.save(stored);
            assertCode(ErrorCode.ACCOUNT_DISABLED, () -> billing.requestDeposit(budi.id(), 100_000));
            assertThat(world.invoices.all()).isEmpty();
        }

        @Test
        void paying_an_order_from_the_wallet_takes_exactly_the_total_and_pays_the_order() {
            Order order = place();
            Invoice invoice = invoiceOf(order);
            adjust(200_000, "saldo awal");

            InvoiceDetails details = pay(invoice, "wallet");

            assertThat(billing.balance(budi.id())).isEqualTo(Money.rupiah(50_000));
            assertThat(world.wallets.ledgerSum(budi.id())).isEqualTo(50_000);
            WalletEntry debit = ledger(budi.id()).get(0);
            assertThat(debit.type()).isEqualTo(WalletEntryType.ORDER_PAYMENT);
            assertThat(debit.amount()).isEqualTo(-150_000);
            assertThat(debit.reference()).isEqualTo(FIRST_NUMBER);
            assertThat(debit.actor()).isEqualTo(new Actor(Actor.Type.CUSTOMER, budi.id().toString()));
            Invoice paid = details.invoice();
            assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
            assertThat(paid.paymentMethod().gateway()).isEqualTo(PaymentMethod.WALLET);
            assertThat(paid.paymentMethod().reference()).isEqualTo(debit.id().toString());
            assertThat(paid.paidAt()).isEqualTo(START);
            assertThat(details.payments()).singleElement().satisfies(p -> {
                assertThat(p.gateway()).isEqualTo(PaymentMethod.WALLET);
                assertThat(p.amount()).isEqualTo(Money.rupiah(150_000));
                assertThat(p.outcome()).isEqualTo(Payment.Outcome.SETTLED_INVOICE);
            });
            assertThat(world.orders.get(order.id()).status()).isEqualTo(OrderStatus.PAID);
            assertThat(world.tasks.getByOrderId(order.id())).isNotNull();
            assertThat(world.wakeUp.signals()).singleElement().extracting(Signal::insideTransaction).isEqualTo(false);
            assertThat(world.notifier.only("PAYMENT_CONFIRMED").variables()).containsEntry("paidWith", "Saldo dompet");
            assertThat(world.gateway.created()).isEmpty();
        }

        @Test
        void a_free_order_is_settled_from_an_empty_wallet_without_a_ledger_entry() {
            world.percentCoupon("GRATIS", 100);
            Order order = place(basic, "GRATIS");
            Invoice invoice = invoiceOf(order);
            assertThat(invoice.total()).isEqualTo(Money.ZERO);

            pay(invoice, "WALLET");

            assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.PAID);
            assertThat(world.orders.get(order.id()).status()).isEqualTo(OrderStatus.PAID);
            assertThat(ledger(budi.id())).isEmpty();
            assertThat(billing.balance(budi.id())).isEqualTo(Money.ZERO);
        }

        @Test
        void an_insufficient_balance_is_refused_and_changes_nothing() {
            Order order = place();
            Invoice invoice = invoiceOf(order);
            adjust(149_999, "saldo awal");
            State before = state();

            assertCode(ErrorCode.INSUFFICIENT_BALANCE, () -> pay(invoice, "WALLET"));

            assertThat(state()).isEqualTo(before);
            assertThat(billing.balance(budi.id())).isEqualTo(Money.rupiah(149_999));
            assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.UNPAID);
            assertThat(world.orders.get(order.id()).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        }

        @Test
        void a_wallet_payment_whose_transaction_fails_to_commit_changes_nothing() {
            Invoice invoice = invoiceOf(place());
            adjust(200_000, "saldo awal");
            State before = state();
            world.tx.failNextCommit();

            assertThatThrownBy(() -> pay(invoice, "WALLET"))
                    .isInstanceOf(FakeTransactionRunner.CommitFailedException.class);

            assertThat(state()).isEqualTo(before);
        }

        @Test
        void a_top_up_cannot_be_paid_from_the_wallet() {
            Invoice topUp = billing.requestDeposit(budi.id(), 100_000);
            adjust(500_000, "saldo awal");
            State before = state();

            assertCode(ErrorCode.INVALID_PAYMENT_METHOD, () -> pay(topUp, "WALLET"));

            assertThat(state()).isEqualTo(before);
        }

        @Test
        void money_arriving_for_an_invoice_already_paid_from_the_wallet_goes_back_to_the_wallet() {
            Invoice invoice = invoiceOf(place());
            String reference = openTransaction(invoice, "BRIVA");
            adjust(150_000, "saldo awal");
            pay(invoice, "WALLET");

            assertThat(gatewayReportsPaid(reference).outcome()).isEqualTo("CREDITED_TO_WALLET");

            assertThat(billing.balance(budi.id())).isEqualTo(Money.rupiah(150_000));
            assertThat(world.wallets.ledgerSum(budi.id())).isEqualTo(150_000);
            assertThat(reload(invoice).paymentMethod().gateway()).isEqualTo(PaymentMethod.WALLET);
        }

        @Test
        void an_adjustment_needs_a_reason_and_moves_money() {
            for (String reason : new String[]{null, "", "   "}) {
                assertCode(ErrorCode.VALIDATION_ERROR, () -> adjust(10_000, reason));
            }
            assertCode(ErrorCode.VALIDATION_ERROR, () -> adjust(10_000, "x".repeat(501)));
            assertCode(ErrorCode.VALIDATION_ERROR, () -> adjust(0, "nol"));
            assertCode(ErrorCode.USER_NOT_FOUND, () -> billing.adjust(new AdjustWalletCommand(UUID.randomUUID(),
                    10_000, "salah alamat", ADMIN)));
            assertThat(ledger(budi.id())).isEmpty();
        }

        @Test
        void an_adjustment_credits_or_debits_with_its_reason_and_operator_in_the_ledger() {
            WalletEntry credit = adjust(100_000, "  kompensasi gangguan  ");
            WalletEntry debit = adjust(-40_000, "koreksi salah input");

            assertThat(credit.type()).isEqualTo(WalletEntryType.ADJUSTMENT);
            assertThat(credit.amount()).isEqualTo(100_000);
            assertThat(credit.description()).isEqualTo("kompensasi gangguan");
            assertThat(credit.actor()).isEqualTo(ADMIN);
            assertThat(credit.reference()).startsWith("ADJ-");
            assertThat(debit.amount()).isEqualTo(-40_000);
            assertThat(debit.balanceAfter()).isEqualTo(60_000);
            assertThat(billing.balance(budi.id())).isEqualTo(Money.rupiah(60_000));
            assertThat(billing.walletEntries(budi.id(), new PageRequest(0, 10)).items()).containsExactly(debit, credit);
            assertThat(world.wallets.ledgerSum(budi.id())).isEqualTo(60_000);
        }

        @Test
        void a_negative_adjustment_beyond_the_balance_is_refused_and_changes_nothing() {
            adjust(50_000, "saldo awal");
            State before = state();

            assertCode(ErrorCode.INSUFFICIENT_BALANCE, () -> adjust(-50_001, "koreksi"));

            assertThat(state()).isEqualTo(before);
            assertThat(billing.balance(budi.id())).isEqualTo(Money.rupiah(50_000));
            assertThat(adjust(-50_000, "tutup saldo").balanceAfter()).isZero();
        }
    }

    @Nested
    class OrderDecisions {

        @Test
        void an_admins_approval_settles_the_orders_invoice_as_a_manual_payment() {
            Order order = place();
            world.clock.advance(Duration.ofMinutes(30));

            world.orderService.changePaymentStatus(new PaymentDecisionCommand(order.id(), Decision.APPROVE,
                    "transfer BCA 123", ADMIN));

            Invoice invoice = invoiceOf(order);
            assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
            assertThat(invoice.paymentMethod()).isEqualTo(new PaymentMethod(PaymentMethod.MANUAL, PaymentMethod.MANUAL,
                    "Persetujuan admin", "ADMIN:admin-1"));
            assertThat(invoice.paidAt()).isEqualTo(START.plus(Duration.ofMinutes(30)));
            assertThat(world.payments.all()).isEmpty();
        }

        @Test
        void a_rejection_fails_the_orders_invoice() {
            Order order = place();
            String reference = openTransaction(invoiceOf(order), "BRIVA");

            world.orderService.changePaymentStatus(new PaymentDecisionCommand(order.id(), Decision.REJECT,
                    "bukti transfer palsu", ADMIN));

            Invoice invoice = invoiceOf(order);
            assertThat(invoice.status()).isEqualTo(InvoiceStatus.FAILED);
            assertThat(invoice.statusReason()).isEqualTo("bukti transfer palsu");
            assertCode(ErrorCode.INVOICE_NOT_PAYABLE, () -> pay(invoice, "BRIVA"));

            assertThat(gatewayReportsPaid(reference).outcome()).isEqualTo("CREDITED_TO_WALLET");
            assertThat(world.orders.get(order.id()).status()).isEqualTo(OrderStatus.PAYMENT_FAILED);
            assertThat(world.notifier.only("PAYMENT_CREDITED_TO_WALLET").variables())
                    .containsEntry("reason", "dibatalkan");
        }

        @Test
        void an_expired_order_expires_its_invoice() {
            Order order = place();
            world.clock.advance(PAYMENT_WINDOW);

            world.orderService.expireOverdueOrders(10);

            Invoice invoice = invoiceOf(order);
            assertThat(invoice.status()).isEqualTo(InvoiceStatus.EXPIRED);
            assertThat(invoice.statusReason()).isEqualTo("order expired unpaid");
            adjust(500_000, "saldo awal");
            assertCode(ErrorCode.INVOICE_NOT_PAYABLE, () -> pay(invoice, "WALLET"));
        }
    }

    @Nested
    class Documents {

        @Test
        void the_pdf_shows_the_invoice_as_it_is() {
            world.catalog.createPromo(new PromoCommand(basic.id(), "MONTHLY", "Ramadan", "FIXED", 30_000,
                    START.minusSeconds(1), START.plus(Duration.ofDays(30))));
            Invoice invoice = invoiceOf(place());

            byte[] pdf = billing.invoicePdf(budi.id(), invoice.id());

            InvoiceDocument doc = world.renderer.last;
            assertThat(pdf).isEqualTo(doc.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(doc.number()).isEqualTo(FIRST_NUMBER);
            assertThat(doc.status()).isEqualTo("UNPAID");
            assertThat(doc.sellerName()).isEqualTo("WeBrana Cloud");
            assertThat(doc.sellerDetails()).isEqualTo(DEFAULTS.sellerDetails());
            assertThat(doc.buyerName()).isEqualTo("Budi Santoso");
            assertThat(doc.buyerEmail()).isEqualTo("budi@example.id");
            assertThat(doc.issuedAt()).isEqualTo(START);
            assertThat(doc.dueAt()).isEqualTo(invoice.dueAt());
            assertThat(doc.paidAt()).isNull();
            assertThat(doc.lines()).containsExactly(
                    new Line("VPS Basic 1GB (1 bulan) — web-1", 150_000, 1, 150_000),
                    new Line("Promo Ramadan", -30_000, 1, -30_000));
            assertThat(doc.subtotal()).isEqualTo(120_000);
            assertThat(doc.taxLabel()).isNull();
            assertThat(doc.taxAmount()).isZero();
            assertThat(doc.total()).isEqualTo(120_000);
            assertThat(doc.paymentMethod()).isNull();
            assertThat(doc.paymentReference()).isNull();
        }

        @Test
        void a_paid_invoice_shows_how_it_was_paid() {
            Invoice invoice = invoiceOf(place());
            String reference = openTransaction(invoice, "BRIVA");
            gatewayReportsPaid(reference);

            billing.invoicePdf(budi.id(), invoice.id());

            InvoiceDocument doc = world.renderer.last;
            assertThat(doc.status()).isEqualTo("PAID");
            assertThat(doc.paidAt()).isEqualTo(START);
            assertThat(doc.paymentMethod()).isEqualTo("BRI Virtual Account");
            assertThat(doc.paymentReference()).isEqualTo(reference);
        }

        @Test
        void a_manual_approval_shows_no_reference_and_an_expired_invoice_its_reason() {
            Order approved = place();
            Order expired = place();
            world.orderService.changePaymentStatus(new PaymentDecisionCommand(approved.id(), Decision.APPROVE,
                    "transfer BCA 123", ADMIN));
            world.clock.advance(PAYMENT_WINDOW);
            world.orderService.expireOverdueOrders(10);

            billing.invoicePdf(invoiceOf(approved).id());
            InvoiceDocument manual = world.renderer.last;
            billing.invoicePdf(invoiceOf(expired).id());
            InvoiceDocument lapsed = world.renderer.last;

            assertThat(manual.paymentMethod()).isEqualTo("Persetujuan admin");
            assertThat(manual.paymentReference()).isNull();
            assertThat(lapsed.status()).isEqualTo("EXPIRED");
            assertThat(lapsed.note()).isEqualTo("order expired unpaid");
        }
    }

    @Nested
    class Admin {

        @Test
        void operators_find_payments_invoices_and_callbacks() {
            Invoice invoice = invoiceOf(place());
            String reference = openTransaction(invoice, "BRIVA");
            billing.handleCallback("x".getBytes(StandardCharsets.UTF_8), "bad", EVENT);
            gatewayReportsPaid(reference);
            User siti = world.registerCustomer("siti@example.id");
            billing.requestDeposit(siti.id(), 100_000);
            PageRequest page = new PageRequest(0, 10);

            assertThat(billing.searchPayments(new PaymentSearch(budi.id(), null, null, null, null), page).items())
                    .extracting(Payment::reference).containsExactly(reference);
            assertThat(billing.searchPayments(new PaymentSearch(siti.id(), null, null, null, null), page).items())
                    .isEmpty();
            assertThat(billing.searchInvoices(new InvoiceSearch(InvoiceStatus.PAID, null, null, null, null, null), page).items())
                    .extracting(Invoice::id).containsExactly(invoice.id());
            assertThat(billing.searchCallbacks("REFUSED_SIGNATURE", null, page).items()).hasSize(1);
            assertThat(billing.searchCallbacks(null, reference, page).items()).extracting(CallbackRecord::outcome)
                    .containsExactly("SETTLED_INVOICE");
            InvoiceDetails details = billing.invoice(invoice.id());
            assertThat(details.payments()).hasSize(1);
            assertThat(details.attempts()).hasSize(1);
        }
    }
}
