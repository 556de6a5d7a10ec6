package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.adapter.in.faces.support.CurrentUser;
import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.Inputs;
import id.webrana.cloud.adapter.in.faces.support.PagedModel;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.notification.NotificationChannel;
import id.webrana.cloud.application.notification.OutboxHistoryFilter;
import id.webrana.cloud.application.notification.OutboxMessage;
import id.webrana.cloud.application.port.in.NotificationAdminUseCase;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** {@code /admin/notifications.xhtml}: the notification history with filters, and resending one message. */
@Named
@ViewScoped
public class NotificationHistoryPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<NotificationAdminUseCase> admin;
    @Inject
    CurrentUser me;

    private String event;
    private String channel;
    private OutboxMessage.Status status;
    private String recipient;
    private LocalDate from;
    private LocalDate to;
    private FilterState filter = new FilterState(null, null, null, null, null, null);
    private PagedModel<Row> model;

    /** One outbox row as the table shows it. */
    public record Row(String id, String created, String event, String channel, String recipient, String language,
                      String status, int attempts, String sentAt, String lastError) implements Serializable {
    }

    /** The applied filter, serializable (the view keeps it between requests). */
    record FilterState(String event, String channel, OutboxMessage.Status status, String recipient, LocalDate from,
                       LocalDate to) implements Serializable {
        OutboxHistoryFilter toFilter() {
            return new OutboxHistoryFilter(event, channel, status, recipient, Inputs.startOf(from), Inputs.endOf(to));
        }
    }

    @PostConstruct
    void init() {
        if (!isAvailable()) {
            return;
        }
        NotificationAdminUseCase uc = admin.get();
        model = new PagedModel<>(page -> uc.history(filter.toFilter(), page).map(NotificationHistoryPage::row),
                Row::id);
    }

    static Row row(OutboxMessage m) {
        return new Row(m.id().toString(), Formats.dateTime(m.createdAt()), m.event(), m.channel(), m.recipient(),
                m.locale(), m.status().name(), m.attempts(), Formats.dateTime(m.sentAt()),
                m.lastError() == null ? "" : m.lastError());
    }

    public boolean isAvailable() {
        return admin.isResolvable();
    }

    public void search() {
        filter = new FilterState(Inputs.text(event), Inputs.text(channel), status, Inputs.text(recipient), from, to);
    }

    public void clear() {
        event = null;
        channel = null;
        status = null;
        recipient = null;
        from = null;
        to = null;
        search();
    }

    public void resend(String id) {
        if (admin.get().resend(UUID.fromString(id), me.actor())) {
            Texts.info("admin.notifications.resent");
        } else {
            Texts.error("admin.notifications.notResent");
        }
    }

    public List<String> getEvents() {
        return isAvailable() ? admin.get().events().stream().map(e -> e.event()).sorted().toList() : List.of();
    }

    public List<String> getChannels() {
        return Arrays.stream(NotificationChannel.values()).map(Enum::name).toList();
    }

    public List<OutboxMessage.Status> getStatuses() {
        return Arrays.asList(OutboxMessage.Status.values());
    }

    public PagedModel<Row> getModel() {
        return model;
    }

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public OutboxMessage.Status getStatus() {
        return status;
    }

    public void setStatus(OutboxMessage.Status status) {
        this.status = status;
    }

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
