package id.webrana.cloud.application.port.in;

import java.util.Optional;
import java.util.UUID;

/**
 * UC: the platform's small agent on a customer's server (installed by cloud-init at creation) asks
 * for work. It authenticates with the per-server secret it was given at creation; a wrong secret is
 * answered like an unknown server.
 */
public interface ServerAgentUseCase {

    /**
     * Trades the secret the agent found in the user data (readable by every local user of the server through
     * the metadata service) for a new one only the agent keeps (root-only file). The new secret is the only one
     * the other calls accept; it is pending until first used, so a lost answer can be asked for again.
     *
     * @return the new secret
     */
    String renewAgentToken(UUID serverRef, String agentToken);

    /**
     * The new root password of a pending {@code reset_password}, handed out once.
     *
     * @param serverRef how the agent names its server: the order id it was given at creation (the
     *                  instance id does not exist yet when the server is created)
     */
    Optional<PendingPassword> nextPassword(UUID serverRef, String agentToken);

    /** The agent applied the password (or could not): the action ends COMPLETED or ERRORED. */
    void passwordApplied(UUID serverRef, String agentToken, UUID actionId, boolean ok, String error);

    record PendingPassword(UUID actionId, String password) {
    }
}
