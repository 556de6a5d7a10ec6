package id.webrana.cloud.application.port.out;

import id.webrana.cloud.domain.account.UserAuditEvent;

import java.util.List;
import java.util.UUID;

/** The accounts' audit trail: append-only, read per account. */
public interface UserAuditLog {

    /** Appends {@code event} in the running transaction. */
    void record(UserAuditEvent event);

    /** The newest {@code max} events about {@code userId}, newest first. */
    List<UserAuditEvent> latestOf(UUID userId, int max);
}
