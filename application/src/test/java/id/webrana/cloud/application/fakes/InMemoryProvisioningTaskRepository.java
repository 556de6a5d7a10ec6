package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.ProvisioningTaskRepository;
import id.webrana.cloud.domain.provisioning.ProvisioningTask;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tasks as the database keeps them; {@link #claimNextDue} picks the open task due longest ago. */
public final class InMemoryProvisioningTaskRepository implements ProvisioningTaskRepository, TransactionalResource {

    private final InMemoryStore<ProvisioningTask> table =
            new InMemoryStore<>("provisioning_task", ProvisioningTask::id, ProvisioningTask::version, Copies::task);

    @Override
    public void save(ProvisioningTask task) {
        table.save(task);
    }

    @Override
    public Optional<ProvisioningTask> findByOrderId(UUID orderId) {
        return table.findFirst(t -> t.orderId().equals(orderId));
    }

    @Override
    public Optional<ProvisioningTask> claimNextDue(Instant now) {
        return table.all().filter(t -> !t.isFinished() && !t.nextAttemptAt().isAfter(now))
                .min(Comparator.comparing(ProvisioningTask::nextAttemptAt));
    }

    public ProvisioningTask getByOrderId(UUID orderId) {
        return findByOrderId(orderId).orElseThrow(() -> new AssertionError("no provisioning task for " + orderId));
    }

    public List<ProvisioningTask> all() {
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
