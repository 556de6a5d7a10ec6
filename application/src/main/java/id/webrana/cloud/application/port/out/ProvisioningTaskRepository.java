package id.webrana.cloud.application.port.out;

import id.webrana.cloud.domain.provisioning.ProvisioningTask;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores provisioning tasks. {@link #claimNextDue} is how workers share the work: the claimed
 * row stays locked until the claiming transaction ends, and other workers (threads or servers
 * on the same database) skip it ({@code FOR UPDATE SKIP LOCKED}).
 */
public interface ProvisioningTaskRepository {

    void save(ProvisioningTask task);

    Optional<ProvisioningTask> findByOrderId(UUID orderId);

    /** The open task due longest ago, locked for this transaction; empty when none is due. */
    Optional<ProvisioningTask> claimNextDue(Instant now);
}
