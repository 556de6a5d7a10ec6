package id.webrana.cloud.application.port.out;

import id.webrana.cloud.domain.catalog.PlanPromo;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores automatic plan promotions. */
public interface PromoRepository {
    /** Every promo, earliest start first. */
    List<PlanPromo> findAll();

    Optional<PlanPromo> findById(UUID id);

    /** Inserts or replaces. */
    void save(PlanPromo promo);

    /** Deletes one promo; false when there was none. */
    boolean delete(UUID id);

    /** Deletes every promo of a plan. */
    void deleteAllOf(UUID planId);
}
