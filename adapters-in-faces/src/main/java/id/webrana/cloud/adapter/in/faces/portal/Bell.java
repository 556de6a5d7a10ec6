package id.webrana.cloud.adapter.in.faces.portal;

import id.webrana.cloud.adapter.in.faces.support.CurrentUser;
import id.webrana.cloud.application.port.in.NotificationsUseCase;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The bell in the portal header ({@code #{bell}}): the number of unread in-app messages. Hidden while the
 * application has no notifications use case (or it fails: the bell never breaks a page).
 */
@Named
@RequestScoped
public class Bell {

    private static final Logger LOG = Logger.getLogger(Bell.class.getName());

    @Inject
    Instance<NotificationsUseCase> notifications;
    @Inject
    CurrentUser me;

    private Long unread;

    public boolean isAvailable() {
        return notifications.isResolvable() && me.isSignedIn();
    }

    public long getUnread() {
        if (unread == null) {
            unread = 0L;
            if (isAvailable()) {
                try {
                    unread = notifications.get().unreadCount(me.id());
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "unread count", e);
                }
            }
        }
        return unread;
    }

    /** Forgets the count read in this request (the page just changed it), so the header shows the new one. */
    public void refresh() {
        unread = null;
    }

    /** The badge text: the count, or 99+ past 99. */
    public String getBadge() {
        long n = getUnread();
        return n > 99 ? "99+" : Long.toString(n);
    }
}
