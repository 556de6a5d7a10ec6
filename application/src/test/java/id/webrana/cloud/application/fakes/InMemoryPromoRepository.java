package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.PromoRepository;
import id.webrana.cloud.domain.catalog.PlanPromo;

import java.util.List;

/** Promos are immutable records, so the table can hold them as they are. */
public final class InMemoryPromoRepository implements PromoRepository, TransactionalResource {

    private final InMemoryStore<PlanPromo> table = InMemoryStore.unversioned("promo", PlanPromo::id, p -> p);

    @Override
    public List<PlanPromo> findAll() {
        return table.all().toList();
    }

    @Override
    public void save(PlanPromo promo) {
        table.save(promo);
    }

    @Override
    public Object snapshot() {
        return table.snapshot();
    }

    @Override
    public void restore(Object snapshot) {
        table.restore(snapshot);
    }
}
