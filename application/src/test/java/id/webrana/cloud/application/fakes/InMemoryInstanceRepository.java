package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.InstanceRepository;
import id.webrana.cloud.domain.provisioning.Instance;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public final class InMemoryInstanceRepository implements InstanceRepository, TransactionalResource {

    private final InMemoryStore<Instance> table =
            InMemoryStore.unversioned("instance", Instance::id, Copies::instance);

    @Override
    public void save(Instance instance) {
        table.findFirst(i -> i.orderId().equals(instance.orderId()) && !i.id().equals(instance.id()))
                .ifPresent(other -> {
                    throw new IllegalStateException("unique constraint: order " + instance.orderId()
                            + " already has instance " + other.id());
                });
        table.save(instance);
    }

    @Override
    public Optional<Instance> findById(UUID id) {
        return table.find(id);
    }

    @Override
    public Optional<Instance> findByOrderId(UUID orderId) {
        return table.findFirst(i -> i.orderId().equals(orderId));
    }

    public List<Instance> all() {
        return table.all().toList();
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
