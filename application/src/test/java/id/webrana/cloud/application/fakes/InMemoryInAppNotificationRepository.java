package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.notification.InAppNotification;
import id.webrana.cloud.application.port.out.InAppNotificationRepository;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@code in_app_notifications} in memory: unique dedupe key, newest first. */
public final class InMemoryInAppNotificationRepository implements InAppNotificationRepository, TransactionalResource {

    private List<InAppNotification> rows = new ArrayList<>();

    @Override
    public synchronized boolean add(InAppNotification n) {
        if (rows.stream().anyMatch(r -> r.dedupeKey().equals(n.dedupeKey()))) {
            return false;
        }
        rows.add(n);
        return true;
    }

    @Override
    public synchronized Page<InAppNotification> findByUser(UUID userId, PageRequest page) {
        List<InAppNotification> mine = new ArrayList<>(rows.stream().filter(r -> r.userId().equals(userId)).toList());
        java.util.Collections.reverse(mine); // newest first (insertion order breaks ties of equal times)
        mine.sort(java.util.Comparator.comparing(InAppNotification::createdAt).reversed());
        return new Page<>(mine.stream().skip(page.offset()).limit(page.size()).toList(), page.page(), page.size(),
                mine.size());
    }

    @Override
    public synchronized long countUnread(UUID userId) {
        return rows.stream().filter(r -> r.userId().equals(userId) && !r.isRead()).count();
    }

    @Override
    public synchronized boolean markRead(UUID userId, UUID notificationId, Instant at) {
        for (int i = 0; i < rows.size(); i++) {
            InAppNotification r = rows.get(i);
            if (r.id().equals(notificationId) && r.userId().equals(userId)) {
                rows.set(i, r.readAt(at));
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized int markAllRead(UUID userId, Instant at) {
        int changed = 0;
        for (int i = 0; i < rows.size(); i++) {
            InAppNotification r = rows.get(i);
            if (r.userId().equals(userId) && !r.isRead()) {
                rows.set(i, r.readAt(at));
                changed++;
            }
        }
        return changed;
    }

    /** Every message of the user, oldest first. */
    public synchronized List<InAppNotification> of(UUID userId) {
        return rows.stream().filter(r -> r.userId().equals(userId)).toList();
    }

    @Override
    public synchronized Object snapshot() {
        return new ArrayList<>(rows);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        rows = new ArrayList<>((List<InAppNotification>) snapshot);
    }
}
