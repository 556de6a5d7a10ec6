package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.UserAuditLog;
import id.webrana.cloud.domain.account.UserAuditEvent;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The accounts' audit trail in memory; rolled back with the fake transactions. */
public final class InMemoryUserAuditLog implements UserAuditLog, TransactionalResource {

    private final InMemoryStore<UserAuditEvent> table =
            InMemoryStore.unversioned("user_audit_event", UserAuditEvent::id, e -> e);

    @Override
    public void record(UserAuditEvent event) {
        table.save(event);
    }

    @Override
    public List<UserAuditEvent> latestOf(UUID userId, int max) {
        return table.all().filter(e -> e.userId().equals(userId))
                .sorted(Comparator.comparing(UserAuditEvent::at).reversed()).limit(max).toList();
    }

    /** Every event about {@code userId}, oldest first. */
    public List<UserAuditEvent> of(UUID userId) {
        return table.all().filter(e -> e.userId().equals(userId)).toList();
    }

    @Override
    public Object snapshot() {
        return table.snapshot();
    }

    @Override
    public void restore(Object snapshot) {
        table.restore(snapshot);
    }
}
