package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.OneTimeTokenRepository;
import id.webrana.cloud.domain.account.OneTimeToken;

import java.util.List;
import java.util.Optional;

public final class InMemoryOneTimeTokenRepository implements OneTimeTokenRepository, TransactionalResource {

    private final InMemoryStore<OneTimeToken> table =
            InMemoryStore.unversioned("one_time_token", OneTimeToken::id, Copies::oneTimeToken);

    @Override
    public Optional<OneTimeToken> findByHashForUpdate(String tokenHash) {
        return table.findFirst(t -> t.tokenHash().equals(tokenHash));
    }

    @Override
    public void save(OneTimeToken token) {
        table.save(token);
    }

    @Override
    public void invalidateAll(java.util.UUID userId, OneTimeToken.Purpose purpose, java.time.Instant now) {
        table.all().filter(t -> t.userId().equals(userId) && t.purpose() == purpose && t.usedAt() == null)
                .forEach(t -> {
                    t.consume(purpose, now.isBefore(t.expiresAt()) ? now : t.expiresAt().minusNanos(1));
                    table.save(t);
                });
    }

    public List<OneTimeToken> all() {
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
