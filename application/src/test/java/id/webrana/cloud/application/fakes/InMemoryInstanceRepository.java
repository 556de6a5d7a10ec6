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

    @Override
    public Optional<Instance> findByIdForUpdate(UUID id) {
        return table.find(id); // one thread at a time in these tests: the lock is implicit
    }

    @Override
    public List<Instance> findByUser(UUID userId) {
        return table.all().filter(i -> i.userId().equals(userId))
                .sorted(java.util.Comparator.comparing(Instance::createdAt).reversed()).toList();
    }

    @Override
    public List<Instance> claimDueForLifecycle(java.time.Instant now, int max) {
        return table.all().filter(i -> i.status() != Instance.Status.TERMINATED && i.nextLifecycleAt() != null
                        && !i.nextLifecycleAt().isAfter(now))
                .sorted(java.util.Comparator.comparing(Instance::nextLifecycleAt)).limit(max).toList();
    }

    @Override
    public id.webrana.cloud.domain.shared.Page<Instance> search(InstanceSearch c,
                                                               id.webrana.cloud.domain.shared.PageRequest page) {
        List<Instance> all = table.all()
                .filter(i -> c.status() == null || i.status().name().equals(c.status()))
                .filter(i -> c.userId() == null || i.userId().equals(c.userId()))
                .filter(i -> c.text() == null || c.text().isBlank()
                        || (i.hostname() + " " + i.ipv4() + " " + i.providerServerId()).toLowerCase()
                        .contains(c.text().trim().toLowerCase()))
                .sorted(java.util.Comparator.comparing(Instance::createdAt).reversed()).toList();
        return new id.webrana.cloud.domain.shared.Page<>(all.stream().skip(page.offset()).limit(page.size()).toList(),
                page.page(), page.size(), all.size());
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
