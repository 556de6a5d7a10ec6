package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.notification.NotificationTemplate;
import id.webrana.cloud.application.notification.TemplateCatalog;
import id.webrana.cloud.application.port.out.NotificationTemplateRepository;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code notification_templates} in memory: unique (event, channel, language), optimistic versions. */
public final class InMemoryTemplateRepository implements NotificationTemplateRepository, TransactionalResource {

    private Map<UUID, NotificationTemplate> rows = new LinkedHashMap<>();

    /** What the Liquibase seed does: every default template. */
    public InMemoryTemplateRepository seedDefaults() {
        TemplateCatalog.defaultTemplates().forEach(t -> rows.put(t.id(), t));
        return this;
    }

    @Override
    public List<NotificationTemplate> findAll() {
        return rows.values().stream().sorted(Comparator.comparing(NotificationTemplate::event)
                .thenComparing(NotificationTemplate::channel).thenComparing(NotificationTemplate::language)).toList();
    }

    @Override
    public Optional<NotificationTemplate> findById(UUID id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<NotificationTemplate> find(String event, String channel, String language) {
        return rows.values().stream().filter(t -> t.event().equals(event) && t.channel().equals(channel)
                && t.language().equals(language)).findFirst();
    }

    @Override
    public void save(NotificationTemplate t) {
        NotificationTemplate current = rows.get(t.id());
        if (current == null) {
            find(t.event(), t.channel(), t.language()).ifPresent(other -> {
                throw new IllegalStateException("unique constraint: " + t.event() + "/" + t.channel() + "/"
                        + t.language() + " exists");
            });
            rows.put(t.id(), t);
            return;
        }
        if (current.version() != t.version()) {
            throw new DomainException(ErrorCode.CONCURRENT_MODIFICATION, "template " + t.id() + " was changed");
        }
        rows.put(t.id(), t.atVersion(t.version() + 1));
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(rows);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        rows = new LinkedHashMap<>((Map<UUID, NotificationTemplate>) snapshot);
    }
}
