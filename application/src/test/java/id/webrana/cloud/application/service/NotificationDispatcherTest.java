package id.webrana.cloud.application.service;

import id.webrana.cloud.application.fakes.FakeTelegramBot;
import id.webrana.cloud.application.notification.InAppNotification;
import id.webrana.cloud.application.notification.LocalMailboxEmailSender;
import id.webrana.cloud.application.notification.NotificationChannel;
import id.webrana.cloud.application.notification.NotificationTemplate;
import id.webrana.cloud.application.notification.OutboxMessage;
import id.webrana.cloud.application.notification.OutboxMessage.Status;
import id.webrana.cloud.application.port.in.NotificationAdminUseCase.UpdateTemplateCommand;
import id.webrana.cloud.application.port.out.DeliveryException;
import id.webrana.cloud.application.port.out.DeliveryException.Kind;
import id.webrana.cloud.application.port.out.EmailSender.EmailMessage;
import id.webrana.cloud.application.port.out.Notifier.Notification;
import id.webrana.cloud.application.port.out.TransactionRunner;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.provisioning.Backoff;
import id.webrana.cloud.domain.shared.Actor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static id.webrana.cloud.application.notification.TemplateCatalog.ORDER_CREATED;
import static id.webrana.cloud.application.notification.TemplateCatalog.PAYMENT_CALLBACK_REFUSED;
import static id.webrana.cloud.application.notification.TemplateCatalog.PAYMENT_CONFIRMED;
import static id.webrana.cloud.application.notification.TemplateCatalog.PROVISIONING_FAILED;
import static id.webrana.cloud.application.notification.TemplateCatalog.VPS_ACTIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationDispatcherTest {

    private final NotificationTestWorld world = new NotificationTestWorld();

    private static Map<String, String> paymentConfirmed(String name) {
        return Map.of("name", name, "orderId", "o-1", "hostname", "web-01.toko.id", "paidWith", "QRIS",
                "total", "1500000");
    }

    private static Map<String, String> vpsActive(String name) {
        return Map.of("name", name, "hostname", "web-01.toko.id", "ipv4", "203.0.113.7", "plan", "Basic 2 GB",
                "image", "Ubuntu 24.04");
    }

    private static Map<String, String> orderCreated(String name) {
        Map<String, String> v = new HashMap<>();
        v.put("name", name);
        v.put("orderId", "o-1");
        v.put("hostname", "web-01.toko.id");
        v.put("plan", "Basic 2 GB");
        v.put("period", "MONTHLY");
        v.put("basePrice", "1650000");
        v.put("discount", "150000");
        v.put("total", "1500000");
        v.put("invoiceId", "i-1");
        v.put("invoiceNumber", "INV/2026/11/000001");
        v.put("payBefore", "2026-08-24T03:15:00Z");
        return v;
    }

    private static Map<String, String> operatorAlert(String subject) {
        return Map.of("subject", subject, "message", "A callback with an invalid signature was refused");
    }

    private int dispatch() {
        return world.dispatcher().dispatchDue(20);
    }

    @Nested
    class Fan_out_and_delivery {

        @Test
        void a_payment_confirmation_goes_out_once_on_each_of_its_channels() {
            User budi = world.customerWithTelegram("budi@toko.id", "Budi Santoso", "5550001");

            world.produce(Notification.email(PAYMENT_CONFIRMED, "budi@toko.id", paymentConfirmed("Budi Santoso"),
                    "PAYMENT_STATUS:o-1"));

            assertThat(world.outbox.all()).extracting(OutboxMessage::dedupeKey).containsExactlyInAnyOrder(
                    "PAYMENT_STATUS:o-1:EMAIL", "PAYMENT_STATUS:o-1:TELEGRAM", "PAYMENT_STATUS:o-1:IN_APP");
            assertThat(world.outbox.byKey("PAYMENT_STATUS:o-1:IN_APP").recipient()).isEqualTo(budi.id().toString());

            assertThat(dispatch()).isEqualTo(3);

            assertThat(world.smtp.sent()).singleElement().satisfies(m -> {
                assertThat(m.to()).isEqualTo("budi@toko.id");
                assertThat(m.subject()).isEqualTo("Pembayaran diterima: web-01.toko.id");
                assertThat(m.textBody()).contains("Rp 1.500.000").contains("QRIS");
            });
            assertThat(world.telegram.sent()).singleElement().satisfies(s -> {
                assertThat(s.chatId()).isEqualTo("5550001");
                assertThat(s.html()).contains("Rp 1.500.000").contains("web-01.toko.id");
            });
            assertThat(world.inApp.of(budi.id())).singleElement().satisfies(n -> {
                assertThat(n.title()).isEqualTo("Pembayaran diterima");
                assertThat(n.event()).isEqualTo(PAYMENT_CONFIRMED);
            });
            assertThat(world.outbox.all()).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(Status.SENT);
                assertThat(r.attempts()).isEqualTo(1);
                assertThat(r.sentAt()).isEqualTo(NotificationTestWorld.START);
            });

            assertThat(dispatch()).isZero();
            assertThat(world.smtp.sent()).hasSize(1);
            assertThat(world.telegram.sent()).hasSize(1);
        }

        @Test
        void the_same_event_announced_twice_is_delivered_once() {
            world.customer("budi@toko.id", "Budi");
            Notification n = Notification.email(VPS_ACTIVE, "budi@toko.id", vpsActive("Budi"), "VPS_ACTIVE:o-1");

            world.produce(n);
            world.produce(n);
            dispatch();

            assertThat(world.outbox.all()).hasSize(2); // EMAIL and IN_APP; no Telegram chat linked
            assertThat(world.smtp.sent()).hasSize(1);
        }

        @Test
        void a_customer_without_a_linked_chat_gets_no_telegram_row() {
            User siti = world.customer("siti@toko.id", "Siti");

            world.produce(Notification.email(VPS_ACTIVE, "siti@toko.id", vpsActive("Siti"), "VPS_ACTIVE:o-2"));
            dispatch();

            assertThat(world.outbox.all()).extracting(OutboxMessage::channel)
                    .containsExactlyInAnyOrder("EMAIL", "IN_APP");
            assertThat(world.inApp.of(siti.id())).singleElement()
                    .satisfies(n -> assertThat(n.body()).contains("203.0.113.7").contains("ssh root@203.0.113.7"));
            assertThat(world.telegram.sent()).isEmpty();
        }

        @Test
        void an_address_that_belongs_to_no_user_gets_the_email_only() {
            world.produce(Notification.email(PAYMENT_CONFIRMED, "stranger@toko.id", paymentConfirmed("X"), "P:9"));
            dispatch();

            assertThat(world.outbox.all()).extracting(OutboxMessage::dedupeKey).containsExactly("P:9:EMAIL");
            assertThat(world.smtp.sentTo("stranger@toko.id")).hasSize(1);
        }

        @Test
        void an_operator_alert_without_operator_settings_lands_in_the_local_mailbox() {
            world.produce(new Notification(PAYMENT_CALLBACK_REFUSED, "OPERATOR", "operators", "id",
                    operatorAlert("signature"), "PAYMENT_CALLBACK_REFUSED:signature:1"));
            dispatch();

            assertThat(world.mailbox.all()).singleElement().satisfies(m -> {
                assertThat(m.channel()).isEqualTo("OPERATOR");
                assertThat(m.to()).isEqualTo("operators");
                assertThat(m.subject()).isEqualTo("Callback pembayaran ditolak: signature");
                assertThat(m.textBody()).isEqualTo("A callback with an invalid signature was refused");
            });
            assertThat(world.outbox.all()).extracting(OutboxMessage::status).containsExactly(Status.SENT);
            assertThat(world.telegram.sent()).isEmpty();
            assertThat(world.smtp.sent()).isEmpty();
        }

        @Test
        void a_provisioning_failure_reaches_the_operators_chat_with_the_error_and_the_customer() {
            world.settings = world.settings.withOperators("-100200300", null);
            world.customer("budi@toko.id", "Budi");
            world.produce(Notification.email(PROVISIONING_FAILED, "budi@toko.id", Map.of("name", "Budi",
                    "hostname", "web-01.toko.id", "orderId", "o-1", "errorCode", "PROVIDER_ERROR",
                    "errorMessage", "region <sgp1> is full"), "PROVISIONING_FAILED:o-1"));

            dispatch();

            assertThat(world.outbox.all()).extracting(OutboxMessage::channel)
                    .containsExactlyInAnyOrder("EMAIL", "IN_APP", "OPERATOR");
            assertThat(world.telegram.sentTo("-100200300")).singleElement().satisfies(s -> assertThat(s.html())
                    .startsWith("<b>Provisioning gagal: web-01.toko.id</b>")
                    .contains("budi@toko.id").contains("PROVIDER_ERROR").contains("region &lt;sgp1&gt; is full"));
            assertThat(world.smtp.sentTo("budi@toko.id")).singleElement()
                    .satisfies(m -> assertThat(m.textBody()).doesNotContain("PROVIDER_ERROR"));
        }

        @Test
        void without_smtp_emails_are_kept_in_the_local_mailbox() {
            world.email = new LocalMailboxEmailSender(world.mailbox, world.tx, world.clock);
            world.customer("budi@toko.id", "Budi");
            world.produce(Notification.email(ORDER_CREATED, "budi@toko.id", orderCreated("Budi"), "ORDER_CREATED:o-1"));

            dispatch();

            assertThat(world.mailbox.all()).singleElement().satisfies(m -> {
                assertThat(m.channel()).isEqualTo("EMAIL");
                assertThat(m.to()).isEqualTo("budi@toko.id");
                assertThat(m.subject()).isEqualTo("Pesanan web-01.toko.id diterima: tagihan INV/2026/11/000001");
                assertThat(m.textBody()).contains("Total: Rp 1.500.000");
                assertThat(m.htmlBody()).contains("<html lang=\"id\">");
            });
            assertThat(world.outbox.byKey("ORDER_CREATED:o-1:EMAIL").status()).isEqualTo(Status.SENT);
        }

        @Test
        void telegram_without_a_bot_is_kept_in_the_local_mailbox_and_skipped() {
            NotificationTestWorld noBot = new NotificationTestWorld(FakeTelegramBot.notConfigured());
            User budi = noBot.customer("budi@toko.id", "Budi");
            noBot.produce(new Notification("ADMIN_MESSAGE", "TELEGRAM", budi.id().toString(), "id",
                    Map.of("name", "Budi", "subject", "Halo", "message", "Server dipindah"), "ADMIN_MESSAGE:1"));

            noBot.dispatcher().dispatchDue(10);

            assertThat(noBot.mailbox.all()).singleElement().satisfies(m -> {
                assertThat(m.channel()).isEqualTo("TELEGRAM");
                assertThat(m.to()).isEqualTo("budi@toko.id");
                assertThat(m.htmlBody()).isEqualTo("<b>Halo</b>\n\nServer dipindah");
            });
            OutboxMessage row = noBot.outbox.byKey("ADMIN_MESSAGE:1");
            assertThat(row.status()).isEqualTo(Status.SKIPPED);
            assertThat(row.lastError()).contains("not configured");
        }

        @Test
        void a_customer_who_turned_email_off_gets_no_order_email_but_still_gets_account_emails() {
            User budi = world.customer("budi@toko.id", "Budi");
            world.tx.inTransaction(() -> world.preferences.saveChoices(budi.id(), "id",
                    Set.of(NotificationChannel.TELEGRAM), world.clock.instant()));

            world.produce(Notification.email(ORDER_CREATED, "budi@toko.id", orderCreated("Budi"), "ORDER_CREATED:o-1"));
            world.produce(Notification.email("ACCOUNT_PASSWORD_RESET", "budi@toko.id",
                    Map.of("name", "Budi", "token", "t", "link", "https://cloud.webrana.id/app/reset-password?token=t"),
                    "ACCOUNT_PASSWORD_RESET:1"));
            dispatch();

            assertThat(world.smtp.sent()).extracting(EmailMessage::subject)
                    .containsExactly("Atur ulang kata sandi WeBrana Cloud");
            OutboxMessage skipped = world.outbox.byKey("ORDER_CREATED:o-1:EMAIL");
            assertThat(skipped.status()).isEqualTo(Status.SKIPPED);
            assertThat(skipped.lastError()).isEqualTo("the customer turned EMAIL off");
            assertThat(world.inApp.of(budi.id())).hasSize(1); // the bell is always on
        }
    }

    @Nested
    class Retries {

        @Test
        void a_failing_email_is_retried_with_doubling_delays_and_failed_after_the_last_attempt() {
            world.settings = world.settings.withRetries(new Backoff(Duration.ofSeconds(30), Duration.ofHours(1)), 4);
            world.smtp.failNext(transient_(), transient_(), transient_(), transient_(), transient_());
            world.produce(Notification.email("DEPOSIT_RECEIVED", "budi@toko.id", Map.of("name", "Budi",
                    "amount", "500000", "invoiceNumber", "INV/2026/11/000002", "balance", "500000"), "DEP:1"));

            List<Duration> delays = new ArrayList<>();
            for (int attempt = 1; attempt <= 3; attempt++) {
                Instant before = world.clock.instant();
                assertThat(dispatch()).isEqualTo(1);
                OutboxMessage row = world.outbox.byKey("DEP:1:EMAIL");
                assertThat(row.status()).isEqualTo(Status.PENDING);
                assertThat(row.attempts()).isEqualTo(attempt);
                assertThat(row.lastError()).isEqualTo("TRANSIENT: 451 try again later");
                Duration delay = Duration.between(before, row.nextAttemptAt());
                delays.add(delay);
                world.clock.advance(delay.minusSeconds(1));
                assertThat(dispatch()).as("not due before its delay").isZero();
                world.clock.advance(Duration.ofSeconds(1));
            }
            assertThat(delays).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120));

            assertThat(dispatch()).isEqualTo(1);
            OutboxMessage row = world.outbox.byKey("DEP:1:EMAIL");
            assertThat(row.status()).isEqualTo(Status.FAILED);
            assertThat(row.attempts()).isEqualTo(4);
            assertThat(row.lastError()).isEqualTo("gave up after 4 attempts; last error: TRANSIENT: 451 try again later");
            world.clock.advance(Duration.ofDays(1));
            assertThat(dispatch()).isZero();
            assertThat(world.smtp.attempts()).isEqualTo(4);
            assertThat(world.smtp.sent()).isEmpty();
        }

        @Test
        void a_transient_failure_is_followed_by_a_successful_retry() {
            world.smtp.failNext(transient_());
            world.produce(Notification.email("DEPOSIT_RECEIVED", "budi@toko.id", Map.of("name", "Budi",
                    "amount", "500000", "invoiceNumber", "INV/2026/11/000002", "balance", "500000"), "DEP:1"));

            dispatch();
            world.clock.advance(Duration.ofSeconds(30));
            dispatch();

            assertThat(world.smtp.sent()).hasSize(1);
            OutboxMessage row = world.outbox.byKey("DEP:1:EMAIL");
            assertThat(row.status()).isEqualTo(Status.SENT);
            assertThat(row.attempts()).isEqualTo(2);
            assertThat(row.lastError()).isNull();
        }

        @Test
        void a_permanent_failure_is_not_retried() {
            world.smtp.failNext(new DeliveryException(Kind.PERMANENT, "550 no such mailbox"));
            world.produce(Notification.email("DEPOSIT_RECEIVED", "nobody@toko.id", Map.of("name", "X",
                    "amount", "1", "invoiceNumber", "I", "balance", "1"), "DEP:2"));

            dispatch();
            world.clock.advance(Duration.ofHours(2));
            dispatch();

            OutboxMessage row = world.outbox.byKey("DEP:2:EMAIL");
            assertThat(row.status()).isEqualTo(Status.FAILED);
            assertThat(row.lastError()).isEqualTo("PERMANENT: 550 no such mailbox");
            assertThat(world.smtp.attempts()).isEqualTo(1);
        }

        @Test
        void a_telegram_rate_limit_waits_the_time_telegram_asked_for_then_delivers() {
            world.customerWithTelegram("budi@toko.id", "Budi", "5550001");
            world.telegram.failNext(new DeliveryException(Kind.RATE_LIMITED, "Too Many Requests: retry after 95",
                    Duration.ofSeconds(95), null));
            world.produce(Notification.email(VPS_ACTIVE, "budi@toko.id", vpsActive("Budi"), "VPS_ACTIVE:o-1"));

            dispatch();
            OutboxMessage waiting = world.outbox.byKey("VPS_ACTIVE:o-1:TELEGRAM");
            assertThat(waiting.status()).isEqualTo(Status.PENDING);
            assertThat(waiting.nextAttemptAt()).isEqualTo(NotificationTestWorld.START.plusSeconds(95));
            assertThat(waiting.attempts()).as("a rate limit is not an attempt").isZero();
            assertThat(waiting.lastError()).startsWith("RATE_LIMITED: Too Many Requests");
            assertThat(world.telegram.sent()).isEmpty();

            world.clock.advance(Duration.ofSeconds(94));
            dispatch();
            assertThat(world.telegram.sent()).isEmpty();

            world.clock.advance(Duration.ofSeconds(1));
            dispatch();
            assertThat(world.telegram.sentTo("5550001")).hasSize(1);
            assertThat(world.outbox.byKey("VPS_ACTIVE:o-1:TELEGRAM").status()).isEqualTo(Status.SENT);
            assertThat(world.outbox.byKey("VPS_ACTIVE:o-1:TELEGRAM").attempts()).isEqualTo(1);
        }

        @Test
        void a_sustained_telegram_rate_limit_delays_the_message_but_never_fails_it() {
            world.settings = world.settings.withRetries(new Backoff(Duration.ofSeconds(30), Duration.ofHours(1)), 2);
            world.customerWithTelegram("budi@toko.id", "Budi", "5550001");
            for (int i = 0; i < 5; i++) {
                world.telegram.failNext(rateLimited(60));
            }
            world.produce(Notification.email(VPS_ACTIVE, "budi@toko.id", vpsActive("Budi"), "VPS_ACTIVE:o-1"));

            for (int limited = 1; limited <= 5; limited++) {
                dispatch();
                OutboxMessage row = world.outbox.byKey("VPS_ACTIVE:o-1:TELEGRAM");
                assertThat(row.status()).as("after 429 number %d, with maxAttempts 2", limited)
                        .isEqualTo(Status.PENDING);
                assertThat(row.attempts()).isZero();
                assertThat(row.nextAttemptAt()).isEqualTo(world.clock.instant().plusSeconds(60));
                world.clock.advance(Duration.ofSeconds(60));
            }
            dispatch();

            assertThat(world.telegram.sendAttempts()).isEqualTo(6);
            assertThat(world.telegram.sentTo("5550001")).hasSize(1);
            OutboxMessage row = world.outbox.byKey("VPS_ACTIVE:o-1:TELEGRAM");
            assertThat(row.status()).isEqualTo(Status.SENT);
            assertThat(row.attempts()).isEqualTo(1);
        }

        @Test
        void rate_limits_do_not_use_up_the_attempts_that_real_failures_have() {
            world.settings = world.settings.withRetries(new Backoff(Duration.ofSeconds(30), Duration.ofHours(1)), 2);
            world.customerWithTelegram("budi@toko.id", "Budi", "5550001");
            world.telegram.failNext(rateLimited(10), new DeliveryException(Kind.TRANSIENT, "502 Bad Gateway"),
                    rateLimited(10), new DeliveryException(Kind.TRANSIENT, "502 Bad Gateway"));
            world.produce(Notification.email(VPS_ACTIVE, "budi@toko.id", vpsActive("Budi"), "VPS_ACTIVE:o-1"));

            List<String> seen = new ArrayList<>();
            for (int pass = 0; pass < 4; pass++) {
                dispatch();
                OutboxMessage row = world.outbox.byKey("VPS_ACTIVE:o-1:TELEGRAM");
                seen.add(row.status() + "/" + row.attempts());
                world.clock.advance(Duration.ofMinutes(5));
            }

            assertThat(seen).containsExactly("PENDING/0", "PENDING/1", "PENDING/1", "FAILED/2");
            assertThat(world.outbox.byKey("VPS_ACTIVE:o-1:TELEGRAM").lastError())
                    .isEqualTo("gave up after 2 attempts; last error: TRANSIENT: 502 Bad Gateway");
        }

        @Test
        void after_a_429_the_other_telegram_rows_of_the_pass_wait_for_it_without_calling_telegram() {
            for (int i = 1; i <= 3; i++) {
                world.customerWithTelegram("c" + i + "@toko.id", "Pelanggan " + i, "555000" + i);
                world.produce(Notification.email(VPS_ACTIVE, "c" + i + "@toko.id", vpsActive("Pelanggan " + i),
                        "VPS_ACTIVE:o-" + i));
                world.clock.advance(Duration.ofSeconds(1));
            }
            Instant limitedAt = world.clock.instant();
            world.telegram.failNext(rateLimited(95));

            assertThat(dispatch()).as("all nine rows were claimed").isEqualTo(9);

            assertThat(world.telegram.sendAttempts()).as("only the first Telegram row called Telegram").isEqualTo(1);
            for (int i = 1; i <= 3; i++) {
                OutboxMessage row = world.outbox.byKey("VPS_ACTIVE:o-" + i + ":TELEGRAM");
                assertThat(row.status()).isEqualTo(Status.PENDING);
                assertThat(row.nextAttemptAt()).isEqualTo(limitedAt.plusSeconds(95));
                assertThat(row.attempts()).as("not counted as an attempt").isZero();
                assertThat(world.outbox.byKey("VPS_ACTIVE:o-" + i + ":EMAIL").status()).isEqualTo(Status.SENT);
                assertThat(world.outbox.byKey("VPS_ACTIVE:o-" + i + ":IN_APP").status()).isEqualTo(Status.SENT);
            }
            assertThat(world.outbox.byKey("VPS_ACTIVE:o-2:TELEGRAM").lastError())
                    .isEqualTo("RATE_LIMITED: not sent; Telegram asked the bot to wait until "
                            + limitedAt.plusSeconds(95));
            assertThat(world.smtp.sent()).hasSize(3);

            world.clock.advance(Duration.ofSeconds(94));
            assertThat(dispatch()).isZero();
            world.clock.advance(Duration.ofSeconds(1));
            assertThat(dispatch()).isEqualTo(3);
            assertThat(world.telegram.sendAttempts()).isEqualTo(4);
            assertThat(world.telegram.sent()).extracting(FakeTelegramBot.Sent::chatId)
                    .containsExactly("5550001", "5550002", "5550003");
            for (int i = 1; i <= 3; i++) {
                assertThat(world.outbox.byKey("VPS_ACTIVE:o-" + i + ":TELEGRAM").attempts()).isEqualTo(1);
            }
        }

        @Test
        void telegram_rows_that_fall_due_during_the_wait_are_held_back_by_the_same_dispatcher() {
            NotificationDispatcher dispatcher = world.dispatcher();
            world.customerWithTelegram("budi@toko.id", "Budi", "5550001");
            world.customerWithTelegram("sari@toko.id", "Sari", "5550002");
            world.telegram.failNext(rateLimited(60));
            world.produce(Notification.email(VPS_ACTIVE, "budi@toko.id", vpsActive("Budi"), "VPS_ACTIVE:o-1"));
            dispatcher.dispatchDue(20);

            world.clock.advance(Duration.ofSeconds(20));
            world.produce(Notification.email(VPS_ACTIVE, "sari@toko.id", vpsActive("Sari"), "VPS_ACTIVE:o-2"));
            dispatcher.dispatchDue(20);

            assertThat(world.telegram.sendAttempts()).isEqualTo(1);
            OutboxMessage held = world.outbox.byKey("VPS_ACTIVE:o-2:TELEGRAM");
            assertThat(held.status()).isEqualTo(Status.PENDING);
            assertThat(held.nextAttemptAt()).isEqualTo(NotificationTestWorld.START.plusSeconds(60));
            assertThat(held.attempts()).isZero();
            assertThat(world.outbox.byKey("VPS_ACTIVE:o-2:EMAIL").status()).as("email does not wait")
                    .isEqualTo(Status.SENT);

            world.clock.advance(Duration.ofSeconds(40));
            dispatcher.dispatchDue(20);
            assertThat(world.telegram.sent()).extracting(FakeTelegramBot.Sent::chatId)
                    .containsExactlyInAnyOrder("5550001", "5550002");
        }

        @Test
        void an_operator_alert_for_the_operators_chat_waits_too_but_one_by_email_does_not() {
            world.settings = world.settings.withOperators("-1009990001", null);
            world.customerWithTelegram("budi@toko.id", "Budi", "5550001");
            world.telegram.failNext(rateLimited(30));
            world.produce(Notification.email(VPS_ACTIVE, "budi@toko.id", vpsActive("Budi"), "VPS_ACTIVE:o-1"));
            world.clock.advance(Duration.ofSeconds(1));
            world.produce(new Notification(PAYMENT_CALLBACK_REFUSED, "OPERATOR", "operators", "id",
                    operatorAlert("ref-1"), "ALERT:1"));

            NotificationDispatcher dispatcher = world.dispatcher();
            dispatcher.dispatchDue(20);

            assertThat(world.telegram.sendAttempts()).isEqualTo(1);
            OutboxMessage alert = world.outbox.byKey("ALERT:1");
            assertThat(alert.status()).isEqualTo(Status.PENDING);
            assertThat(alert.nextAttemptAt()).isEqualTo(NotificationTestWorld.START.plusSeconds(1).plusSeconds(30));
            assertThat(alert.attempts()).isZero();

            // a Telegram wait does not hold back an operator alert that goes by email
            world.settings = world.settings.withOperators(null, "ops@webrana.id");
            NotificationDispatcher byEmail = world.dispatcher();
            world.telegram.failNext(rateLimited(30));
            world.produce(Notification.email(VPS_ACTIVE, "budi@toko.id", vpsActive("Budi"), "VPS_ACTIVE:o-2"));
            world.clock.advance(Duration.ofSeconds(1));
            world.produce(new Notification(PAYMENT_CALLBACK_REFUSED, "OPERATOR", "operators", "id",
                    operatorAlert("ref-2"), "ALERT:2"));
            byEmail.dispatchDue(20);

            assertThat(world.telegram.sendAttempts()).isEqualTo(2);
            assertThat(world.outbox.byKey("VPS_ACTIVE:o-2:TELEGRAM").status()).isEqualTo(Status.PENDING);
            assertThat(world.outbox.byKey("ALERT:2").status()).isEqualTo(Status.SENT);
            assertThat(world.smtp.sent()).extracting(EmailMessage::to).contains("ops@webrana.id");
        }

        @Test
        void a_blocked_bot_unlinks_the_chat_and_tells_the_customer_in_the_bell() {
            User budi = world.customerWithTelegram("budi@toko.id", "Budi", "5550001");
            world.telegram.failNext(new DeliveryException(Kind.RECIPIENT_GONE, "Forbidden: bot was blocked by the user"));
            world.produce(Notification.email(VPS_ACTIVE, "budi@toko.id", vpsActive("Budi"), "VPS_ACTIVE:o-1"));

            dispatch();

            assertThat(world.preferences.find(budi.id()).orElseThrow().telegramChatId()).isNull();
            OutboxMessage row = world.outbox.byKey("VPS_ACTIVE:o-1:TELEGRAM");
            assertThat(row.status()).isEqualTo(Status.FAILED);
            assertThat(row.lastError()).contains("bot was blocked").contains("unlinked");
            assertThat(world.inApp.of(budi.id())).extracting(InAppNotification::title)
                    .containsExactlyInAnyOrder("VPS web-01.toko.id aktif", "Telegram terputus");

            world.produce(Notification.email(PAYMENT_CONFIRMED, "budi@toko.id", paymentConfirmed("Budi"), "P:2"));
            assertThat(world.outbox.all()).extracting(OutboxMessage::dedupeKey).doesNotContain("P:2:TELEGRAM");
        }

        private DeliveryException transient_() {
            return new DeliveryException(Kind.TRANSIENT, "451 try again later");
        }

        private DeliveryException rateLimited(int seconds) {
            return new DeliveryException(Kind.RATE_LIMITED, "Too Many Requests: retry after " + seconds,
                    Duration.ofSeconds(seconds), null);
        }
    }

    @Nested
    class Groups_upgraded_to_supergroups {

        private DeliveryException migratedTo(String newChatId) {
            return DeliveryException.chatMigrated("Bad Request: group chat was upgraded to a supergroup chat",
                    newChatId);
        }

        /** Collects what the dispatcher logs while {@code action} runs. */
        private List<LogRecord> logsOf(Runnable action) {
            Logger logger = Logger.getLogger(NotificationDispatcher.class.getName());
            List<LogRecord> records = new ArrayList<>();
            Handler handler = new Handler() {
                @Override
                public synchronized void publish(LogRecord record) {
                    records.add(record);
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            Level level = logger.getLevel();
            logger.setLevel(Level.ALL); // other tests turn the services' logs off
            logger.addHandler(handler);
            try {
                action.run();
            } finally {
                logger.removeHandler(handler);
                logger.setLevel(level);
            }
            return records;
        }

        @Test
        void a_customers_chat_that_moved_is_relinked_and_the_message_resent_there_once() {
            User budi = world.customerWithTelegram("budi@toko.id", "Budi", "-5550001");
            world.telegram.failNext(migratedTo("-1005550001"));
            world.produce(Notification.email(VPS_ACTIVE, "budi@toko.id", vpsActive("Budi"), "VPS_ACTIVE:o-1"));

            dispatch();

            assertThat(world.telegram.attemptedChats()).containsExactly("-5550001", "-1005550001");
            assertThat(world.telegram.sentTo("-1005550001")).singleElement()
                    .satisfies(s -> assertThat(s.html()).contains("web-01.toko.id"));
            assertThat(world.outbox.byKey("VPS_ACTIVE:o-1:TELEGRAM").status()).isEqualTo(Status.SENT);
            assertThat(world.preferences.find(budi.id()).orElseThrow().telegramChatId()).isEqualTo("-1005550001");

            // the next message goes straight to the new chat, even from another dispatcher (it reads the link)
            world.produce(Notification.email(PAYMENT_CONFIRMED, "budi@toko.id", paymentConfirmed("Budi"), "P:2"));
            dispatch();

            assertThat(world.telegram.attemptedChats()).containsExactly("-5550001", "-1005550001", "-1005550001");
            assertThat(world.outbox.byKey("P:2:TELEGRAM").status()).isEqualTo(Status.SENT);
        }

        @Test
        void a_failed_resend_to_the_new_chat_is_retried_there_like_any_failure() {
            User budi = world.customerWithTelegram("budi@toko.id", "Budi", "-5550001");
            world.telegram.failNext(migratedTo("-1005550001"),
                    new DeliveryException(Kind.TRANSIENT, "HTTP 502 Bad Gateway"));
            world.produce(Notification.email(VPS_ACTIVE, "budi@toko.id", vpsActive("Budi"), "VPS_ACTIVE:o-1"));

            dispatch();

            OutboxMessage row = world.outbox.byKey("VPS_ACTIVE:o-1:TELEGRAM");
            assertThat(row.status()).isEqualTo(Status.PENDING);
            assertThat(row.lastError()).contains("502");
            assertThat(world.preferences.find(budi.id()).orElseThrow().telegramChatId()).isEqualTo("-1005550001");

            world.clock.advance(Duration.ofMinutes(1));
            dispatch();

            assertThat(world.telegram.attemptedChats()).containsExactly("-5550001", "-1005550001", "-1005550001");
            assertThat(world.outbox.byKey("VPS_ACTIVE:o-1:TELEGRAM").status()).isEqualTo(Status.SENT);
        }

        @Test
        void a_moved_chat_whose_new_id_is_refused_too_fails_without_a_second_resend() {
            world.customerWithTelegram("budi@toko.id", "Budi", "-5550001");
            world.telegram.failNext(migratedTo("-1005550001"), migratedTo("-1005550002"));
            world.produce(Notification.email(VPS_ACTIVE, "budi@toko.id", vpsActive("Budi"), "VPS_ACTIVE:o-1"));

            dispatch();

            assertThat(world.telegram.attemptedChats()).containsExactly("-5550001", "-1005550001");
            assertThat(world.outbox.byKey("VPS_ACTIVE:o-1:TELEGRAM").status()).isEqualTo(Status.FAILED);
        }

        @Test
        void a_bot_removed_from_the_new_supergroup_unlinks_the_new_chat() {
            User budi = world.customerWithTelegram("budi@toko.id", "Budi", "-5550001");
            world.telegram.failNext(migratedTo("-1005550001"),
                    new DeliveryException(Kind.RECIPIENT_GONE, "Forbidden: bot was kicked from the supergroup chat"));
            world.produce(Notification.email(VPS_ACTIVE, "budi@toko.id", vpsActive("Budi"), "VPS_ACTIVE:o-1"));

            dispatch();

            assertThat(world.preferences.find(budi.id()).orElseThrow().telegramChatId()).isNull();
            assertThat(world.outbox.byKey("VPS_ACTIVE:o-1:TELEGRAM").status()).isEqualTo(Status.FAILED);
            assertThat(world.inApp.of(budi.id())).extracting(InAppNotification::title).contains("Telegram terputus");
        }

        @Test
        void the_operators_group_that_moved_gets_the_alert_and_every_later_one_and_operators_are_told() {
            world.settings = world.settings.withOperators("-200300", null);
            world.telegram.failNext(migratedTo("-100200300"));
            world.produce(new Notification(PAYMENT_CALLBACK_REFUSED, "OPERATOR", "operators", "id",
                    operatorAlert("ref-1"), "ALERT:1"));
            NotificationDispatcher dispatcher = world.dispatcher();

            List<LogRecord> logs = logsOf(() -> dispatcher.dispatchDue(20));

            assertThat(world.outbox.byKey("ALERT:1").status()).isEqualTo(Status.SENT);
            assertThat(world.telegram.sentTo("-100200300")).singleElement()
                    .satisfies(s -> assertThat(s.html()).contains("ref-1"));
            assertThat(logs).filteredOn(r -> r.getLevel() == Level.SEVERE).singleElement()
                    .satisfies(r -> assertThat(r.getMessage())
                            .contains("NOTIFY_OPERATORS_TELEGRAM_CHAT_ID=-100200300").contains("-200300"));

            world.produce(new Notification(PAYMENT_CALLBACK_REFUSED, "OPERATOR", "operators", "id",
                    operatorAlert("ref-2"), "ALERT:2"));
            dispatcher.dispatchDue(20);

            assertThat(world.telegram.attemptedChats()).containsExactly("-200300", "-100200300", "-100200300");
            assertThat(world.outbox.byKey("ALERT:2").status()).isEqualTo(Status.SENT);
        }

        @Test
        void an_operators_alert_whose_resend_fails_is_retried_to_the_new_group() {
            world.settings = world.settings.withOperators("-200300", null);
            world.telegram.failNext(migratedTo("-100200300"), new DeliveryException(Kind.TRANSIENT, "timed out"));
            world.produce(new Notification(PAYMENT_CALLBACK_REFUSED, "OPERATOR", "operators", "id",
                    operatorAlert("ref-1"), "ALERT:1"));
            NotificationDispatcher dispatcher = world.dispatcher();

            dispatcher.dispatchDue(20);
            assertThat(world.outbox.byKey("ALERT:1").status()).isEqualTo(Status.PENDING);
            world.clock.advance(Duration.ofMinutes(1));
            dispatcher.dispatchDue(20);

            assertThat(world.telegram.attemptedChats()).containsExactly("-200300", "-100200300", "-100200300");
            assertThat(world.outbox.byKey("ALERT:1").status()).isEqualTo(Status.SENT);
        }

        @Test
        void another_refusal_of_the_operators_group_is_not_followed() {
            world.settings = world.settings.withOperators("-200300", null);
            world.telegram.failNext(new DeliveryException(Kind.PERMANENT, "Bad Request: message is too long"));
            world.produce(new Notification(PAYMENT_CALLBACK_REFUSED, "OPERATOR", "operators", "id",
                    operatorAlert("ref-1"), "ALERT:1"));

            dispatch();

            assertThat(world.telegram.attemptedChats()).containsExactly("-200300");
            assertThat(world.outbox.byKey("ALERT:1").status()).isEqualTo(Status.FAILED);
        }
    }

    @Nested
    class Texts {

        @Test
        void a_customer_template_stored_with_an_operator_only_variable_does_not_show_it() {
            world.settings = world.settings.withOperators("-100200300", null);
            world.customer("budi@toko.id", "Budi");
            NotificationTemplate old = world.templates.find(PROVISIONING_FAILED, "EMAIL", "id").orElseThrow();
            // saved before such templates were refused (straight into the table, past the validation)
            world.tx.inTransaction(() -> world.templates.save(old.edited("Gagal: {{hostname}}",
                    "Error [{{errorMessage}}] untuk [{{customerEmail}}]", NotificationTestWorld.START, "ops-1")));
            world.produce(Notification.email(PROVISIONING_FAILED, "budi@toko.id", Map.of("name", "Budi",
                    "hostname", "web-01.toko.id", "orderId", "o-1", "errorCode", "PROVIDER_ERROR",
                    "errorMessage", "region sgp1 is full"), "PROVISIONING_FAILED:o-1"));

            dispatch();

            assertThat(world.smtp.sentTo("budi@toko.id")).singleElement()
                    .satisfies(m -> assertThat(m.textBody()).isEqualTo("Error [] untuk []"));
            assertThat(world.telegram.sentTo("-100200300")).singleElement()
                    .satisfies(s -> assertThat(s.html()).contains("region sgp1 is full").contains("budi@toko.id"));
        }

        @Test
        void an_edited_template_is_used_by_the_next_message() {
            world.customer("budi@toko.id", "Budi");
            NotificationService admin = world.service();
            var template = admin.templates().stream().filter(t -> t.event().equals(VPS_ACTIVE)
                    && t.channel().equals("EMAIL") && t.language().equals("id")).findFirst().orElseThrow();
            world.produce(Notification.email(VPS_ACTIVE, "budi@toko.id", vpsActive("Budi"), "VPS_ACTIVE:o-1"));
            dispatch();

            admin.updateTemplate(new UpdateTemplateCommand(template.id(), "Server {{hostname}} siap, {{name}}!",
                    "IP: {{ipv4}}", template.version(), new Actor(Actor.Type.ADMIN, "ops-1")));
            world.produce(Notification.email(VPS_ACTIVE, "budi@toko.id", vpsActive("Budi"), "VPS_ACTIVE:o-2"));
            dispatch();

            assertThat(world.smtp.sent()).extracting(EmailMessage::subject)
                    .containsExactly("VPS web-01.toko.id sudah aktif", "Server web-01.toko.id siap, Budi!");
            assertThat(world.smtp.sent().get(1).textBody()).isEqualTo("IP: 203.0.113.7");
        }

        @Test
        void messages_are_in_indonesian_by_default_and_in_english_when_the_customer_chose_it() {
            world.customer("budi@toko.id", "Budi");
            User jane = world.customer("jane@shop.com", "Jane");
            world.tx.inTransaction(() -> world.preferences.saveChoices(jane.id(), "en",
                    Set.of(NotificationChannel.EMAIL), world.clock.instant()));

            world.produce(Notification.email(ORDER_CREATED, "budi@toko.id", orderCreated("Budi"), "O:1"));
            world.produce(Notification.email(ORDER_CREATED, "jane@shop.com", orderCreated("Jane"), "O:2"));
            dispatch();

            assertThat(world.smtp.sentTo("budi@toko.id")).singleElement().satisfies(m -> {
                assertThat(m.subject()).startsWith("Pesanan web-01.toko.id diterima");
                assertThat(m.textBody()).contains("Paket: Basic 2 GB (bulanan)").contains("Cara membayar");
            });
            assertThat(world.smtp.sentTo("jane@shop.com")).singleElement().satisfies(m -> {
                assertThat(m.subject()).startsWith("Order web-01.toko.id received");
                assertThat(m.textBody()).contains("Plan: Basic 2 GB (monthly)").contains("How to pay");
                assertThat(m.htmlBody()).contains("<html lang=\"en\">");
            });
            assertThat(world.inApp.of(jane.id())).singleElement()
                    .satisfies(n -> assertThat(n.title()).isEqualTo("Order web-01.toko.id awaits payment"));
        }

        @Test
        void money_and_dates_are_formatted_for_people() {
            world.customer("budi@toko.id", "Budi");
            User jane = world.customer("jane@shop.com", "Jane");
            world.tx.inTransaction(() -> world.preferences.saveChoices(jane.id(), "en",
                    Set.of(NotificationChannel.EMAIL), world.clock.instant()));

            world.produce(Notification.email(ORDER_CREATED, "budi@toko.id", orderCreated("Budi"), "O:1"));
            world.produce(Notification.email(ORDER_CREATED, "jane@shop.com", orderCreated("Jane"), "O:2"));
            dispatch();

            assertThat(world.smtp.sentTo("budi@toko.id").get(0).textBody())
                    .contains("Harga: Rp 1.650.000").contains("Diskon: Rp 150.000").contains("Total: Rp 1.500.000")
                    .contains("sebelum 24 Agustus 2026 10:15 WIB");
            assertThat(world.smtp.sentTo("jane@shop.com").get(0).textBody())
                    .contains("before 24 August 2026 10:15 WIB");
        }

        @Test
        void html_is_escaped_in_the_html_part_and_in_telegram_but_not_in_the_text_part() {
            world.customerWithTelegram("budi@toko.id", "Budi", "5550001");
            Map<String, String> vars = new HashMap<>(vpsActive("<script>alert(1)</script> & Co"));
            vars.put("hostname", "a<b>.toko.id");

            world.produce(Notification.email(VPS_ACTIVE, "budi@toko.id", vars, "VPS_ACTIVE:o-1"));
            dispatch();

            EmailMessage mail = world.smtp.sent().get(0);
            assertThat(mail.textBody()).contains("Halo <script>alert(1)</script> & Co,");
            assertThat(mail.htmlBody())
                    .contains("Halo &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co,")
                    .contains("<title>VPS a&lt;b&gt;.toko.id sudah aktif</title>")
                    .doesNotContain("<script>").doesNotContain("a<b>");
            assertThat(world.telegram.sent().get(0).html()).contains("VPS a&lt;b&gt;.toko.id sudah aktif")
                    .doesNotContain("a<b>");
        }
    }

    @Nested
    class Two_dispatchers_and_crashes {

        /** Stands for the process dying mid-send: an Error, which nothing in the dispatcher catches. */
        static final class SimulatedCrash extends Error {
            SimulatedCrash() {
                super("process killed while the SMTP server was talking");
            }
        }

        private void queueAlerts(int count) {
            world.settings = world.settings.withOperators(null, "ops@webrana.id");
            for (int i = 0; i < count; i++) {
                world.produce(new Notification(PAYMENT_CALLBACK_REFUSED, "OPERATOR", "operators", "id",
                        operatorAlert("ref-" + i), "ALERT:" + i));
            }
        }

        @Test
        void a_second_dispatcher_running_during_a_send_does_not_send_the_claimed_rows() {
            queueAlerts(3);
            NotificationDispatcher first = world.dispatcher();
            NotificationDispatcher second = world.dispatcher();
            AtomicBoolean secondRan = new AtomicBoolean();
            List<Integer> claimedBySecond = new ArrayList<>();
            world.smtp.whileSending(m -> {
                if (secondRan.compareAndSet(false, true)) {
                    claimedBySecond.add(second.dispatchDue(10));
                }
            });

            // rows are claimed one at a time: the first holds ref-0 while it sends, the second takes the others
            assertThat(first.dispatchDue(2)).isEqualTo(1);

            assertThat(claimedBySecond).containsExactly(2); // never the row the first one is sending
            assertThat(world.smtp.sent()).extracting(EmailMessage::subject).containsExactlyInAnyOrder(
                    "Callback pembayaran ditolak: ref-0", "Callback pembayaran ditolak: ref-1",
                    "Callback pembayaran ditolak: ref-2");
            assertThat(world.outbox.all()).allSatisfy(r -> assertThat(r.status()).isEqualTo(Status.SENT));
        }

        @Test
        void two_dispatchers_on_two_threads_send_every_row_exactly_once() throws Exception {
            int rows = 60;
            queueAlerts(rows);
            TransactionRunner direct = new TransactionRunner() {
                @Override
                public <T> T inTransaction(Supplier<T> work) {
                    return work.get();
                }
            };
            world.smtp.whileSending(m -> Thread.yield());
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Function<NotificationDispatcher, java.util.concurrent.Callable<Integer>> loop = d -> () -> {
                    start.await();
                    int claimed = 0;
                    for (int n = d.dispatchDue(3); n > 0; n = d.dispatchDue(3)) {
                        claimed += n;
                    }
                    return claimed;
                };
                Future<Integer> a = pool.submit(loop.apply(world.dispatcher(direct)));
                Future<Integer> b = pool.submit(loop.apply(world.dispatcher(direct)));
                start.countDown();
                assertThat(a.get(30, TimeUnit.SECONDS) + b.get(30, TimeUnit.SECONDS)).isEqualTo(rows);
            } finally {
                pool.shutdownNow();
            }

            List<String> subjects = world.smtp.sent().stream().map(EmailMessage::subject).toList();
            assertThat(subjects).hasSize(rows).doesNotHaveDuplicates();
            assertThat(world.outbox.all()).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(Status.SENT);
                assertThat(r.attempts()).isEqualTo(1);
            });
        }

        @Test
        void a_row_whose_dispatcher_died_mid_send_is_sent_by_another_after_the_lease() {
            queueAlerts(1);
            world.smtp.whileSending(m -> {
                throw new SimulatedCrash();
            });
            assertThatThrownBy(() -> world.dispatcher().dispatchDue(10)).isInstanceOf(SimulatedCrash.class);
            world.smtp.whileSending(m -> { });
            OutboxMessage abandoned = world.outbox.byKey("ALERT:0");
            assertThat(abandoned.status()).isEqualTo(Status.IN_PROGRESS);

            NotificationDispatcher restarted = world.dispatcher();
            world.clock.advance(world.settings.lease().minusSeconds(1));
            assertThat(restarted.dispatchDue(10)).as("still leased").isZero();
            world.clock.advance(Duration.ofSeconds(1));
            assertThat(restarted.dispatchDue(10)).isEqualTo(1);

            assertThat(world.smtp.sent()).hasSize(1);
            OutboxMessage row = world.outbox.byKey("ALERT:0");
            assertThat(row.status()).isEqualTo(Status.SENT);
            assertThat(row.attempts()).isEqualTo(2);
        }

        @Test
        void a_slow_send_does_not_eat_the_lease_of_the_rows_after_it() {
            queueAlerts(2);
            // the first send takes 4 of the lease's 5 minutes; the next row is claimed afterwards with a whole lease
            world.smtp.whileSending(m -> {
                if (m.subject().endsWith("ref-0")) {
                    world.clock.advance(Duration.ofMinutes(4));
                }
            });

            assertThat(world.dispatcher().dispatchDue(10)).isEqualTo(2);
            assertThat(world.smtp.sent()).extracting(EmailMessage::subject).containsExactly(
                    "Callback pembayaran ditolak: ref-0", "Callback pembayaran ditolak: ref-1");
            assertThat(world.outbox.byKey("ALERT:1").status()).isEqualTo(Status.SENT);
            assertThat(world.outbox.byKey("ALERT:1").attempts()).isEqualTo(1);
        }

        @Test
        void a_dispatcher_that_lost_its_claim_cannot_overwrite_the_new_owner() {
            queueAlerts(1);
            Instant now = world.clock.instant();
            OutboxMessage stale = world.outbox.claimDue(now, now.plusSeconds(60), 10).get(0);
            world.clock.advance(Duration.ofSeconds(61));
            OutboxMessage current = world.outbox.claimDue(world.clock.instant(), world.clock.instant().plusSeconds(60),
                    10).get(0);

            assertThat(world.outbox.markFailed(stale.id(), stale.claimToken(), world.clock.instant(), "late")).isFalse();
            assertThat(world.outbox.markRateLimited(stale.id(), stale.claimToken(), world.clock.instant(), "late"))
                    .isFalse();
            assertThat(world.outbox.byKey("ALERT:0").attempts()).as("no attempt given back by the lost claim")
                    .isEqualTo(2);
            assertThat(world.outbox.markSent(current.id(), current.claimToken(), world.clock.instant())).isTrue();
            assertThat(world.outbox.byKey("ALERT:0").status()).isEqualTo(Status.SENT);
        }
    }
}
