package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.notification.NotificationChannel;
import id.webrana.cloud.application.notification.NotificationPreferences;
import id.webrana.cloud.application.port.out.NotificationPreferencesRepository;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@code notification_preferences} and {@code telegram_link_codes} in memory. */
public final class InMemoryNotificationPreferencesRepository implements NotificationPreferencesRepository,
        TransactionalResource {

    private record Code(UUID userId, Instant expiresAt, Instant usedAt) {
    }

    private record State(Map<UUID, NotificationPreferences> prefs, Map<String, Code> codes) {
    }

    private Map<UUID, NotificationPreferences> prefs = new LinkedHashMap<>();
    private Map<String, Code> codes = new LinkedHashMap<>();

    @Override
    public synchronized Optional<NotificationPreferences> find(UUID userId) {
        return Optional.ofNullable(prefs.get(userId));
    }

    @Override
    public synchronized void saveChoices(UUID userId, String language, Set<NotificationChannel> enabledChannels,
                                         Instant at) {
        NotificationPreferences p = current(userId);
        prefs.put(userId, new NotificationPreferences(userId, language, enabledChannels, p.telegramChatId(),
                p.telegramLinkedAt()));
    }

    @Override
    public synchronized void linkTelegram(UUID userId, String chatId, Instant at) {
        for (NotificationPreferences other : List.copyOf(prefs.values())) {
            if (chatId.equals(other.telegramChatId()) && !other.userId().equals(userId)) {
                prefs.put(other.userId(), new NotificationPreferences(other.userId(), other.language(),
                        other.enabledChannels(), null, null));
            }
        }
        NotificationPreferences p = current(userId);
        prefs.put(userId, new NotificationPreferences(userId, p.language(), p.enabledChannels(), chatId, at));
    }

    @Override
    public synchronized boolean unlinkTelegram(UUID userId, String chatId) {
        NotificationPreferences p = prefs.get(userId);
        if (p == null || p.telegramChatId() == null || chatId != null && !chatId.equals(p.telegramChatId())) {
            return false;
        }
        prefs.put(userId, new NotificationPreferences(userId, p.language(), p.enabledChannels(), null, null));
        return true;
    }

    @Override
    public synchronized void addTelegramLinkCode(UUID userId, String codeHash, Instant expiresAt) {
        codes.put(codeHash, new Code(userId, expiresAt, null));
    }

    @Override
    public synchronized Optional<UUID> consumeTelegramLinkCode(String codeHash, Instant now) {
        Code c = codes.get(codeHash);
        if (c == null || c.usedAt() != null || !c.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        codes.put(codeHash, new Code(c.userId(), c.expiresAt(), now));
        return Optional.of(c.userId());
    }

    /** How many link codes are stored (they are stored hashed, so tests cannot look them up by value). */
    public synchronized int codeCount() {
        return codes.size();
    }

    private NotificationPreferences current(UUID userId) {
        return prefs.getOrDefault(userId, NotificationPreferences.defaults(userId));
    }

    @Override
    public synchronized Object snapshot() {
        return new State(new LinkedHashMap<>(prefs), new LinkedHashMap<>(codes));
    }

    @Override
    public synchronized void restore(Object snapshot) {
        State s = (State) snapshot;
        prefs = new LinkedHashMap<>(s.prefs());
        codes = new LinkedHashMap<>(s.codes());
    }
}
