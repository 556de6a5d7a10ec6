package id.webrana.cloud.application.port.out;

import id.webrana.cloud.application.notification.NotificationTemplate;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores the editable notification templates.
 *
 * <p>Table {@code notification_templates}: {@code id UUID PRIMARY KEY, event VARCHAR(60), channel VARCHAR(20),
 * language VARCHAR(5), subject VARCHAR(200) NOT NULL (may be ''), body TEXT, version BIGINT NOT NULL,
 * updated_at TIMESTAMPTZ NULL, updated_by VARCHAR(100) NULL}, {@code UNIQUE (event, channel, language)}; seeded
 * with {@code TemplateCatalog.defaultTemplates()} (their ids are stable, version 0). Rows are read fresh on every
 * send (no cache), so an edit is used by the next message.
 */
public interface NotificationTemplateRepository {

    /** Every stored template, ordered by event, channel, language. */
    List<NotificationTemplate> findAll();

    Optional<NotificationTemplate> findById(UUID id);

    /** The template for (event, channel, language), if stored. */
    Optional<NotificationTemplate> find(String event, String channel, String language);

    /**
     * Inserts (a template not stored yet, at its version) or updates: an update must carry the version that was
     * read and stores it plus one (a JPA {@code @Version}); a stale version is refused with
     * {@code CONCURRENT_MODIFICATION}. The caller validates the template first.
     */
    void save(NotificationTemplate template);
}
