package id.webrana.cloud.application.notification;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What a user chose about notifications: the language ({@code id}, Bahasa Indonesia, by default, or {@code en})
 * and which optional channels they want, plus the Telegram chat they linked.
 *
 * <p>Optional channels are {@link #OPTIONAL_CHANNELS EMAIL and TELEGRAM}: a customer may turn either off. In-app
 * notifications are always kept (they are passive), and essential events (email verification, password reset,
 * Telegram link confirmation: see {@link TemplateCatalog.EventDefinition#essential()}) ignore the choice.
 * TELEGRAM only reaches a customer who also linked a chat.
 *
 * @param userId           whose choices
 * @param language         {@code id} or {@code en}
 * @param enabledChannels  the optional channels the user wants (a subset of {@link #OPTIONAL_CHANNELS})
 * @param telegramChatId   the linked chat, or null
 * @param telegramLinkedAt when it was linked, or null
 */
public record NotificationPreferences(UUID userId, String language, Set<NotificationChannel> enabledChannels,
                                      String telegramChatId, Instant telegramLinkedAt) {

    public static final String DEFAULT_LANGUAGE = "id";
    public static final Set<String> LANGUAGES = Set.of("id", "en");
    public static final Set<NotificationChannel> OPTIONAL_CHANNELS =
            Set.copyOf(EnumSet.of(NotificationChannel.EMAIL, NotificationChannel.TELEGRAM));

    public NotificationPreferences {
        Objects.requireNonNull(userId, "userId");
        language = requireLanguage(language);
        enabledChannels = requireOptionalChannels(enabledChannels);
        telegramChatId = telegramChatId == null || telegramChatId.isBlank() ? null : telegramChatId.trim();
    }

    /** What a user who never chose anything gets: Bahasa Indonesia, every optional channel on, no chat. */
    public static NotificationPreferences defaults(UUID userId) {
        return new NotificationPreferences(userId, DEFAULT_LANGUAGE, OPTIONAL_CHANNELS, null, null);
    }

    /** Normalizes a language code, refusing anything but {@code id} and {@code en} with VALIDATION_ERROR. */
    public static String requireLanguage(String language) {
        String l = language == null ? DEFAULT_LANGUAGE : language.trim().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(l)) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "Language must be 'id' or 'en', not '" + language + "'");
        }
        return l;
    }

    /** The language for a producer's locale hint: {@code en} stays, anything else becomes {@code id}. */
    public static String languageOf(String localeHint) {
        return localeHint != null && localeHint.trim().toLowerCase(Locale.ROOT).startsWith("en") ? "en"
                : DEFAULT_LANGUAGE;
    }

    /** Checks that only optional channels are listed, refusing others with VALIDATION_ERROR. */
    public static Set<NotificationChannel> requireOptionalChannels(Collection<NotificationChannel> channels) {
        if (channels == null || channels.isEmpty()) {
            return Set.of();
        }
        for (NotificationChannel c : channels) {
            if (!OPTIONAL_CHANNELS.contains(Objects.requireNonNull(c, "channel"))) {
                throw new DomainException(ErrorCode.VALIDATION_ERROR,
                        "Only EMAIL and TELEGRAM can be turned on or off, not " + c);
            }
        }
        return Set.copyOf(EnumSet.copyOf(channels));
    }

    public boolean telegramLinked() {
        return telegramChatId != null;
    }

    /** Whether the user wants {@code channel}; IN_APP and OPERATOR are not a customer's choice and always pass. */
    public boolean wants(NotificationChannel channel) {
        return !OPTIONAL_CHANNELS.contains(channel) || enabledChannels.contains(channel);
    }
}
