package id.webrana.cloud.sandbox.tripay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.webrana.cloud.sandbox.digitalocean.SandboxClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TripaySimulatorTest {

    private static final Instant START = Instant.parse("2026-03-01T03:00:00Z");
    private final TripayCredentials credentials = TripayCredentials.defaults();
    private final Set<String> inactive = new HashSet<>();
    private SandboxClock clock;
    private TripaySimulator simulator;

    @BeforeEach
    void setUp() {
        clock = new SandboxClock(Clock.fixed(START, ZoneOffset.UTC));
        simulator = new TripaySimulator(clock, Channels.builtIn(), credentials, new Random(3), () -> inactive);
    }

    private Requests request() {
        return Requests.valid(credentials, clock.instant());
    }

    private static void assertRefused(ThrowingCallable call, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TripayException.class, e -> {
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    @Nested
    class Creation {

        @Test
        void a_valid_request_opens_an_unpaid_transaction_with_a_sandbox_reference_and_a_va_number() {
            Transaction t = simulator.create(request().build());

            assertThat(t.reference()).matches("DEV-T26000\\d{6}[A-Z0-9]{5}");
            assertThat(t.status()).isEqualTo(TransactionStatus.UNPAID);
            assertThat(t.payCode()).matches("26215\\d{11}");
            assertThat(t.qrString()).isNull();
            assertThat(t.amount()).isEqualTo(85_000);
            assertThat(t.fees()).isEqualTo(new Fees(0, 4_250));
            assertThat(t.payableAmount()).isEqualTo(89_250);
            assertThat(t.expiresAt()).isEqualTo(START.plusSeconds(7200));
            assertThat(simulator.find(t.reference())).contains(t);
        }

        @Test
        void references_and_pay_codes_are_unique() {
            Set<String> references = new HashSet<>();
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                Transaction t = simulator.create(request().merchantRef("INV-" + i).build());
                references.add(t.reference());
                codes.add(t.payCode());
            }
            assertThat(references).hasSize(50);
            assertThat(codes).hasSize(50);
        }

        @Test
        void qris_gets_a_payload_for_the_amount_the_customer_pays_and_no_pay_code() {
            Transaction t = simulator.create(request().method("QRIS").build());

            assertThat(t.payCode()).isNull();
            assertThat(t.qrString()).startsWith("000201010212").contains("5405" + (85_000 + 1_345))
                    .contains(t.reference());
        }

        @Test
        void without_expired_time_it_expires_after_24_hours_or_the_channel_maximum() {
            Transaction va = simulator.create(request().expiredTime(null).build());
            Transaction dana = simulator.create(request().method("DANA").expiredTime(null).build());

            assertThat(va.expiresAt()).isEqualTo(START.plus(Duration.ofHours(24)));
            assertThat(dana.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(60)));
        }

        @Test
        void a_merchant_code_with_digits_puts_those_digits_in_the_reference() {
            TripayCredentials numbered = new TripayCredentials("T12345", "DEV-key", "AbCdE-12345-fGhIj-67890-KlMnO");
            TripaySimulator other = new TripaySimulator(clock, Channels.builtIn(), numbered, new Random(1), Set::of);

            Transaction t = other.create(Requests.valid(numbered, clock.instant()).build());

            assertThat(t.reference()).startsWith("DEV-T12345");
        }
    }

    @Nested
    class Refusals {

        @Test
        void a_signature_made_with_another_key_or_in_upper_case_is_refused() {
            String wrongKey = TripaySignatures.transaction(
                    new TripayCredentials(credentials.merchantCode(), "k", "another-key"), "VPS-2025-000123", 85_000);
            String upper = TripaySignatures.transaction(credentials, "VPS-2025-000123", 85_000).toUpperCase();

            assertRefused(() -> simulator.create(request().signature(wrongKey).build()), "Invalid signature");
            assertRefused(() -> simulator.create(request().signature(upper).build()), "Invalid signature");
            assertThat(simulator.all()).isEmpty();
        }

        @Test
        void a_signature_over_another_amount_is_refused() {
            String forOtherAmount = TripaySignatures.transaction(credentials, "VPS-2025-000123", 85_001);

            assertRefused(() -> simulator.create(request().signature(forOtherAmount).build()), "Invalid signature");
        }

        @Test
        void an_amount_that_is_not_the_sum_of_the_items_is_refused() {
            CreateTransactionRequest r = request().amount(90_000L).items(
                    new OrderItem("a", "VPS", 40_000, 2, null, null),
                    new OrderItem("b", "Backup", 5_000, 1, null, null)).build();

            assertRefused(() -> simulator.create(r), "does not match the total of order_items (85000)");
        }

        @Test
        void several_items_summing_to_the_amount_are_fine() {
            Transaction t = simulator.create(request().amount(85_000L).items(
                    new OrderItem("a", "VPS", 40_000, 2, null, null),
                    new OrderItem("b", "Backup", 5_000, 1, null, null)).build());

            assertThat(t.orderItems()).extracting(OrderItem::subtotal).containsExactly(80_000L, 5_000L);
        }

        @Test
        void unknown_and_inactive_channels_are_refused() {
            assertRefused(() -> simulator.create(request().method("GOPAY").build()), "GOPAY not found");
            inactive.add("BRIVA");
            assertRefused(() -> simulator.create(request().build()), "BRIVA is not active");
        }

        @Test
        void amounts_outside_the_channel_limits_are_refused() {
            assertRefused(() -> simulator.create(request().amountAndItem(9_999).build()), "Minimum amount for BRIVA");
            assertRefused(() -> simulator.create(request().method("ALFAMART").amountAndItem(2_500_001).build()),
                    "Maximum amount for ALFAMART");
        }

        @Test
        void an_expiry_in_the_past_or_outside_the_channel_window_is_refused() {
            long now = START.getEpochSecond();

            assertRefused(() -> simulator.create(request().expiredTime(now - 1).build()), "in the future");
            assertRefused(() -> simulator.create(request().expiredTime(now + 10 * 60).build()),
                    "between 60 and 43200 minutes");
            assertRefused(() -> simulator.create(request().method("QRIS").expiredTime(now + 25 * 3600).build()),
                    "between 10 and 1440 minutes");
        }

        @Test
        void missing_fields_are_named() {
            assertRefused(() -> simulator.create(request().method(null).build()), "The method field is required.");
            assertRefused(() -> simulator.create(request().merchantRef(" ").build()), "merchant_ref field");
            assertRefused(() -> simulator.create(request().items().build()), "order_items field");
            assertRefused(() -> simulator.create(request().amount(null).build()), "amount field");
        }

        @Test
        void ovo_needs_the_customer_phone() {
            assertRefused(() -> simulator.create(request().method("OVO").customerPhone(null).build()),
                    "customer_phone field is required for OVO");
        }

        @Test
        void malformed_urls_and_emails_are_refused() {
            assertRefused(() -> simulator.create(request().callbackUrl("ftp://x/cb").build()), "callback_url");
            assertRefused(() -> simulator.create(request().returnUrl("not a url").build()), "return_url");
            assertRefused(() -> simulator.create(request().customerEmail("budi").build()), "customer_email");
        }
    }

    @Nested
    class Settlement {

        @Test
        void paying_sets_paid_at_and_a_second_settlement_conflicts() {
            Transaction t = simulator.create(request().build());
            clock.advance(Duration.ofMinutes(5));

            Transaction paid = simulator.settle(t.reference(), TransactionStatus.PAID);

            assertThat(paid.status()).isEqualTo(TransactionStatus.PAID);
            assertThat(paid.paidAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
            assertThatThrownBy(() -> simulator.settle(t.reference(), TransactionStatus.FAILED))
                    .isInstanceOfSatisfying(TripayException.class, e -> assertThat(e.status()).isEqualTo(409));
            assertThat(simulator.find(t.reference()).orElseThrow().status()).isEqualTo(TransactionStatus.PAID);
        }

        @Test
        void failing_leaves_paid_at_empty_and_unknown_references_are_not_found() {
            Transaction t = simulator.create(request().build());

            assertThat(simulator.settle(t.reference(), TransactionStatus.FAILED).paidAt()).isNull();
            assertThatThrownBy(() -> simulator.settle("DEV-T0", TransactionStatus.PAID))
                    .isInstanceOfSatisfying(TripayException.class, e -> assertThat(e.status()).isEqualTo(404));
        }

        @Test
        void transactions_expire_once_their_time_has_passed_and_only_once() {
            Transaction soon = simulator.create(request().method("QRIS").expiredTime(START.getEpochSecond() + 600)
                    .build());
            Transaction later = simulator.create(request().merchantRef("INV-2").build());

            clock.advance(Duration.ofSeconds(599));
            assertThat(simulator.expireDue()).isEmpty();
            clock.advance(Duration.ofSeconds(1));

            assertThat(simulator.expireDue()).extracting(Transaction::reference).containsExactly(soon.reference());
            assertThat(simulator.expireDue()).isEmpty();
            assertThat(simulator.find(soon.reference()).orElseThrow().status()).isEqualTo(TransactionStatus.EXPIRED);
            assertThat(simulator.find(later.reference()).orElseThrow().status()).isEqualTo(TransactionStatus.UNPAID);
        }

        @Test
        void a_paid_transaction_does_not_expire() {
            Transaction t = simulator.create(request().build());
            simulator.settle(t.reference(), TransactionStatus.PAID);
            clock.advance(Duration.ofDays(2));

            assertThat(simulator.expireDue()).isEmpty();
        }
    }
}
