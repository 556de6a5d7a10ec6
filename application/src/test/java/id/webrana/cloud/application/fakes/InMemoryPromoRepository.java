package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.PromoRepository;
import id.webrana.cloud.domain.catalog.PlanPromo;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** Promos are immutable records, so the table can hold them as they are. */
public final class InMemoryPromoRepository implements PromoRepository, TransactionalResource {

    private InMemoryStore<PlanPromo> table = newTable();

    private static InMemoryStore<PlanPromo> newTable() {
        return InMemoryStore.unversioned("promo", PlanPromo::id, p -> p);
    }

    @Override
    public List<PlanPromo> findAll() {
        return table.all().sorted(Comparator.comparing(PlanPromo::startsAt)).toList();
    }

    @Override
    public Optional<PlanPromo> findById(UUID id) {
        return table.find(id);
    }

    @Override
    public void save(PlanPromo promo) {
        table.save(promo);
    }

    @Override
    public boolean delete(UUID id) {
        return deleteWhere(p -> p.id().equals(id)) > 0;
    }

    @Override
    public void deleteAllOf(UUID planId) {
        deleteWhere(p -> p.planId().equals(planId));
    }

    /** Rebuilds the table without the matching promos; returns how many went. */
    private int deleteWhere(Predicate<PlanPromo> which) {
        InMemoryStore<PlanPromo> rest = newTable();
        table.all().filter(which.negate()).forEach(rest::save);
        int removed = table.count() - rest.count();
        table = rest;
        return removed;
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
