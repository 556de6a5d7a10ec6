package id.webrana.cloud.adapter.in.faces.portal;

import id.webrana.cloud.adapter.in.faces.support.CurrentUser;
import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.PagedModel;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.notification.InAppNotification;
import id.webrana.cloud.application.port.in.NotificationsUseCase;
import id.webrana.cloud.domain.shared.Page;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/** {@code /portal/notifications.xhtml}: the customer's in-app messages, newest first; mark one or all read. */
@Named
@ViewScoped
public class NotificationsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<NotificationsUseCase> notifications;
    @Inject
    CurrentUser me;
    @Inject
    Bell bell;

    private PagedModel<Row> model;

    /** One message as the list shows it. */
    public record Row(String id, String title, String body, String when, boolean read) implements Serializable {
    }

    @PostConstruct
    void init() {
        if (!isAvailable()) {
            return;
        }
        UUID userId = me.id();
        NotificationsUseCase uc = notifications.get();
        model = new PagedModel<>(page -> {
            Page<InAppNotification> p = uc.inbox(userId, page).notifications();
            return p.map(NotificationsPage::row);
        }, Row::id);
    }

    static Row row(InAppNotification n) {
        return new Row(n.id().toString(), n.title(), n.body(), Formats.dateTime(n.createdAt()), n.isRead());
    }

    public boolean isAvailable() {
        return notifications.isResolvable();
    }

    public void markRead(String notificationId) {
        try {
            notifications.get().markRead(me.id(), UUID.fromString(notificationId));
            bell.refresh();
        } catch (IllegalArgumentException e) {
            Texts.error("error.NOTIFICATION_NOT_FOUND");
        }
    }

    public void markAllRead() {
        int n = notifications.get().markAllRead(me.id());
        bell.refresh();
        Texts.info("notifications.allRead", n);
    }

    public PagedModel<Row> getModel() {
        return model;
    }

    /** For pages that only need a few rows. */
    public List<Row> latest(int count) {
        return isAvailable() ? notifications.get().inbox(me.id(), new id.webrana.cloud.domain.shared.PageRequest(0,
                count)).notifications().items().stream().map(NotificationsPage::row).toList() : List.of();
    }
}
