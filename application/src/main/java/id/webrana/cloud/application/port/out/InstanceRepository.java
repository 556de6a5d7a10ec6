package id.webrana.cloud.application.port.out;

import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores customers' servers. */
public interface InstanceRepository {

    /** Inserts or updates (optimistic: a stale version fails with CONCURRENT_MODIFICATION). */
    void save(Instance instance);

    Optional<Instance> findById(UUID id);

    /** The instance with its row locked until the transaction ends (lock order: instance before invoice). */
    Optional<Instance> findByIdForUpdate(UUID id);

    Optional<Instance> findByOrderId(UUID orderId);

    /** The customer's servers, newest first, terminated ones included. */
    List<Instance> findByUser(UUID userId);

    /**
     * Locks and returns up to {@code max} instances whose {@code nextLifecycleAt} is due, skipping
     * rows another transaction holds ({@code FOR UPDATE SKIP LOCKED}), oldest due first.
     */
    List<Instance> claimDueForLifecycle(Instant now, int max);

    /** Operators' search; every criterion optional; {@code text} matches hostname, IP or server id. */
    Page<Instance> search(InstanceSearch criteria, PageRequest page);

    /** @param status an Instance.Status name or null; @param userId or null */
    record InstanceSearch(String status, UUID userId, String text) {
    }
}
