package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.application.notification.NotificationChannel;
import id.webrana.cloud.application.notification.NotificationPreferences;
import id.webrana.cloud.application.port.out.NotificationPreferencesRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Users' notification choices ({@code notification_preferences}) and Telegram link codes
 * ({@code telegram_link_codes}), in row-level SQL like {@link JpaWalletRepository}: the row is created on first
 * use with {@code INSERT ... ON CONFLICT (user_id) DO UPDATE} touching only the columns the method owns (choices
 * or chat), so saving the language never brings back a chat unlinked meanwhile. A link code is used up by one
 * conditional {@code UPDATE ... RETURNING}, so of any number of concurrent attempts exactly one succeeds.
 */
@ApplicationScoped
public class JpaNotificationPreferencesRepository implements NotificationPreferencesRepository {

    @Override
    public Optional<NotificationPreferences> find(UUID userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = JpaTransactionRunner.current().createNativeQuery("SELECT language, enabled_channels,"
                        + " telegram_chat_id, telegram_linked_at FROM notification_preferences WHERE user_id = ?")
                .setParameter(1, userId).getResultList();
        return rows.stream().findFirst().map(r -> new NotificationPreferences(userId, (String) r[0],
                channels((String) r[1]), (String) r[2], JpaNotificationOutbox.instant(r[3])));
    }

    @Override
    public void saveChoices(UUID userId, String language, Set<NotificationChannel> enabledChannels, Instant at) {
        String lang = NotificationPreferences.requireLanguage(language);
        String channels = Versions.join(NotificationPreferences.requireOptionalChannels(enabledChannels));
        EntityManager em = JpaTransactionRunner.current();
        em.flush(); // the user row first, if it was stored in this transaction
        em.createNativeQuery("INSERT INTO notification_preferences (user_id, language, enabled_channels, updated_at)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET language = EXCLUDED.language,"
                        + " enabled_channels = EXCLUDED.enabled_channels, updated_at = EXCLUDED.updated_at")
                .setParameter(1, userId).setParameter(2, lang).setParameter(3, channels)
                .setParameter(4, Timestamp.from(at)).executeUpdate();
    }

    /**
     * Takes the chat away from any other user, then upserts it for this one (a new row gets the default choices).
     * Two users linking one chat at the same moment: the unique chat column refuses the second
     * (CONCURRENT_MODIFICATION when its transaction commits).
     */
    @Override
    public void linkTelegram(UUID userId, String chatId, Instant at) {
        String chat = chatId == null ? null : chatId.trim();
        if (chat == null || chat.isEmpty()) {
            throw new IllegalArgumentException("chatId is required");
        }
        EntityManager em = JpaTransactionRunner.current();
        em.flush();
        Timestamp when = Timestamp.from(at);
        em.createNativeQuery("UPDATE notification_preferences SET telegram_chat_id = NULL, telegram_linked_at = NULL,"
                        + " updated_at = ? WHERE telegram_chat_id = ? AND user_id <> ?")
                .setParameter(1, when).setParameter(2, chat).setParameter(3, userId).executeUpdate();
        em.createNativeQuery("INSERT INTO notification_preferences (user_id, telegram_chat_id, telegram_linked_at,"
                        + " updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET"
                        + " telegram_chat_id = EXCLUDED.telegram_chat_id,"
                        + " telegram_linked_at = EXCLUDED.telegram_linked_at, updated_at = EXCLUDED.updated_at")
                .setParameter(1, userId).setParameter(2, chat).setParameter(3, when).setParameter(4, when)
                .executeUpdate();
    }

    @Override
    public boolean unlinkTelegram(UUID userId, String chatId) {
        Query unlink = JpaTransactionRunner.current().createNativeQuery("UPDATE notification_preferences"
                        + " SET telegram_chat_id = NULL, telegram_linked_at = NULL"
                        + " WHERE user_id = ? AND telegram_chat_id IS NOT NULL"
                        + (chatId == null ? "" : " AND telegram_chat_id = ?"))
                .setParameter(1, userId);
        if (chatId != null) {
            unlink.setParameter(2, chatId);
        }
        return unlink.executeUpdate() == 1;
    }

    @Override
    public void addTelegramLinkCode(UUID userId, String codeHash, Instant expiresAt) {
        EntityManager em = JpaTransactionRunner.current();
        em.flush();
        em.createNativeQuery("INSERT INTO telegram_link_codes (code_hash, user_id, expires_at) VALUES (?, ?, ?)")
                .setParameter(1, codeHash).setParameter(2, userId).setParameter(3, Timestamp.from(expiresAt))
                .executeUpdate();
    }

    @Override
    public Optional<UUID> consumeTelegramLinkCode(String codeHash, Instant now) {
        Timestamp at = Timestamp.from(now);
        @SuppressWarnings("unchecked")
        List<Object> used = JpaTransactionRunner.current().createNativeQuery("UPDATE telegram_link_codes"
                        + " SET used_at = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING user_id")
                .setParameter(1, at).setParameter(2, codeHash).setParameter(3, at).getResultList();
        return used.stream().findFirst().map(JpaOrderRepository::asUuid);
    }

    private static Set<NotificationChannel> channels(String stored) {
        Set<NotificationChannel> channels = EnumSet.noneOf(NotificationChannel.class);
        for (String name : Versions.split(stored)) {
            NotificationChannel c = NotificationChannel.parse(name);
            if (NotificationPreferences.OPTIONAL_CHANNELS.contains(c)) {
                channels.add(c);
            }
        }
        return channels;
    }
}
