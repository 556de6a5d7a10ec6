package id.webrana.cloud.application.port.out;

import id.webrana.cloud.domain.provisioning.ServerCredential;

import java.util.Optional;
import java.util.UUID;

/** Root passwords waiting to be shown to their owner once, or to be fetched by the server's agent. */
public interface ServerCredentialRepository {

    /** Inserts or updates. */
    void save(ServerCredential credential);

    /** The initial root password of the instance, if it was not shown yet. */
    Optional<ServerCredential> findInitial(UUID instanceId);

    /** The password reset the agent has not picked up yet (latest first), locked. */
    Optional<ServerCredential> findPendingResetForUpdate(UUID instanceId);

    /** The reset credential of an action. */
    Optional<ServerCredential> findByAction(UUID actionId);
}
