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

    void save(VpsPlan plan);
}
