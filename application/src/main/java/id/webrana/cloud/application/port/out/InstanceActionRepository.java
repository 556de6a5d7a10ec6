package id.webrana.cloud.application.port.out;

import id.webrana.cloud.domain.provisioning.InstanceAction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores the actions asked of servers, and finds the ones still running. */
public interface InstanceActionRepository {

    /** Inserts or updates. */
    void save(InstanceAction action);

    Optional<InstanceAction> findById(UUID id);

    /** The action in progress on the instance, if any (at most one by rule). */
    Optional<InstanceAction> findInProgress(UUID instanceId);

    /** How many actions (of any outcome) were asked of the instance since {@code since}: the rate limit. */
    int countRequestedSince(UUID instanceId, Instant since);

    /** The instance's latest actions, newest first. */
    List<InstanceAction> recent(UUID instanceId, int limit);

    /** Locks up to {@code max} in-progress actions for polling, skipping locked rows. */
    List<InstanceAction> claimInProgress(int max);
}
