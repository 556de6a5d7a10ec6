package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.ServerCredentialRepository;
import id.webrana.cloud.domain.provisioning.ServerCredential;

import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/** Root passwords in transit, in memory. */
public final class InMemoryServerCredentialRepository implements ServerCredentialRepository, TransactionalResource {

    private final InMemoryStore<ServerCredential> table =
            InMemoryStore.unversioned("server credential", ServerCredential::id, Copies::credential);

    @Override
    public void save(ServerCredential credential) {
        table.save(credential);
    }

    @Override
    public Optional<ServerCredential> findInitial(UUID instanceId) {
        return table.findFirst(c -> c.instanceId().equals(instanceId) && c.kind() == ServerCredential.Kind.INITIAL);
    }

    @Override
    public Optional<ServerCredential> findPendingResetForUpdate(UUID instanceId) {
        return table.all().filter(c -> c.instanceId().equals(instanceId) && c.kind() == ServerCredential.Kind.RESET
                && c.isPendingDelivery()).max(Comparator.comparing(ServerCredential::createdAt));
    }

    @Override
    public Optional<ServerCredential> findByAction(UUID actionId) {
        return table.findFirst(c -> actionId.equals(c.actionId()));
    }

    public java.util.List<ServerCredential> all() {
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
