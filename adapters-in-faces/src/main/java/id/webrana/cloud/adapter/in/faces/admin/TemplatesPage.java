package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.adapter.in.faces.support.CurrentUser;
import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.notification.NotificationTemplate;
import id.webrana.cloud.application.notification.RenderedMessage;
import id.webrana.cloud.application.notification.TemplateCatalog.EventDefinition;
import id.webrana.cloud.application.port.in.NotificationAdminUseCase;
import id.webrana.cloud.application.port.in.NotificationAdminUseCase.PreviewCommand;
import id.webrana.cloud.application.port.in.NotificationAdminUseCase.UpdateTemplateCommand;
import id.webrana.cloud.domain.shared.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /admin/templates.xhtml}: the message templates (one per event, channel and language); edit one with a
 * preview of the unsaved text, save it (refused with the reason when it uses an unknown variable or is malformed,
 * or when someone saved it meanwhile).
 */
@Named
@ViewScoped
public class TemplatesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<NotificationAdminUseCase> admin;
    @Inject
    CurrentUser me;

    private List<Row> templates = List.of();
    private String selectedId;
    private Row selected;
    private String subject;
    private String body;
    private String variables;
    private Preview preview;

    /** One template in the list. */
    public record Row(String id, String event, String channel, String language, String subject, String body,
                      long version, String updated, String updatedBy) implements Serializable {
    }

    /** A rendered preview: subject, plain text and the HTML (shown in a sandboxed frame). */
    public record Preview(String subject, String text, String html) implements Serializable {
    }

    @PostConstruct
    void init() {
        reload();
    }

    public boolean isAvailable() {
        return admin.isResolvable();
    }

    private void reload() {
        if (!isAvailable()) {
            return;
        }
        templates = admin.get().templates().stream()
                .sorted(Comparator.comparing(NotificationTemplate::event).thenComparing(NotificationTemplate::channel)
                        .thenComparing(NotificationTemplate::language))
                .map(t -> new Row(t.id().toString(), t.event(), t.channel(), t.language(), t.subject(), t.body(),
                        t.version(), Formats.dateTime(t.updatedAt()), t.updatedBy() == null ? "" : t.updatedBy()))
                .toList();
    }

    /** Opens a template in the editor. */
    public void edit(String id) {
        selectedId = id;
        selected = templates.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
        preview = null;
        if (selected != null) {
            subject = selected.subject();
            body = selected.body();
            variables = admin.get().events().stream().filter(e -> e.event().equals(selected.event())).findFirst()
                    .map(EventDefinition::variables).map(v -> String.join(", ", v.stream().map(n -> "{{" + n + "}}")
                            .toList())).orElse("");
        }
    }

    public void preview() {
        if (selected == null) {
            return;
        }
        try {
            RenderedMessage m = admin.get().preview(new PreviewCommand(selected.event(), selected.channel(),
                    selected.language(), subject, body, null));
            preview = new Preview(m.subject(), m.text(), m.html() != null ? m.html() : m.telegramHtml());
        } catch (DomainException e) {
            preview = null;
            Texts.error(e);
        }
    }

    public void save() {
        if (selected == null) {
            return;
        }
        try {
            Optional<NotificationTemplate> saved = admin.get().updateTemplate(new UpdateTemplateCommand(
                    UUID.fromString(selected.id()), subject, body, selected.version(), me.actor()));
            if (saved.isEmpty()) {
                Texts.error("error.TEMPLATE_NOT_FOUND");
                return;
            }
            Texts.info("admin.templates.saved");
            reload();
            edit(saved.get().id().toString());
        } catch (DomainException e) {
            Texts.error(e);
        }
    }

    public void cancel() {
        selected = null;
        selectedId = null;
        preview = null;
    }

    public List<Row> getTemplates() {
        return templates;
    }

    public Row getSelected() {
        return selected;
    }

    public String getSelectedId() {
        return selectedId;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getVariables() {
        return variables;
    }

    public Preview getPreview() {
        return preview;
    }
}
