package id.webrana.cloud.application.service;

import id.webrana.cloud.application.notification.InAppNotification;
import id.webrana.cloud.application.notification.LocalMail;
import id.webrana.cloud.application.notification.NotificationChannel;
import id.webrana.cloud.application.notification.NotificationPreferences;
import id.webrana.cloud.application.notification.NotificationTemplate;
import id.webrana.cloud.application.notification.OutboxMessage;
import id.webrana.cloud.application.notification.RenderedMessage;
import id.webrana.cloud.application.notification.TemplateCatalog;
import id.webrana.cloud.application.notification.TemplateCatalog.EventDefinition;
import id.webrana.cloud.application.notification.TemplateRenderer;
import id.webrana.cloud.application.port.in.DispatchNotificationsUseCase;
import id.webrana.cloud.application.port.out.DeliveryException;
import id.webrana.cloud.application.port.out.DeliveryException.Kind;
import id.webrana.cloud.application.port.out.EmailSender;
import id.webrana.cloud.application.port.out.EmailSender.EmailMessage;
import id.webrana.cloud.application.port.out.InAppNotificationRepository;
import id.webrana.cloud.application.port.out.LocalMailbox;
import id.webrana.cloud.application.port.out.NotificationOutbox;
import id.webrana.cloud.application.port.out.NotificationPreferencesRepository;
import id.webrana.cloud.application.port.out.NotificationTemplateRepository;
import id.webrana.cloud.application.port.out.TelegramBot;
import id.webrana.cloud.application.port.out.TransactionRunner;
import id.webrana.cloud.application.port.out.UserRepository;
import id.webrana.cloud.domain.account.EmailAddress;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.shared.DomainException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox: claims due rows, renders each in its recipient's language, sends it on its channel and
 * records the outcome (the notification history).
 *
 * <p><b>Claim, then send.</b> {@link #dispatchDue} claims rows in one short transaction
 * ({@link NotificationOutbox#claimDue}: {@code FOR UPDATE SKIP LOCKED}, status IN_PROGRESS, a lease of
 * {@link NotificationSettings#lease()} and a claim token) and commits before anything is sent; each send happens
 * outside any transaction, and its outcome is recorded in a transaction of its own, fenced by the claim token.
 * Two dispatchers (two threads, two servers) never send the same row: SKIP LOCKED keeps them from claiming it at
 * the same moment, and after the claim commits the lease keeps it from being claimed again until it runs out. A
 * dispatcher starts a send only while at least {@link NotificationSettings#minLeaseLeftToSend()} of the lease is
 * left, so the lease outlasts every send it starts (the lease must exceed the channels' timeouts).
 *
 * <p><b>Crash safety.</b> A process that dies after the claim leaves its rows IN_PROGRESS; once the lease runs out
 * they are claimed again and sent. A crash between the channel accepting a message and the SENT being recorded
 * therefore sends that message again: delivery to EMAIL and TELEGRAM is at least once, with duplicates limited to
 * that window (once per lease), and the claim count ({@code attempts}, raised by every claim; given back only by a
 * rate limit, see below) stops a row that keeps crashing its dispatcher after
 * {@link NotificationSettings#maxAttempts()}. IN_APP is exactly once: the
 * message is added in the same transaction that marks the row SENT. The outbox's unique dedupe key makes each
 * notification a single row in the first place, whichever server produced it.
 *
 * <p><b>Outcomes.</b> Delivered: SENT. {@code DeliveryException} TRANSIENT (and unexpected errors): retried after
 * {@link NotificationSettings#delayAfter(int)} (30 s doubling up to 1 h by default) until
 * {@code maxAttempts}, then FAILED. RATE_LIMITED: retried after the {@code retryAfter} the channel asked for
 * (else after {@link NotificationSettings#delayAfter(int) delayAfter(1)}), and <em>not</em> counted as an attempt
 * ({@link NotificationOutbox#markRateLimited} gives the claim back): a rate limit delays a message, however long
 * it lasts, and never fails it. PERMANENT: FAILED at once. RECIPIENT_GONE on Telegram: the chat is unlinked, the
 * customer gets an in-app notice ({@code TELEGRAM_UNLINKED}) and the row is FAILED.
 *
 * <p><b>Telegram rate limits are bot-wide.</b> Telegram limits the bot as a whole (about 30 messages a second),
 * so a 429 on one message means the next ones would get 429 too. After a 429 the dispatcher keeps a "Telegram not
 * before" instant (now + {@code retry_after}, never moved earlier); until then every row that would call the bot
 * (TELEGRAM rows, and OPERATOR rows when they go to the operators' Telegram chat) is held back without calling
 * Telegram: released to PENDING with {@code next_attempt_at} = that instant, the claim not counted as an attempt.
 * Other channels (EMAIL, IN_APP, OPERATOR by email or to the local mailbox) carry on as usual. The instant is
 * kept <b>in this dispatcher's memory</b> (one dispatcher per application; thread-safe): it is not shared with
 * another server's dispatcher, which learns of the limit from its own first 429, and it is forgotten on restart,
 * which costs at most one more 429.
 *
 * <p><b>A group upgraded to a supergroup.</b> Telegram then refuses the old chat id with a 400 naming the new one
 * ({@link DeliveryException#migratedToChatId()}). The dispatcher resends the message once to the new id (that
 * resend's failure is handled like any other) and follows the move from then on: a customer's linked chat is
 * relinked to the new id (only if it is still the old one), and the operators' configured chat is replaced by the
 * new id <b>in this dispatcher's memory</b>, with a SEVERE log asking operators to update
 * {@code NOTIFY_OPERATORS_TELEGRAM_CHAT_ID} (the configuration is not rewritten: after a restart the old id
 * is used again, fails once more, and is followed again).
 *
 * <p><b>Channels.</b>
 * <ul>
 *   <li>EMAIL: {@link EmailSender} (SMTP, or {@code LocalMailboxEmailSender} when no SMTP is configured). Skipped
 *       when the recipient is a customer who turned email off (not for essential events).</li>
 *   <li>TELEGRAM: {@link TelegramBot} to the user's linked chat (recipient = user id) or to the chat id given as
 *       recipient. SKIPPED when the user has no linked chat or turned Telegram off; when no bot is configured
 *       the message is kept in the local mailbox and the row SKIPPED.</li>
 *   <li>IN_APP: {@link InAppNotificationRepository} for the user (recipient = user id).</li>
 *   <li>OPERATOR: the operators' Telegram chat ({@link NotificationSettings#operatorsTelegramChatId()}) when
 *       it and a bot are configured; else email to {@link NotificationSettings#operatorsEmail()}; else the local
 *       mailbox (recipient {@code operators}), which admins read in the UI.</li>
 * </ul>
 *
 * <p><b>Language and text.</b> A recipient that is a known user gets their chosen language (Bahasa Indonesia by
 * default); others get the row's locale. The template is read fresh from {@link NotificationTemplateRepository}
 * (an edit applies to the next message), falling back to the catalog's default, then to the Indonesian one.
 */
public class NotificationDispatcher implements DispatchNotificationsUseCase {

    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class.getName());
    private static final int MAX_ERROR = 1000;

    private final NotificationOutbox outbox;
    private final NotificationTemplateRepository templates;
    private final NotificationPreferencesRepository preferences;
    private final UserRepository users;
    private final InAppNotificationRepository inApp;
    private final LocalMailbox mailbox;
    private final EmailSender email;
    private final TelegramBot telegram;
    private final TransactionRunner tx;
    private final Clock clock;
    private final NotificationSettings settings;
    private final TemplateRenderer renderer = new TemplateRenderer();
    /** Until when Telegram asked the bot to send nothing (its last 429); {@link Instant#MIN} when it did not. */
    private final AtomicReference<Instant> telegramNotBefore = new AtomicReference<>(Instant.MIN);
    /** Telegram chats that moved (group upgraded to a supergroup) since this dispatcher started: old id to new. */
    private final Map<String, String> migratedChats = new ConcurrentHashMap<>();

    public NotificationDispatcher(NotificationOutbox outbox, NotificationTemplateRepository templates,
                                  NotificationPreferencesRepository preferences, UserRepository users,
                                  InAppNotificationRepository inApp, LocalMailbox mailbox, EmailSender email,
                                  TelegramBot telegram, TransactionRunner tx, Clock clock,
                                  NotificationSettings settings) {
        this.outbox = outbox;
        this.templates = templates;
        this.preferences = preferences;
        this.users = users;
        this.inApp = inApp;
        this.mailbox = mailbox;
        this.email = email;
        this.telegram = telegram;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public int dispatchDue(int max) {
        if (max <= 0) {
            return 0;
        }
        // One row per claim: each send starts with a whole lease, so a slow channel (an SMTP server that
        // times out) cannot make rows claimed together wait out their lease and burn attempts unsent.
        int claimedCount = 0;
        while (claimedCount < max) {
            Instant now = clock.instant();
            List<OutboxMessage> claimed = tx.inTransaction(() -> outbox.claimDue(now, now.plus(settings.lease()), 1));
            if (claimed.isEmpty()) {
                break;
            }
            claimedCount++;
            OutboxMessage m = claimed.get(0);
            if (clock.instant().plus(settings.minLeaseLeftToSend()).isAfter(m.leaseUntil())) {
                LOG.info(() -> "notification " + m.id() + " not started: too little of its lease is left; it will"
                        + " be claimed again when the lease runs out");
                continue;
            }
            deliver(m);
        }
        return claimedCount;
    }

    /** Who a row is for, resolved in a transaction before sending. */
    private record Target(User user, NotificationPreferences prefs, String language) {
        Optional<User> knownUser() {
            return Optional.ofNullable(user);
        }
    }

    /** What to send: the target and the rendered text. */
    private record Prepared(Target target, RenderedMessage message) {
    }

    private void deliver(OutboxMessage m) {
        try {
            if (m.attempts() > settings.maxAttempts()) {
                fail(m, "gave up after " + (m.attempts() - 1) + " attempts"
                        + (m.lastError() == null ? "" : "; last error: " + m.lastError()));
                return;
            }
            NotificationChannel channel;
            try {
                channel = NotificationChannel.valueOf(m.channel());
            } catch (IllegalArgumentException e) {
                throw new DeliveryException(Kind.PERMANENT, "unknown channel " + m.channel());
            }
            Prepared p = prepare(m, channel);
            if (p == null) {
                return; // skipped
            }
            switch (channel) {
                case EMAIL -> sendEmail(m, p);
                case TELEGRAM -> sendTelegram(m, p);
                case IN_APP -> sendInApp(m, p);
                case OPERATOR -> sendToOperators(m, p);
                default -> throw new DeliveryException(Kind.PERMANENT, "unknown channel " + channel);
            }
        } catch (DeliveryException e) {
            onFailure(m, e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "notification " + m.id() + " (" + m.event() + "/" + m.channel() + ") failed", e);
            onFailure(m, new DeliveryException(Kind.TRANSIENT, describe(e), null, e));
        }
    }

    /**
     * Resolves the recipient, their language and choices, and renders the text; null when the row was skipped
     * because the customer turned the channel off.
     */
    private Prepared prepare(OutboxMessage m, NotificationChannel channel) throws DeliveryException {
        Optional<EventDefinition> def = TemplateCatalog.find(m.event());
        Target target = tx.inTransaction(() -> target(m, channel));
        if (channel == NotificationChannel.IN_APP && target.user() == null) {
            throw new DeliveryException(Kind.PERMANENT, "no user " + m.recipient() + " for an in-app message");
        }
        boolean essential = def.map(EventDefinition::essential).orElse(false);
        if (target.prefs() != null && !essential && !target.prefs().wants(channel)) {
            skip(m, "the customer turned " + channel + " off");
            return null;
        }
        NotificationTemplate template = tx.inTransaction(() -> template(m.event(), channel, target.language()))
                .orElseThrow(() -> new DeliveryException(Kind.PERMANENT,
                        "no template for " + m.event() + "/" + channel + "/" + target.language()));
        // operator-only variables (the error, the customer's address) never reach a customer's copy, even through a
        // template stored before they were refused there
        Map<String, String> values = def.map(d -> d.valuesFor(channel, m.variables())).orElse(m.variables());
        return new Prepared(target, renderer.render(template, values));
    }

    private Target target(OutboxMessage m, NotificationChannel channel) {
        User user = switch (channel) {
            case EMAIL -> byEmail(m.recipient()).orElse(null);
            case TELEGRAM, IN_APP -> asUuid(m.recipient()).flatMap(users::findById).orElse(null);
            case OPERATOR -> null;
        };
        if (user == null) {
            return new Target(null, null, NotificationPreferences.languageOf(m.locale()));
        }
        NotificationPreferences prefs = preferences.find(user.id())
                .orElseGet(() -> NotificationPreferences.defaults(user.id()));
        return new Target(user, prefs, prefs.language());
    }

    private Optional<NotificationTemplate> template(String event, NotificationChannel channel, String language) {
        String c = channel.name();
        return templates.find(event, c, language)
                .or(() -> TemplateCatalog.defaultTemplate(event, c, language))
                .or(() -> templates.find(event, c, NotificationPreferences.DEFAULT_LANGUAGE))
                .or(() -> TemplateCatalog.defaultTemplate(event, c, NotificationPreferences.DEFAULT_LANGUAGE));
    }

    // ------------------------------------------------------------------------------------------ channels

    private void sendEmail(OutboxMessage m, Prepared p) throws DeliveryException {
        RenderedMessage r = p.message();
        email.send(new EmailMessage(m.recipient(), r.subject(), r.html(), r.text()));
        sent(m);
    }

    private void sendTelegram(OutboxMessage m, Prepared p) throws DeliveryException {
        RenderedMessage r = p.message();
        Optional<User> user = p.target().knownUser();
        if (user.isEmpty() && asUuid(m.recipient()).isPresent()) {
            throw new DeliveryException(Kind.PERMANENT, "no user " + m.recipient() + " for a Telegram message");
        }
        String chatId = user.isPresent() ? p.target().prefs().telegramChatId() : m.recipient();
        if (!telegram.isConfigured()) {
            String to = user.map(u -> u.email().value()).orElse("telegram:" + m.recipient());
            tx.inTransaction(() -> {
                mailbox.add(LocalMail.create(NotificationChannel.TELEGRAM.name(), to, r.subject(), r.text(),
                        r.telegramHtml(), clock.instant()));
                outbox.markSkipped(m.id(), m.claimToken(), clock.instant(),
                        "Telegram is not configured; kept in the local mailbox");
            });
            return;
        }
        if (chatId == null) {
            skip(m, "no linked Telegram chat");
            return;
        }
        if (heldBackByTelegramRateLimit(m)) {
            return;
        }
        String to = followMigrations(chatId);
        try {
            sendThroughTheBot(to, r.telegramHtml());
        } catch (DeliveryException e) {
            Optional<String> newChatId = newChatId(to, e);
            if (newChatId.isEmpty()) {
                telegramFailed(m, user, p.target().language(), to, e);
                return;
            }
            String from = to;
            to = newChatId.get();
            remember(from, to);
            if (user.isPresent()) {
                relink(user.get(), from, to);
            } else {
                String moved = to;
                LOG.warning(() -> "Telegram chat " + from + " is now the supergroup " + moved
                        + "; notification " + m.id() + " is sent there instead");
            }
            try {
                sendThroughTheBot(to, r.telegramHtml());
            } catch (DeliveryException again) {
                telegramFailed(m, user, p.target().language(), to, again);
                return;
            }
        }
        sent(m);
    }

    /**
     * A failed send to a chat: RECIPIENT_GONE on a customer's chat unlinks it and tells them
     * ({@link #unlinkAndTell}); anything else is rethrown for {@link #onFailure}.
     */
    private void telegramFailed(OutboxMessage m, Optional<User> user, String language, String chatId,
                                DeliveryException e) throws DeliveryException {
        if (e.kind() == Kind.RECIPIENT_GONE && user.isPresent()) {
            unlinkAndTell(m, user.get(), language, chatId, e);
            return;
        }
        throw e;
    }

    /** The id Telegram named when {@code chatId} moved (group upgraded to a supergroup), if {@code e} says so. */
    private static Optional<String> newChatId(String chatId, DeliveryException e) {
        return e.migratedToChatId().filter(id -> !id.isBlank() && !id.equals(chatId));
    }

    /** Remembers in memory that {@code from} is now {@code to}, so later sends to {@code from} go to {@code to}. */
    private void remember(String from, String to) {
        migratedChats.put(from, to);
    }

    /** The chat {@code chatId} is known to have moved to (following a few moves), or {@code chatId} itself. */
    private String followMigrations(String chatId) {
        String current = chatId;
        for (int i = 0; i < 5; i++) {
            String next = migratedChats.get(current);
            if (next == null || next.equals(current)) {
                break;
            }
            current = next;
        }
        return current;
    }

    /**
     * Moves the customer's linked chat from {@code from} to {@code to}, only if it is still {@code from} (the
     * customer may have linked another chat meanwhile).
     */
    private void relink(User user, String from, String to) {
        boolean relinked = tx.inTransaction(() -> {
            boolean stillLinked = preferences.find(user.id())
                    .map(prefs -> from.equals(prefs.telegramChatId()))
                    .orElse(false);
            if (stillLinked) {
                preferences.linkTelegram(user.id(), to, clock.instant());
            }
            return stillLinked;
        });
        LOG.info(() -> "Telegram chat " + from + " of user " + user.id() + " is now the supergroup " + to
                + (relinked ? "; relinked to it" : "; not relinked: the user has linked another chat since"));
    }

    /**
     * Calls the bot; a 429 moves the bot-wide "Telegram not before" instant to now + {@code retry_after} (never
     * earlier than it already is) before the failure goes on to {@link #onFailure}.
     */
    private void sendThroughTheBot(String chatId, String html) throws DeliveryException {
        try {
            telegram.sendMessage(chatId, html);
        } catch (DeliveryException e) {
            if (e.kind() == Kind.RATE_LIMITED) {
                Instant until = clock.instant().plus(rateLimitWait(e));
                Instant notBefore = telegramNotBefore.accumulateAndGet(until,
                        (current, next) -> next.isAfter(current) ? next : current);
                LOG.info(() -> "Telegram rate limit (" + e.getMessage() + "): nothing goes to Telegram before "
                        + notBefore);
            }
            throw e;
        }
    }

    /**
     * While Telegram's last 429 still holds, releases the row for then without calling Telegram (not counted as an
     * attempt) and returns true.
     */
    private boolean heldBackByTelegramRateLimit(OutboxMessage m) {
        Instant notBefore = telegramNotBefore.get();
        if (!clock.instant().isBefore(notBefore)) {
            return false;
        }
        LOG.fine(() -> "notification " + m.id() + " (" + m.event() + "/" + m.channel() + ") held back until "
                + notBefore + ": Telegram asked the bot to wait");
        record(m, "held back until " + notBefore, () -> outbox.markRateLimited(m.id(), m.claimToken(), notBefore,
                "RATE_LIMITED: not sent; Telegram asked the bot to wait until " + notBefore));
        return true;
    }

    /** The wait a RATE_LIMITED failure asks for, or the first back-off step when it names none. */
    private Duration rateLimitWait(DeliveryException e) {
        return e.retryAfter() != null && !e.retryAfter().isNegative() ? e.retryAfter() : settings.delayAfter(1);
    }

    private void sendInApp(OutboxMessage m, Prepared p) {
        RenderedMessage r = p.message();
        UUID userId = p.target().user().id();
        // The message and the SENT commit together: in-app delivery is exactly once. The key includes the claim,
        // so an operator's resend shows the message again; a lost claim rolls the message back.
        try {
            tx.inTransaction(() -> {
                Instant now = clock.instant();
                inApp.add(InAppNotification.create(userId, m.event(), r.subject(), r.text(),
                        "outbox:" + m.id() + ":" + m.claimToken(), now));
                if (!outbox.markSent(m.id(), m.claimToken(), now)) {
                    throw new LostClaim();
                }
            });
        } catch (LostClaim e) {
            LOG.warning(() -> "notification " + m.id() + " not added in-app: " + e.getMessage());
        }
    }

    private void sendToOperators(OutboxMessage m, Prepared p) throws DeliveryException {
        RenderedMessage r = p.message();
        if (settings.operatorsTelegramChatId() != null && telegram.isConfigured()) {
            if (heldBackByTelegramRateLimit(m)) {
                return;
            }
            String to = followMigrations(settings.operatorsTelegramChatId());
            try {
                sendThroughTheBot(to, r.telegramHtml());
            } catch (DeliveryException e) {
                Optional<String> newChatId = newChatId(to, e);
                if (newChatId.isEmpty()) {
                    throw e;
                }
                String moved = newChatId.get();
                remember(to, moved);
                LOG.severe(() -> "The operators' Telegram group " + to + " was upgraded to a supergroup with id "
                        + moved + ": set NOTIFY_OPERATORS_TELEGRAM_CHAT_ID=" + moved + ". Until this process"
                        + " restarts, operator alerts go to " + moved + "; after a restart with the old id, each"
                        + " process finds the new one again on its first alert.");
                sendThroughTheBot(moved, r.telegramHtml());
            }
        } else if (settings.operatorsEmail() != null) {
            email.send(new EmailMessage(settings.operatorsEmail(), r.subject(), r.html(), r.text()));
        } else {
            tx.inTransaction(() -> mailbox.add(LocalMail.create(NotificationChannel.OPERATOR.name(), "operators",
                    r.subject(), r.text(), r.html(), clock.instant())));
        }
        sent(m);
    }

    /** The customer blocked the bot or deleted the chat: unlink it, say so in-app, give up on this row. */
    private void unlinkAndTell(OutboxMessage m, User user, String language, String chatId, DeliveryException e) {
        Map<String, String> vars = Map.of("name", user.fullName());
        Optional<NotificationTemplate> notice = tx.inTransaction(() ->
                template(TemplateCatalog.TELEGRAM_UNLINKED, NotificationChannel.IN_APP, language));
        tx.inTransaction(() -> {
            Instant now = clock.instant();
            preferences.unlinkTelegram(user.id(), chatId);
            notice.ifPresent(t -> {
                RenderedMessage r = renderer.render(t, vars);
                inApp.add(InAppNotification.create(user.id(), TemplateCatalog.TELEGRAM_UNLINKED, r.subject(),
                        r.text(), "TELEGRAM_UNLINKED:" + m.id(), now));
            });
            outbox.markFailed(m.id(), m.claimToken(), now, truncate("RECIPIENT_GONE: " + e.getMessage()
                    + "; the Telegram chat was unlinked"));
        });
        LOG.info(() -> "Telegram chat of user " + user.id() + " is gone (" + e.getMessage() + "); unlinked");
    }

    // ------------------------------------------------------------------------------------------ outcomes

    private void onFailure(OutboxMessage m, DeliveryException e) {
        String error = truncate(e.kind() + ": " + e.getMessage());
        switch (e.kind()) {
            case PERMANENT, RECIPIENT_GONE -> fail(m, error);
            case RATE_LIMITED -> {
                // a delay, not a failure of the message: never counted toward maxAttempts
                Instant next = clock.instant().plus(rateLimitWait(e));
                record(m, "rate limited until " + next,
                        () -> outbox.markRateLimited(m.id(), m.claimToken(), next, error));
            }
            case TRANSIENT -> {
                if (m.attempts() >= settings.maxAttempts()) {
                    fail(m, "gave up after " + m.attempts() + " attempts; last error: " + error);
                    return;
                }
                Instant next = clock.instant().plus(settings.delayAfter(m.attempts()));
                record(m, "retry at " + next, () -> outbox.markRetry(m.id(), m.claimToken(), next, error));
            }
            default -> fail(m, error);
        }
    }

    private void sent(OutboxMessage m) {
        record(m, "sent", () -> outbox.markSent(m.id(), m.claimToken(), clock.instant()));
    }

    private void skip(OutboxMessage m, String reason) {
        record(m, "skipped: " + reason, () -> outbox.markSkipped(m.id(), m.claimToken(), clock.instant(), reason));
    }

    private void fail(OutboxMessage m, String error) {
        LOG.warning(() -> "notification " + m.id() + " (" + m.event() + "/" + m.channel() + " to " + m.recipient()
                + ") failed: " + error);
        record(m, "failed", () -> outbox.markFailed(m.id(), m.claimToken(), clock.instant(), truncate(error)));
    }

    private void record(OutboxMessage m, String outcome, BooleanSupplier update) {
        try {
            boolean changed = tx.inTransaction(update::getAsBoolean);
            if (!changed) {
                LOG.warning(() -> "notification " + m.id() + " " + outcome + ", but its claim was lost meanwhile");
            }
        } catch (RuntimeException e) {
            // The row stays IN_PROGRESS and is claimed again after its lease: at least once, not lost.
            LOG.log(Level.WARNING, "could not record that notification " + m.id() + " was " + outcome, e);
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** Thrown inside the in-app transaction to roll it back when the row was re-claimed by someone else. */
    private static final class LostClaim extends RuntimeException {
        LostClaim() {
            super("the claim on the outbox row was lost (its lease ran out and it was claimed again)");
        }
    }

    private Optional<User> byEmail(String address) {
        try {
            return users.findByEmail(new EmailAddress(address));
        } catch (DomainException notAnAddress) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> asUuid(String s) {
        try {
            return Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static String truncate(String s) {
        return s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR - 1) + "…";
    }
}
