package id.webrana.cloud.application.service;

import id.webrana.cloud.application.notification.LocalMail;
import id.webrana.cloud.application.notification.NotificationChannel;
import id.webrana.cloud.application.notification.NotificationPreferences;
import id.webrana.cloud.application.notification.NotificationTemplate;
import id.webrana.cloud.application.notification.OutboxHistoryFilter;
import id.webrana.cloud.application.notification.OutboxMessage;
import id.webrana.cloud.application.notification.RenderedMessage;
import id.webrana.cloud.application.notification.TemplateCatalog;
import id.webrana.cloud.application.notification.TemplateCatalog.EventDefinition;
import id.webrana.cloud.application.notification.TemplateRenderer;
import id.webrana.cloud.application.port.in.NotificationAdminUseCase;
import id.webrana.cloud.application.port.in.NotificationsUseCase;
import id.webrana.cloud.application.port.out.DeliveryException;
import id.webrana.cloud.application.port.out.InAppNotificationRepository;
import id.webrana.cloud.application.port.out.LocalMailbox;
import id.webrana.cloud.application.port.out.NotificationOutbox;
import id.webrana.cloud.application.port.out.NotificationPreferencesRepository;
import id.webrana.cloud.application.port.out.NotificationTemplateRepository;
import id.webrana.cloud.application.port.out.Notifier;
import id.webrana.cloud.application.port.out.Notifier.Notification;
import id.webrana.cloud.application.port.out.TelegramBot;
import id.webrana.cloud.application.port.out.TransactionRunner;
import id.webrana.cloud.application.port.out.UserRepository;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Customers' and operators' notification use cases: the bell, preferences, Telegram linking, the template
 * editor, the history, the local mailbox and ad-hoc messages. Delivery itself is {@link NotificationDispatcher}'s.
 *
 * <p><b>Telegram linking.</b> {@link #startTelegramLink} issues a random one-time code (256 bits, URL-safe, valid
 * {@link NotificationSettings#telegramLinkTtl()}, stored only as its SHA-256) inside the deep link
 * {@code https://t.me/<bot>?start=<code>}. Telegram hands the code to the bot as {@code /start <code>};
 * {@link #pollTelegramUpdates()} reads it with {@code getUpdates} and {@link #completeTelegramLink} uses the code
 * up and links the chat, queueing a {@code TELEGRAM_LINKED} confirmation to the chat through the outbox (a bad
 * code gets {@code TELEGRAM_LINK_INVALID}). The update offset is kept in memory: after a restart Telegram hands
 * out unconfirmed updates again, which is harmless because codes work once. Only one poller per bot may run
 * ({@code getUpdates} refuses concurrent pollers); run it on one node or use a webhook calling
 * {@link #completeTelegramLink}.
 *
 * <p><b>Private chats only.</b> A customer's account is linked to a private chat with the bot, never to a group,
 * supergroup or channel (everyone there would read their notifications). A {@code /start} from any other chat
 * (or one whose type is unknown) is refused: the code is <em>not</em> used up, and the bot answers in that chat,
 * in Bahasa Indonesia, that the link must be opened in a private chat with the bot ({@link #privateChatOnly}).
 * That answer is sent straight away, not through the outbox (it announces no state change and has no template);
 * if Telegram refuses it, it is logged and not retried. {@link #completeTelegramLink} does not know the chat's
 * type: a webhook calling it must make the same check first.
 *
 * <p><b>Updates are not lost.</b> {@link #pollTelegramUpdates()} handles each update on its own and moves the
 * offset past it (confirming it to Telegram at the next {@code getUpdates}) only after it was handled. An update
 * whose handling throws (the database is away) stops the pass there: the next poll reads it, and the ones after
 * it, again, in order. After {@link #MAX_UPDATE_ATTEMPTS} failed tries the update is logged (without its text,
 * which holds the code) and skipped, so a poison update cannot hold up the others forever; the customer can open
 * the link again. The failure count is in memory, like the offset.
 */
public class NotificationService implements NotificationsUseCase, NotificationAdminUseCase {

    private static final Logger LOG = Logger.getLogger(NotificationService.class.getName());
    private static final int MAX_MESSAGE = 4000;
    /** How many polls may fail to handle the same update before it is logged and skipped. */
    static final int MAX_UPDATE_ATTEMPTS = 3;

    private final InAppNotificationRepository inApp;
    private final NotificationPreferencesRepository preferences;
    private final NotificationTemplateRepository templates;
    private final NotificationOutbox outbox;
    private final LocalMailbox mailbox;
    private final UserRepository users;
    private final Notifier notifier;
    private final TelegramBot telegram;
    private final TransactionRunner tx;
    private final Clock clock;
    private final NotificationSettings settings;
    private final TemplateRenderer renderer = new TemplateRenderer();
    private long telegramOffset;
    /** The update whose handling last failed (-1: none) and how many polls have failed on it. */
    private long failingUpdateId = -1;
    private int failingUpdateTries;

    /**
     * @param notifier the outbox notifier (the {@code FanOutNotifier} around it is fine too: the messages queued
     *                 here name their channel and pass through it unchanged)
     */
    public NotificationService(InAppNotificationRepository inApp, NotificationPreferencesRepository preferences,
                               NotificationTemplateRepository templates, NotificationOutbox outbox,
                               LocalMailbox mailbox, UserRepository users, Notifier notifier, TelegramBot telegram,
                               TransactionRunner tx, Clock clock, NotificationSettings settings) {
        this.inApp = inApp;
        this.preferences = preferences;
        this.templates = templates;
        this.outbox = outbox;
        this.mailbox = mailbox;
        this.users = users;
        this.notifier = notifier;
        this.telegram = telegram;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
    }

    // ================================================================================== customers: the bell

    @Override
    public Inbox inbox(UUID userId, PageRequest page) {
        return tx.inTransaction(() -> new Inbox(inApp.findByUser(userId, page), inApp.countUnread(userId)));
    }

    @Override
    public long unreadCount(UUID userId) {
        return tx.inTransaction(() -> inApp.countUnread(userId));
    }

    @Override
    public boolean markRead(UUID userId, UUID notificationId) {
        return tx.inTransaction(() -> inApp.markRead(userId, notificationId, clock.instant()));
    }

    @Override
    public int markAllRead(UUID userId) {
        return tx.inTransaction(() -> inApp.markAllRead(userId, clock.instant()));
    }

    // ================================================================================== customers: preferences

    @Override
    public Preferences preferences(UUID userId) {
        return tx.inTransaction(() -> view(current(userId)));
    }

    @Override
    public Preferences updatePreferences(UUID userId, String language, Set<NotificationChannel> enabledChannels) {
        String lang = NotificationPreferences.requireLanguage(language);
        Set<NotificationChannel> channels = NotificationPreferences.requireOptionalChannels(enabledChannels);
        return tx.inTransaction(() -> {
            requireUser(userId);
            preferences.saveChoices(userId, lang, channels, clock.instant());
            return view(current(userId));
        });
    }

    private NotificationPreferences current(UUID userId) {
        return preferences.find(userId).orElseGet(() -> NotificationPreferences.defaults(userId));
    }

    private Preferences view(NotificationPreferences p) {
        return new Preferences(p.language(), p.enabledChannels(), p.telegramLinked(), telegram.isConfigured());
    }

    // ================================================================================== customers: Telegram

    @Override
    public TelegramLink startTelegramLink(UUID userId) {
        String bot = telegram.isConfigured() ? telegram.username() : null;
        if (bot == null || bot.isBlank()) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "Telegram notifications are not available");
        }
        String code = SecretTokens.newSecret();
        Instant expiresAt = clock.instant().plus(settings.telegramLinkTtl());
        tx.inTransaction(() -> {
            requireUser(userId);
            preferences.addTelegramLinkCode(userId, SecretTokens.hash(code), expiresAt);
        });
        return new TelegramLink("https://t.me/" + bot + "?start=" + code, expiresAt);
    }

    @Override
    public boolean completeTelegramLink(String code, String chatId) {
        if (code == null || code.isBlank() || chatId == null || chatId.isBlank()) {
            return false;
        }
        String hash = SecretTokens.hash(code.trim());
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<UUID> userId = preferences.consumeTelegramLinkCode(hash, now);
            Optional<User> user = userId.flatMap(users::findById);
            if (user.isEmpty()) {
                return false;
            }
            preferences.linkTelegram(user.get().id(), chatId.trim(), now);
            notifier.notify(new Notification(TemplateCatalog.TELEGRAM_LINKED, NotificationChannel.TELEGRAM.name(),
                    user.get().id().toString(), NotificationPreferences.DEFAULT_LANGUAGE,
                    Map.of("name", user.get().fullName()), "TELEGRAM_LINKED:" + hash));
            return true;
        });
    }

    @Override
    public boolean unlinkTelegram(UUID userId) {
        return tx.inTransaction(() -> preferences.unlinkTelegram(userId, null));
    }

    /**
     * Reads the bot's new updates and handles them in order, each on its own: the offset moves past an update only
     * once it was handled (or given up on after {@link #MAX_UPDATE_ATTEMPTS} failed tries).
     *
     * @return how many updates were dealt with (handled, ignored or given up on) in this pass; 0 when none were,
     *         no bot is configured or Telegram could not be reached
     */
    @Override
    public synchronized int pollTelegramUpdates() {
        if (!telegram.isConfigured()) {
            return 0;
        }
        List<TelegramBot.Update> updates;
        try {
            updates = telegram.updates(telegramOffset, settings.telegramPollSeconds());
        } catch (DeliveryException e) {
            LOG.warning(() -> "could not read the Telegram bot's updates: " + e.kind() + " " + e.getMessage());
            return 0;
        }
        int dealtWith = 0;
        for (TelegramBot.Update u : updates) {
            if (u.updateId() < telegramOffset) {
                continue; // handled already (Telegram hands out only later ones, but never act twice)
            }
            try {
                handle(u);
            } catch (RuntimeException e) {
                if (!giveUpOn(u, e)) {
                    return dealtWith; // kept: the next poll reads it, and the ones after it, again
                }
            }
            telegramOffset = u.updateId() + 1;
            dealtWith++;
        }
        return dealtWith;
    }

    /** Acts on one update: only {@code /start} matters to the bot. */
    private void handle(TelegramBot.Update u) {
        String[] words = u.text() == null || u.text().isBlank() ? new String[0] : u.text().trim().split("\\s+");
        if (words.length == 0 || !(words[0].equals("/start") || words[0].startsWith("/start@"))) {
            return;
        }
        if (!u.fromPrivateChat()) {
            if (words.length > 1) {
                // the code was seen by a whole group: burn it, or any member could link their own chat with it
                String hash = SecretTokens.hash(words[1].trim());
                tx.inTransaction(() -> preferences.consumeTelegramLinkCode(hash, clock.instant()));
            }
            refuseOutsideAPrivateChat(u);
            return;
        }
        boolean linked = words.length > 1 && completeTelegramLink(words[1], u.chatId());
        if (!linked) {
            tx.inTransaction(() -> notifier.notify(new Notification(TemplateCatalog.TELEGRAM_LINK_INVALID,
                    NotificationChannel.TELEGRAM.name(), u.chatId(), NotificationPreferences.DEFAULT_LANGUAGE,
                    Map.of(), "TELEGRAM_LINK_INVALID:" + u.chatId() + ":" + u.updateId())));
        }
    }

    /** A {@code /start} from a group, supergroup or channel: not linked (the code is burnt), the chat told why. */
    private void refuseOutsideAPrivateChat(TelegramBot.Update u) {
        LOG.info(() -> "/start in Telegram chat " + u.chatId() + " (" + u.chatType() + ") refused: an account is"
                + " linked from a private chat with the bot only");
        if (u.chatId() == null || u.chatId().isBlank()) {
            return;
        }
        try {
            telegram.sendMessage(u.chatId(), privateChatOnly(telegram.username()));
        } catch (DeliveryException e) {
            LOG.warning(() -> "could not tell Telegram chat " + u.chatId() + " to use a private chat: " + e.kind()
                    + " " + e.getMessage());
        }
    }

    /**
     * The answer to a {@code /start} outside a private chat (Telegram HTML), in Bahasa Indonesia: the link works in
     * a private chat with the bot only.
     *
     * @param botUsername the bot's username, or null when unknown
     */
    static String privateChatOnly(String botUsername) {
        String bot = botUsername == null || botUsername.isBlank() ? "bot ini"
                : "@" + TemplateRenderer.escapeHtml(botUsername.trim());
        return "⚠️ Akun WeBrana Cloud hanya bisa dihubungkan lewat chat pribadi dengan bot, bukan dari grup atau"
                + " channel. Buka tautan dari halaman profil Anda di portal WeBrana Cloud, lalu tekan Mulai (Start)"
                + " di chat pribadi dengan " + bot + ".";
    }

    /** Counts a failed try at {@code u}; true when it is time to give up on it and move on. */
    private boolean giveUpOn(TelegramBot.Update u, RuntimeException e) {
        if (failingUpdateId != u.updateId()) {
            failingUpdateId = u.updateId();
            failingUpdateTries = 0;
        }
        failingUpdateTries++;
        String which = "Telegram update " + u.updateId() + " from chat " + u.chatId() + " (" + u.chatType() + ")";
        if (failingUpdateTries < MAX_UPDATE_ATTEMPTS) {
            int tries = failingUpdateTries;
            LOG.log(Level.WARNING, which + " could not be handled (try " + tries + " of " + MAX_UPDATE_ATTEMPTS
                    + "); it is read again at the next poll", e);
            return false;
        }
        LOG.log(Level.SEVERE, which + " could not be handled " + MAX_UPDATE_ATTEMPTS + " times; skipped", e);
        failingUpdateId = -1;
        failingUpdateTries = 0;
        return true;
    }

    // ================================================================================== operators: templates

    @Override
    public List<EventDefinition> events() {
        return TemplateCatalog.events();
    }

    @Override
    public List<NotificationTemplate> templates() {
        List<NotificationTemplate> stored = tx.inTransaction(templates::findAll);
        Map<UUID, NotificationTemplate> byId = new LinkedHashMap<>();
        TemplateCatalog.defaultTemplates().forEach(t -> byId.put(t.id(), t));
        Map<String, UUID> idByKey = new HashMap<>();
        byId.values().forEach(t -> idByKey.put(t.event() + "/" + t.channel() + "/" + t.language(), t.id()));
        for (NotificationTemplate t : stored) {
            UUID sameKey = idByKey.get(t.event() + "/" + t.channel() + "/" + t.language());
            if (sameKey != null) {
                byId.remove(sameKey);
            }
            byId.put(t.id(), t);
        }
        List<String> eventOrder = TemplateCatalog.events().stream().map(EventDefinition::event).toList();
        List<NotificationTemplate> all = new ArrayList<>(byId.values());
        all.sort(Comparator.<NotificationTemplate>comparingInt(t -> {
                    int i = eventOrder.indexOf(t.event());
                    return i < 0 ? Integer.MAX_VALUE : i;
                })
                .thenComparing(NotificationTemplate::event)
                .thenComparing(t -> NotificationChannel.valueOf(t.channel()))
                .thenComparing(t -> "id".equals(t.language()) ? 0 : 1));
        return all;
    }

    @Override
    public Optional<NotificationTemplate> template(UUID id) {
        return tx.inTransaction(() -> stored(id));
    }

    private Optional<NotificationTemplate> stored(UUID id) {
        return templates.findById(id).or(() -> TemplateCatalog.defaultTemplate(id)
                .filter(d -> templates.find(d.event(), d.channel(), d.language()).isEmpty()));
    }

    @Override
    public Optional<NotificationTemplate> updateTemplate(UpdateTemplateCommand c) {
        return tx.inTransaction(() -> {
            Optional<NotificationTemplate> current = stored(c.id());
            if (current.isEmpty()) {
                return Optional.<NotificationTemplate>empty();
            }
            if (c.expectedVersion() != null && c.expectedVersion() != current.get().version()) {
                throw new DomainException(ErrorCode.CONCURRENT_MODIFICATION, "The template was changed meanwhile"
                        + " (version " + current.get().version() + ", edited from " + c.expectedVersion() + ")");
            }
            NotificationTemplate edited = TemplateCatalog.validate(current.get().edited(c.subject(), c.body(),
                    clock.instant(), c.actor() == null ? null : c.actor().id()));
            templates.save(edited);
            LOG.info(() -> "notification template " + edited.event() + "/" + edited.channel() + "/"
                    + edited.language() + " edited by " + edited.updatedBy());
            return templates.findById(c.id());
        });
    }

    @Override
    public RenderedMessage preview(PreviewCommand c) {
        NotificationChannel channel = NotificationChannel.parse(c.channel());
        NotificationTemplate draft = TemplateCatalog.validate(new NotificationTemplate(
                TemplateCatalog.templateId(String.valueOf(c.event()), channel.name(), String.valueOf(c.language())),
                c.event(), channel.name(), c.language(), c.subject(), c.body(), 0, null, null));
        Map<String, String> vars = new HashMap<>(TemplateCatalog.sampleVariables(draft.event()));
        if (c.variables() != null) {
            vars.putAll(c.variables());
        }
        return renderer.render(draft, vars);
    }

    // ================================================================================== operators: history, mailbox

    @Override
    public Page<OutboxMessage> history(OutboxHistoryFilter filter, PageRequest page) {
        return tx.inTransaction(() -> outbox.search(filter == null ? OutboxHistoryFilter.all() : filter, page));
    }

    @Override
    public boolean resend(UUID outboxId, Actor actor) {
        boolean done = tx.inTransaction(() -> outbox.resend(outboxId, clock.instant()));
        if (done) {
            LOG.info(() -> "notification " + outboxId + " queued again by " + (actor == null ? "?" : actor.id()));
        }
        return done;
    }

    @Override
    public Page<LocalMail> mailbox(String recipientContains, PageRequest page) {
        return tx.inTransaction(() -> mailbox.list(recipientContains, page));
    }

    @Override
    public Optional<LocalMail> mail(UUID id) {
        return tx.inTransaction(() -> mailbox.find(id));
    }

    // ================================================================================== operators: ad-hoc messages

    @Override
    public String send(SendMessageCommand c) {
        NotificationChannel channel = c.channel();
        if (channel == null || !TemplateCatalog.require(TemplateCatalog.ADMIN_MESSAGE).has(channel)) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "A message can go by EMAIL, TELEGRAM or IN_APP");
        }
        String message = c.message() == null ? "" : c.message().strip();
        String subject = c.subject() == null ? "" : c.subject().strip();
        if (message.isEmpty() || message.length() > MAX_MESSAGE) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "The message must be 1.." + MAX_MESSAGE
                    + " characters");
        }
        if (subject.length() > NotificationTemplate.MAX_SUBJECT || subject.contains("\n")) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "The subject must be one line of at most "
                    + NotificationTemplate.MAX_SUBJECT + " characters");
        }
        if (subject.isEmpty() && channel != NotificationChannel.TELEGRAM) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "The subject must not be empty");
        }
        String key = TemplateCatalog.ADMIN_MESSAGE + ":" + UUID.randomUUID() + ":" + channel;
        tx.inTransaction(() -> {
            User user = requireUser(c.userId());
            if (channel == NotificationChannel.TELEGRAM
                    && !preferences.find(user.id()).map(NotificationPreferences::telegramLinked).orElse(false)) {
                throw new DomainException(ErrorCode.VALIDATION_ERROR, "This customer has not linked Telegram");
            }
            String recipient = channel == NotificationChannel.EMAIL ? user.email().value() : user.id().toString();
            notifier.notify(new Notification(TemplateCatalog.ADMIN_MESSAGE, channel.name(), recipient,
                    NotificationPreferences.DEFAULT_LANGUAGE,
                    Map.of("name", user.fullName(), "subject", subject, "message", message), key));
        });
        LOG.info(() -> "operator message " + key + " to user " + c.userId() + " queued by "
                + (c.actor() == null ? "?" : c.actor().id()));
        return key;
    }

    private User requireUser(UUID userId) {
        return users.findById(userId).orElseThrow(() -> new DomainException(ErrorCode.USER_NOT_FOUND,
                "There is no user " + userId));
    }
}
