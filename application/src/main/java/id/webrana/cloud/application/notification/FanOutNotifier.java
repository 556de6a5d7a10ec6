package id.webrana.cloud.application.notification;

import id.webrana.cloud.application.notification.TemplateCatalog.EventDefinition;
import id.webrana.cloud.application.port.out.NotificationPreferencesRepository;
import id.webrana.cloud.application.port.out.Notifier;
import id.webrana.cloud.application.port.out.UserRepository;
import id.webrana.cloud.domain.account.EmailAddress;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.shared.DomainException;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Notifier} decorator that turns one customer notification into one outbox row per channel of its
 * event, as {@link TemplateCatalog} lists them. Producers keep announcing an event once, by email
 * ({@code Notification.email(...)}); the decorator, wrapped around the outbox {@code Notifier}, enqueues in the
 * producer's transaction:
 *
 * <ul>
 *   <li>EMAIL: to the same address;</li>
 *   <li>IN_APP: to the user owning that address (recipient = the user's id);</li>
 *   <li>TELEGRAM: to that user (recipient = the user's id; the chat is looked up when sending), only if the user
 *       has linked a chat by now: customers without Telegram get no row, which keeps the history readable;</li>
 *   <li>OPERATOR: to {@code operators}, in Bahasa Indonesia, with the customer's address added as variable
 *       {@value TemplateCatalog#CUSTOMER_EMAIL}.</li>
 * </ul>
 *
 * Each row's dedupe key is {@code <original dedupe key>:<CHANNEL>}, so the unique key still means one
 * notification per (event, subject, channel, recipient).
 *
 * <p><b>Finding the user.</b> The user is found with {@link UserRepository#findByEmail} on the notification's
 * recipient, inside the producer's transaction (the producer just loaded that user, so this is a cheap read);
 * producers need no change. An address that belongs to no user gets the EMAIL row only.
 *
 * <p>Passed through unchanged: notifications whose channel is not EMAIL (operator alerts, Telegram link
 * confirmations, operators' messages: their producer chose the channel), events the catalog does not know, and
 * events marked not {@link EventDefinition#fanOut() fanOut}.
 */
public final class FanOutNotifier implements Notifier {

    private final Notifier outbox;
    private final UserRepository users;
    private final NotificationPreferencesRepository preferences;

    public FanOutNotifier(Notifier outbox, UserRepository users, NotificationPreferencesRepository preferences) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.users = Objects.requireNonNull(users, "users");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
    }

    @Override
    public void notify(Notification n) {
        Optional<EventDefinition> def = TemplateCatalog.find(n.template());
        if (def.isEmpty() || !def.get().fanOut() || !NotificationChannel.EMAIL.name().equals(n.channel())) {
            outbox.notify(n);
            return;
        }
        Optional<User> user = owner(n.recipient());
        for (NotificationChannel channel : def.get().channels()) {
            String key = n.dedupeKey() + ":" + channel.name();
            switch (channel) {
                case EMAIL -> outbox.notify(new Notification(n.template(), channel.name(), n.recipient(), n.locale(),
                        n.variables(), key));
                case IN_APP -> user.ifPresent(u -> outbox.notify(new Notification(n.template(), channel.name(),
                        u.id().toString(), n.locale(), n.variables(), key)));
                case TELEGRAM -> user.filter(u -> preferences.find(u.id())
                                .map(NotificationPreferences::telegramLinked).orElse(false))
                        .ifPresent(u -> outbox.notify(new Notification(n.template(), channel.name(),
                                u.id().toString(), n.locale(), n.variables(), key)));
                case OPERATOR -> {
                    Map<String, String> vars = new HashMap<>(n.variables());
                    vars.put(TemplateCatalog.CUSTOMER_EMAIL, n.recipient());
                    outbox.notify(new Notification(n.template(), channel.name(), "operators",
                            NotificationPreferences.DEFAULT_LANGUAGE, vars, key));
                }
                default -> throw new IllegalStateException("unknown channel " + channel);
            }
        }
    }

    private Optional<User> owner(String email) {
        try {
            return users.findByEmail(new EmailAddress(email));
        } catch (DomainException notAnAddress) {
            return Optional.empty();
        }
    }
}
