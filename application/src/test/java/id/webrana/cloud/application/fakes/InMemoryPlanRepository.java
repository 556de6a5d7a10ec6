package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.PlanRepository;
import id.webrana.cloud.domain.catalog.VpsPlan;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Versioned plans. The database answers {@link #hasOrders} from the orders table; here a test states which plans
 * orders refer to with {@link #orderPlacedFor}.
 */
public final class InMemoryPlanRepository implements PlanRepository, TransactionalResource {

    private InMemoryStore<VpsPlan> table = newTable();
    private final Set<UUID> orderedPlans = new HashSet<>();

    private static InMemoryStore<VpsPlan> newTable() {
        return new InMemoryStore<>("plan", VpsPlan::id, VpsPlan::version, Copies::plan);
    }

    /** From now on an order refers to the plan. */
    public void orderPlacedFor(UUID planId) {
        orderedPlans.add(planId);
    }

    @Override
    public List<VpsPlan> findAll(boolean activeOnly) {
        return table.all().filter(p -> !activeOnly || p.isActive())
                .sorted(Comparator.comparingInt(VpsPlan::sortOrder).thenComparing(VpsPlan::name)).toList();
    }

    @Override
    public Optional<VpsPlan> findById(UUID id) {
        return table.find(id);
    }

    @Override
    public void save(VpsPlan plan) {
        table.save(plan);
    }

    @Override
    public boolean hasOrders(UUID planId) {
        return orderedPlans.contains(planId);
    }

    /** Rebuilds the table without the plan (rows keep their versions, as a database would). */
    @Override
    public void delete(UUID planId) {
        InMemoryStore<VpsPlan> rest = newTable();
        table.all().filter(p -> !p.id().equals(planId)).forEach(rest::save);
        table = rest;
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
