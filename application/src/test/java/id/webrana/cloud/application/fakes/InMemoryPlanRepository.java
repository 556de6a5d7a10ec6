package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.PlanRepository;
import id.webrana.cloud.domain.catalog.VpsPlan;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public final class InMemoryPlanRepository implements PlanRepository, TransactionalResource {

    private final InMemoryStore<VpsPlan> table = new InMemoryStore<>("plan", VpsPlan::id, VpsPlan::version, Copies::plan);

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
    public Object snapshot() {
        return table.snapshot();
    }

    @Override
    public void restore(Object snapshot) {
        table.restore(snapshot);
    }
}
