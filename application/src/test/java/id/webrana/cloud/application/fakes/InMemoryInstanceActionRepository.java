package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.InstanceActionRepository;
import id.webrana.cloud.domain.provisioning.InstanceAction;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Instance actions in memory, with the database's rule of one IN_PROGRESS action per instance. */
public final class InMemoryInstanceActionRepository implements InstanceActionRepository, TransactionalResource {

    private final InMemoryStore<InstanceAction> table =
            InMemoryStore.unversioned("instance action", InstanceAction::id, Copies::action);

    @Override
    public void save(InstanceAction action) {
        if (action.isInProgress() && table.findFirst(a -> a.instanceId().equals(action.instanceId())
                && a.isInProgress() && !a.id().equals(action.id())).isPresent()) {
            throw new DomainException(ErrorCode.ACTION_IN_PROGRESS, "unique index: one action in progress per instance");
        }
        table.save(action);
    }

    @Override
    public Optional<InstanceAction> findById(UUID id) {
        return table.find(id);
    }

    @Override
    public Optional<InstanceAction> findInProgress(UUID instanceId) {
        return table.findFirst(a -> a.instanceId().equals(instanceId) && a.isInProgress());
    }

    @Override
    public int countRequestedSince(UUID instanceId, Instant since) {
        return (int) table.all().filter(a -> a.instanceId().equals(instanceId) && !a.requestedAt().isBefore(since))
                .count();
    }

    @Override
    public List<InstanceAction> recent(UUID instanceId, int limit) {
        return table.all().filter(a -> a.instanceId().equals(instanceId))
                .sorted(Comparator.comparing(InstanceAction::requestedAt).reversed()).limit(limit).toList();
    }

    @Override
    public List<InstanceAction> claimInProgress(int max) {
        return table.all().filter(InstanceAction::isInProgress).limit(max).toList();
    }

    public List<InstanceAction> all() {
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
