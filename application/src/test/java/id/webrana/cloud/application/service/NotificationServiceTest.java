package id.webrana.cloud.application.service;

import id.webrana.cloud.application.fakes.FakeTelegramBot;
import id.webrana.cloud.application.notification.InAppNotification;
import id.webrana.cloud.application.notification.LocalMail;
import id.webrana.cloud.application.notification.NotificationChannel;
import id.webrana.cloud.application.notification.NotificationTemplate;
import id.webrana.cloud.application.notification.OutboxHistoryFilter;
import id.webrana.cloud.application.notification.OutboxMessage;
import id.webrana.cloud.application.notification.OutboxMessage.Status;
import id.webrana.cloud.application.notification.RenderedMessage;
import id.webrana.cloud.application.notification.TemplateCatalog;
import id.webrana.cloud.application.port.in.NotificationAdminUseCase.PreviewCommand;
import id.webrana.cloud.application.port.in.NotificationAdminUseCase.SendMessageCommand;
import id.webrana.cloud.application.port.in.NotificationAdminUseCase.UpdateTemplateCommand;
import id.webrana.cloud.application.port.in.NotificationsUseCase.Inbox;
import id.webrana.cloud.application.port.in.NotificationsUseCase.Preferences;
import id.webrana.cloud.application.port.in.NotificationsUseCase.TelegramLink;
import id.webrana.cloud.application.port.out.DeliveryException;
import id.webrana.cloud.application.port.out.Notifier.Notification;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.PageRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationServiceTest {

    private static final Actor OPS = new Actor(Actor.Type.ADMIN, "ops-1");

    private final NotificationTestWorld world = new NotificationTestWorld();
    private final NotificationService service = world.service();

    private void dispatch() {
        world.dispatcher().dispatchDue(50);
    }

    private static Map<String, String> vpsActive(String name, String hostname) {
        return Map.of("name", name, "hostname", hostname, "ipv4", "203.0.113.7", "plan", "Basic 2 GB",
                "image", "Ubuntu 24.04");
    }

    private NotificationTemplate template(String event, String channel, String language) {
        return service.templates().stream().filter(t -> t.event().equals(event) && t.channel().equals(channel)
                && t.language().equals(language)).findFirst().orElseThrow();
    }

    private static DomainException refusal(Runnable call) {
        try {
            call.run();
        } catch (DomainException e) {
            return e;
        }
        throw new AssertionError("expected a DomainException");
    }

    @Nested
    class The_bell {

        @Test
        void lists_the_newest_first_with_the_unread_count_and_marks_read() {
            User budi = world.customer("budi@toko.id", "Budi");
            User siti = world.customer("siti@toko.id", "Siti");
            world.produce(Notification.email("VPS_ACTIVE", "budi@toko.id", vpsActive("Budi", "satu.toko.id"), "A:1"));
            dispatch();
            world.clock.advance(Duration.ofMinutes(1));
            world.produce(Notification.email("VPS_ACTIVE", "budi@toko.id", vpsActive("Budi", "dua.toko.id"), "A:2"));
            dispatch();
            world.clock.advance(Duration.ofMinutes(1));
            world.produce(Notification.email("VPS_ACTIVE", "budi@toko.id", vpsActive("Budi", "tiga.toko.id"), "A:3"));
            world.produce(Notification.email("VPS_ACTIVE", "siti@toko.id", vpsActive("Siti", "siti.toko.id"), "B:1"));
            dispatch();

            Inbox first = service.inbox(budi.id(), new PageRequest(0, 2));
            assertThat(first.unread()).isEqualTo(3);
            assertThat(first.notifications().total()).isEqualTo(3);
            assertThat(first.notifications().items()).extracting(InAppNotification::title)
                    .containsExactly("VPS tiga.toko.id aktif", "VPS dua.toko.id aktif");

            UUID oldest = service.inbox(budi.id(), new PageRequest(1, 2)).notifications().items().get(0).id();
            assertThat(service.markRead(budi.id(), oldest)).isTrue();
            assertThat(service.markRead(budi.id(), oldest)).isTrue();
            assertThat(service.unreadCount(budi.id())).isEqualTo(2);

            UUID sitis = service.inbox(siti.id(), new PageRequest(0, 10)).notifications().items().get(0).id();
            assertThat(service.markRead(budi.id(), sitis)).as("another user's message").isFalse();
            assertThat(service.unreadCount(siti.id())).isEqualTo(1);

            assertThat(service.markAllRead(budi.id())).isEqualTo(2);
            assertThat(service.unreadCount(budi.id())).isZero();
            assertThat(service.unreadCount(siti.id())).isEqualTo(1);
        }
    }

    @Nested
    class Preferences_ {

        @Test
        void default_to_bahasa_indonesia_with_every_optional_channel() {
            User budi = world.customer("budi@toko.id", "Budi");

            Preferences p = service.preferences(budi.id());

            assertThat(p.language()).isEqualTo("id");
            assertThat(p.enabledChannels()).containsExactlyInAnyOrder(NotificationChannel.EMAIL,
                    NotificationChannel.TELEGRAM);
            assertThat(p.telegramLinked()).isFalse();
            assertThat(p.telegramAvailable()).isTrue();
        }

        @Test
        void can_be_changed_and_refuse_unknown_languages_and_mandatory_channels() {
            User budi = world.customer("budi@toko.id", "Budi");

            Preferences p = service.updatePreferences(budi.id(), "EN", Set.of(NotificationChannel.EMAIL));

            assertThat(p.language()).isEqualTo("en");
            assertThat(p.enabledChannels()).containsExactly(NotificationChannel.EMAIL);
            assertThat(service.preferences(budi.id())).isEqualTo(p);
            assertThat(refusal(() -> service.updatePreferences(budi.id(), "fr", Set.of())).getMessage())
                    .contains("'id' or 'en'");
            assertThat(refusal(() -> service.updatePreferences(budi.id(), "id", Set.of(NotificationChannel.IN_APP)))
                    .code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
            assertThat(refusal(() -> service.updatePreferences(UUID.randomUUID(), "id", Set.of())).code())
                    .isEqualTo(ErrorCode.USER_NOT_FOUND);
        }
    }

    @Nested
    class Telegram_linking {

        private String codeOf(TelegramLink link) {
            assertThat(link.deepLink()).startsWith("https://t.me/WeBranaBot?start=");
            return link.deepLink().substring("https://t.me/WeBranaBot?start=".length());
        }

        @Test
        void a_one_time_code_links_the_chat_that_sends_it_and_the_bot_confirms_in_that_chat() {
            User budi = world.customer("budi@toko.id", "Budi Santoso");
            TelegramLink link = service.startTelegramLink(budi.id());
            String code = codeOf(link);
            assertThat(code).matches("[A-Za-z0-9_-]{20,64}");
            assertThat(link.expiresAt()).isEqualTo(NotificationTestWorld.START.plus(Duration.ofMinutes(15)));

            world.telegram.receive("777001", "/start " + code);
            assertThat(service.pollTelegramUpdates()).isEqualTo(1);
            dispatch();

            assertThat(world.preferences.find(budi.id()).orElseThrow().telegramChatId()).isEqualTo("777001");
            assertThat(service.preferences(budi.id()).telegramLinked()).isTrue();
            assertThat(world.telegram.sentTo("777001")).singleElement()
                    .satisfies(s -> assertThat(s.html()).contains("Halo Budi Santoso").contains("terhubung"));
        }

        @Test
        void a_used_code_does_not_link_another_chat_and_that_chat_is_told_so() {
            User budi = world.customer("budi@toko.id", "Budi");
            String code = codeOf(service.startTelegramLink(budi.id()));
            world.telegram.receive("777001", "/start " + code);
            service.pollTelegramUpdates();

            world.telegram.receive("999002", "/start " + code);
            world.telegram.receive("999002", "halo bot");
            assertThat(service.pollTelegramUpdates()).as("only the new updates").isEqualTo(2);
            dispatch();

            assertThat(world.preferences.find(budi.id()).orElseThrow().telegramChatId()).isEqualTo("777001");
            assertThat(world.telegram.sentTo("999002")).singleElement()
                    .satisfies(s -> assertThat(s.html()).contains("tidak valid atau sudah kedaluwarsa"));
            assertThat(world.telegram.offsetsAsked()).containsExactly(0L, 101L);
        }

        @Test
        void an_expired_code_is_refused() {
            User budi = world.customer("budi@toko.id", "Budi");
            String code = codeOf(service.startTelegramLink(budi.id()));
            world.clock.advance(Duration.ofMinutes(15));

            assertThat(service.completeTelegramLink(code, "777001")).isFalse();
            assertThat(service.preferences(budi.id()).telegramLinked()).isFalse();
        }

        @Test
        void linking_needs_a_configured_bot() {
            NotificationTestWorld noBot = new NotificationTestWorld(FakeTelegramBot.notConfigured());
            User budi = noBot.customer("budi@toko.id", "Budi");

            DomainException e = refusal(() -> noBot.service().startTelegramLink(budi.id()));

            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
            assertThat(e.getMessage()).isEqualTo("Telegram notifications are not available");
            assertThat(noBot.service().pollTelegramUpdates()).isZero();
        }

        @Test
        void a_customer_can_unlink_the_chat() {
            User budi = world.customerWithTelegram("budi@toko.id", "Budi", "777001");

            assertThat(service.unlinkTelegram(budi.id())).isTrue();
            assertThat(service.unlinkTelegram(budi.id())).isFalse();
            assertThat(service.preferences(budi.id()).telegramLinked()).isFalse();
        }

        @Test
        void a_telegram_outage_while_polling_reads_nothing_and_asks_again_from_the_same_offset() {
            User budi = world.customer("budi@toko.id", "Budi");
            String code = codeOf(service.startTelegramLink(budi.id()));
            world.telegram.receive("777001", "/start " + code);
            world.telegram.failUpdatesNext(new DeliveryException(DeliveryException.Kind.TRANSIENT, "502"));

            assertThat(service.pollTelegramUpdates()).isZero();
            assertThat(service.pollTelegramUpdates()).isEqualTo(1);

            assertThat(world.telegram.offsetsAsked()).containsExactly(0L, 0L);
            assertThat(service.preferences(budi.id()).telegramLinked()).isTrue();
        }

        @Test
        void a_start_outside_a_private_chat_is_refused_there_and_burns_the_code_the_whole_group_saw() {
            User budi = world.customer("budi@toko.id", "Budi");
            String code = codeOf(service.startTelegramLink(budi.id()));
            world.telegram.receive("-4123456", "group", "/start " + code);
            world.telegram.receive("-1001234567890", "supergroup", "/start@WeBranaBot " + code);
            world.telegram.receive("-1009876543210", "channel", "/start " + code);
            world.telegram.receive("-4123457", null, "/start " + code);

            assertThat(service.pollTelegramUpdates()).isEqualTo(4);
            dispatch();

            assertThat(service.preferences(budi.id()).telegramLinked()).isFalse();
            assertThat(world.telegram.sent()).extracting(FakeTelegramBot.Sent::chatId).containsExactly(
                    "-4123456", "-1001234567890", "-1009876543210", "-4123457");
            assertThat(world.telegram.sent()).allSatisfy(s -> assertThat(s.html())
                    .isEqualTo(NotificationService.privateChatOnly("WeBranaBot"))
                    .contains("chat pribadi dengan @WeBranaBot").contains("bukan dari grup atau channel")
                    .doesNotContain(code));
            assertThat(world.outbox.all()).as("no 'invalid link' answer is queued for those chats").isEmpty();

            // the group saw the code: nobody can use it any more, not even from a private chat
            world.telegram.receive("777001", "/start " + code);
            assertThat(service.pollTelegramUpdates()).isEqualTo(1);
            assertThat(world.preferences.find(budi.id()).map(p -> p.telegramChatId())).isEmpty();

            // a fresh link opened in the private chat links it
            world.telegram.receive("777001", "/start " + codeOf(service.startTelegramLink(budi.id())));
            assertThat(service.pollTelegramUpdates()).isEqualTo(1);
            assertThat(world.preferences.find(budi.id()).orElseThrow().telegramChatId()).isEqualTo("777001");
        }

        @Test
        void the_private_chat_answer_names_the_bot_when_it_is_known() {
            assertThat(NotificationService.privateChatOnly(null)).contains("chat pribadi dengan bot ini.")
                    .doesNotContain("@");
            assertThat(NotificationService.privateChatOnly("WeBranaBot")).endsWith("dengan @WeBranaBot.");
        }

        @Test
        void an_update_whose_handling_fails_is_read_again_at_the_next_poll_not_lost() {
            User budi = world.customer("budi@toko.id", "Budi");
            String code = codeOf(service.startTelegramLink(budi.id()));
            world.telegram.receive("999002", "halo bot");          // update 100
            world.telegram.receive("777001", "/start " + code);    // update 101
            world.tx.failNextCommit(); // the database goes away while the code is being used

            assertThat(service.pollTelegramUpdates()).as("only the update before the failure").isEqualTo(1);
            assertThat(service.preferences(budi.id()).telegramLinked()).isFalse();

            assertThat(service.pollTelegramUpdates()).isEqualTo(1);
            assertThat(world.telegram.offsetsAsked()).as("the failed update was asked for again")
                    .containsExactly(0L, 101L);
            assertThat(world.preferences.find(budi.id()).orElseThrow().telegramChatId()).isEqualTo("777001");
            service.pollTelegramUpdates();
            assertThat(world.telegram.offsetsAsked()).containsExactly(0L, 101L, 102L);
            dispatch();
            assertThat(world.telegram.sentTo("777001")).singleElement()
                    .satisfies(s -> assertThat(s.html()).contains("terhubung"));
        }

        @Test
        void an_update_that_keeps_failing_is_skipped_after_three_tries_and_the_next_ones_are_handled() {
            User budi = world.customer("budi@toko.id", "Budi");
            User sari = world.customer("sari@toko.id", "Sari");
            String budisCode = codeOf(service.startTelegramLink(budi.id()));
            String sarisCode = codeOf(service.startTelegramLink(sari.id()));
            world.telegram.receive("777001", "/start " + budisCode);   // update 100
            world.telegram.receive("777002", "/start " + sarisCode);   // update 101
            for (int i = 0; i < NotificationService.MAX_UPDATE_ATTEMPTS; i++) {
                world.tx.failNextCommit();
            }

            assertThat(service.pollTelegramUpdates()).isZero();
            assertThat(service.pollTelegramUpdates()).isZero();
            assertThat(world.preferences.find(sari.id())).as("held up behind the failing one").isEmpty();
            assertThat(service.pollTelegramUpdates()).as("given up on, then the next one").isEqualTo(2);

            assertThat(service.preferences(budi.id()).telegramLinked()).isFalse();
            assertThat(world.preferences.find(sari.id()).orElseThrow().telegramChatId()).isEqualTo("777002");
            service.pollTelegramUpdates();
            assertThat(world.telegram.offsetsAsked()).containsExactly(0L, 0L, 0L, 102L);

            // the skipped code was rolled back, not used up: opening the link again still links the chat
            world.telegram.receive("777001", "/start " + budisCode);
            assertThat(service.pollTelegramUpdates()).isEqualTo(1);
            assertThat(world.preferences.find(budi.id()).orElseThrow().telegramChatId()).isEqualTo("777001");
        }
    }

    @Nested
    class Templates {

        @Test
        void every_default_is_listed_with_its_event_and_channel() {
            assertThat(service.templates()).hasSize(TemplateCatalog.defaultTemplates().size());
            assertThat(service.events()).extracting(TemplateCatalog.EventDefinition::event)
                    .contains("ORDER_CREATED", "PAYMENT_CONFIRMED", "VPS_ACTIVE", "PROVISIONING_FAILED",
                            "VPS_EXPIRING", "ACCOUNT_EMAIL_VERIFICATION", "ACCOUNT_PASSWORD_RESET",
                            "DEPOSIT_RECEIVED", "PAYMENT_CALLBACK_REFUSED");
        }

        @Test
        void a_template_with_an_unknown_variable_is_refused_naming_it() {
            NotificationTemplate t = template("ORDER_CREATED", "EMAIL", "id");

            DomainException e = refusal(() -> service.updateTemplate(new UpdateTemplateCommand(t.id(),
                    "Pesanan {{hostname}}", "Kode voucher Anda: {{voucher}}, total {{total}}", t.version(), OPS)));

            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
            assertThat(e.getMessage()).startsWith("Unknown variable {{voucher}} in the ORDER_CREATED template;")
                    .contains("total");
            assertThat(service.template(t.id()).orElseThrow().body()).isEqualTo(t.body());
        }

        @Test
        void a_customer_template_may_not_show_what_is_meant_for_operators() {
            NotificationTemplate t = template("PROVISIONING_FAILED", "EMAIL", "id");

            DomainException e = refusal(() -> service.updateTemplate(new UpdateTemplateCommand(t.id(),
                    "Gagal: {{hostname}}", "Error: {{errorMessage}} untuk {{customerEmail}}", t.version(), OPS)));

            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
            assertThat(e.getMessage())
                    .startsWith("Unknown variables {{errorMessage}}, {{customerEmail}} in the PROVISIONING_FAILED"
                            + " template;")
                    .contains("are for the OPERATOR template only");
            assertThat(service.template(t.id()).orElseThrow().body()).isEqualTo(t.body());
        }

        @Test
        void the_operator_template_of_the_same_event_may_show_them() {
            NotificationTemplate t = template("PROVISIONING_FAILED", "OPERATOR", "id");

            service.updateTemplate(new UpdateTemplateCommand(t.id(), "Gagal: {{hostname}}",
                    "{{customerEmail}}: {{errorCode}} {{errorMessage}}", t.version(), OPS));

            assertThat(service.template(t.id()).orElseThrow().body())
                    .isEqualTo("{{customerEmail}}: {{errorCode}} {{errorMessage}}");
        }

        @Test
        void a_malformed_variable_is_refused() {
            NotificationTemplate t = template("VPS_ACTIVE", "IN_APP", "en");

            DomainException e = refusal(() -> service.updateTemplate(new UpdateTemplateCommand(t.id(),
                    "Ready", "Your server {{ hostname is up", null, OPS)));

            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
            assertThat(e.getMessage()).contains("Malformed variable in the body at character 13");
        }

        @Test
        void an_update_raises_the_version_and_a_stale_editor_is_refused() {
            NotificationTemplate t = template("VPS_ACTIVE", "IN_APP", "en");

            NotificationTemplate saved = service.updateTemplate(new UpdateTemplateCommand(t.id(), "Up: {{hostname}}",
                    "At {{ipv4}}", t.version(), OPS)).orElseThrow();

            assertThat(saved.version()).isEqualTo(t.version() + 1);
            assertThat(saved.updatedBy()).isEqualTo("ops-1");
            assertThat(saved.updatedAt()).isEqualTo(NotificationTestWorld.START);
            assertThat(refusal(() -> service.updateTemplate(new UpdateTemplateCommand(t.id(), "Old", "Old",
                    t.version(), OPS))).code()).isEqualTo(ErrorCode.CONCURRENT_MODIFICATION);
            assertThat(service.updateTemplate(new UpdateTemplateCommand(UUID.randomUUID(), "x", "y", null, OPS)))
                    .isEmpty();
        }

        @Test
        void a_template_on_a_channel_its_event_does_not_use_is_refused() {
            DomainException e = refusal(() -> service.preview(new PreviewCommand("DEPOSIT_RECEIVED", "TELEGRAM",
                    "id", "", "Deposit {{amount}}", null)));

            assertThat(e.getMessage()).contains("DEPOSIT_RECEIVED is not sent on TELEGRAM");
        }

        @Test
        void a_preview_renders_the_draft_with_sample_values_or_given_ones() {
            RenderedMessage r = service.preview(new PreviewCommand("ORDER_CREATED", "EMAIL", "en",
                    "Order {{hostname}}", "Pay {{total}} before {{payBefore}}, {{name}}", Map.of("name", "Jane")));

            assertThat(r.subject()).isEqualTo("Order web-01.contoh.id");
            assertThat(r.text()).isEqualTo("Pay Rp 135.000 before 24 November 2026 10:15 WIB, Jane");
            assertThat(r.html()).contains("<p>Pay Rp 135.000 before 24 November 2026 10:15 WIB, Jane</p>");
            assertThat(refusal(() -> service.preview(new PreviewCommand("ORDER_CREATED", "EMAIL", "id", "x",
                    "{{unknownThing}}", null))).getMessage()).contains("{{unknownThing}}");
        }
    }

    @Nested
    class History_mailbox_and_messages {

        @Test
        void the_history_filters_and_a_failed_notification_can_be_sent_again() {
            world.smtp.failNext(new DeliveryException(DeliveryException.Kind.PERMANENT, "550 mailbox full"));
            world.customer("budi@toko.id", "Budi");
            world.produce(Notification.email("VPS_ACTIVE", "budi@toko.id", vpsActive("Budi", "a.toko.id"), "V:1"));
            dispatch();

            var failed = service.history(new OutboxHistoryFilter(null, "EMAIL", Status.FAILED, "BUDI@", null, null),
                    new PageRequest(0, 10));
            assertThat(failed.items()).singleElement().satisfies(r -> {
                assertThat(r.dedupeKey()).isEqualTo("V:1:EMAIL");
                assertThat(r.lastError()).isEqualTo("PERMANENT: 550 mailbox full");
            });
            assertThat(service.history(OutboxHistoryFilter.all(), new PageRequest(0, 10)).total()).isEqualTo(2);

            assertThat(service.resend(failed.items().get(0).id(), OPS)).isTrue();
            dispatch();

            OutboxMessage row = world.outbox.byKey("V:1:EMAIL");
            assertThat(row.status()).isEqualTo(Status.SENT);
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(world.smtp.sentTo("budi@toko.id")).hasSize(1);
            assertThat(service.resend(UUID.randomUUID(), OPS)).isFalse();
        }

        @Test
        void the_local_mailbox_lists_the_newest_first_and_reads_one() {
            world.produce(new Notification("PROVIDER_UNREACHABLE", "OPERATOR", "operators", "id",
                    Map.of("subject", "DigitalOcean", "message", "timeout after 10 s"), "P:1"));
            world.produce(new Notification("PAYMENT_AMOUNT_MISMATCH", "OPERATOR", "operators", "en",
                    Map.of("subject", "INV/2026/11/000009", "message", "paid 10000, expected 15000"), "P:2"));
            dispatch();

            var page = service.mailbox("OPERATORS", new PageRequest(0, 10));
            assertThat(page.items()).extracting(LocalMail::subject).containsExactly(
                    "Payment amount mismatch: INV/2026/11/000009", "Penyedia cloud tidak dapat dihubungi: DigitalOcean");
            assertThat(service.mail(page.items().get(1).id()).orElseThrow().textBody()).isEqualTo("timeout after 10 s");
            assertThat(service.mailbox("nobody", new PageRequest(0, 10)).items()).isEmpty();
            assertThat(service.mail(UUID.randomUUID())).isEmpty();
        }

        @Test
        void an_operator_message_reaches_the_customer_in_their_language() {
            User jane = world.customer("jane@shop.com", "Jane");
            service.updatePreferences(jane.id(), "en", Set.of(NotificationChannel.EMAIL));

            String key = service.send(new SendMessageCommand(jane.id(), NotificationChannel.EMAIL,
                    "Maintenance tonight", "Your server restarts at 23:00 WIB.", OPS));
            service.send(new SendMessageCommand(jane.id(), NotificationChannel.IN_APP, "Maintenance tonight",
                    "Restart at 23:00 WIB.", OPS));
            dispatch();

            assertThat(world.outbox.byKey(key).recipient()).isEqualTo("jane@shop.com");
            assertThat(world.smtp.sentTo("jane@shop.com")).singleElement().satisfies(m -> {
                assertThat(m.subject()).isEqualTo("Maintenance tonight");
                assertThat(m.textBody()).startsWith("Hello Jane,").contains("Your server restarts at 23:00 WIB.");
            });
            assertThat(world.inApp.of(jane.id())).singleElement()
                    .satisfies(n -> assertThat(n.body()).isEqualTo("Restart at 23:00 WIB."));
        }

        @Test
        void an_operator_message_is_refused_for_unknown_users_unlinked_telegram_and_empty_text() {
            User budi = world.customer("budi@toko.id", "Budi");

            assertThat(refusal(() -> service.send(new SendMessageCommand(UUID.randomUUID(), NotificationChannel.EMAIL,
                    "s", "m", OPS))).code()).isEqualTo(ErrorCode.USER_NOT_FOUND);
            assertThat(refusal(() -> service.send(new SendMessageCommand(budi.id(), NotificationChannel.TELEGRAM,
                    "", "m", OPS))).getMessage()).isEqualTo("This customer has not linked Telegram");
            assertThat(refusal(() -> service.send(new SendMessageCommand(budi.id(), NotificationChannel.EMAIL,
                    "s", "  ", OPS))).code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
            assertThat(refusal(() -> service.send(new SendMessageCommand(budi.id(), NotificationChannel.OPERATOR,
                    "s", "m", OPS))).code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
            assertThat(world.outbox.all()).isEmpty();
        }
    }
}
