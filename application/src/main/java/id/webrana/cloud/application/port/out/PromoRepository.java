package id.webrana.cloud.application.port.out;

import id.webrana.cloud.domain.catalog.PlanPromo;

import java.util.List;

/** Stores automatic plan promotions. */
public interface PromoRepository {
    List<PlanPromo> findAll();

    void save(PlanPromo promo);
}
