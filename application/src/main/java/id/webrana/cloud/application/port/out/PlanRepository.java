package id.webrana.cloud.application.port.out;

import id.webrana.cloud.domain.catalog.VpsPlan;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores VPS plans with their prices and allowed images. */
public interface PlanRepository {
    /** All plans ordered by sort order then name; only active ones when {@code activeOnly}. */
    List<VpsPlan> findAll(boolean activeOnly);

    Optional<VpsPlan> findById(UUID id);

    /** Inserts or updates; refuses a stale version with {@code CONCURRENT_MODIFICATION}. */
    void save(VpsPlan plan);

    /** Whether any order (of any status) was placed for the plan. */
    boolean hasOrders(UUID planId);

    /** Deletes the plan with its prices and image list; its promos must be gone already. */
    void delete(UUID planId);
}
