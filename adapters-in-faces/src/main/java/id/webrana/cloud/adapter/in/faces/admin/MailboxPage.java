package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.Inputs;
import id.webrana.cloud.adapter.in.faces.support.PagedModel;
import id.webrana.cloud.application.notification.LocalMail;
import id.webrana.cloud.application.port.in.NotificationAdminUseCase;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/**
 * {@code /admin/mailbox.xhtml}: the local mailbox that catches email and Telegram messages when no SMTP server or
 * bot is configured. A message's HTML is shown in a sandboxed frame (no scripts, no same origin), its text as text.
 */
@Named
@ViewScoped
public class MailboxPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<NotificationAdminUseCase> admin;

    private String recipient;
    private String appliedRecipient;
    private Mail open;
    private PagedModel<Row> model;

    /** One message in the list. */
    public record Row(String id, String received, String channel, String to, String subject) implements Serializable {
    }

    /** The message being read. */
    public record Mail(String id, String received, String channel, String to, String subject, String text,
                       String html) implements Serializable {
        public boolean hasHtml() {
            return html != null && !html.isBlank();
        }
    }

    @PostConstruct
    void init() {
        if (!isAvailable()) {
            return;
        }
        NotificationAdminUseCase uc = admin.get();
        model = new PagedModel<>(page -> uc.mailbox(appliedRecipient, page).map(MailboxPage::row), Row::id);
    }

    static Row row(LocalMail m) {
        return new Row(m.id().toString(), Formats.dateTime(m.receivedAt()), m.channel(), m.to(), m.subject());
    }

    public boolean isAvailable() {
        return admin.isResolvable();
    }

    public void search() {
        appliedRecipient = Inputs.text(recipient);
        open = null;
    }

    public void read(String id) {
        open = Inputs.uuid(id).flatMap(uuid -> admin.get().mail(uuid))
                .map(m -> new Mail(m.id().toString(), Formats.dateTime(m.receivedAt()), m.channel(), m.to(),
                        m.subject(), m.textBody(), m.htmlBody()))
                .orElse(null);
    }

    public void close() {
        open = null;
    }

    public Mail getOpen() {
        return open;
    }

    public PagedModel<Row> getModel() {
        return model;
    }

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }
}
