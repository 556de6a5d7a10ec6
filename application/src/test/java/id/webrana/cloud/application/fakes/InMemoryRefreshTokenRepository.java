package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.RefreshTokenRepository;
import id.webrana.cloud.domain.account.RefreshToken;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public final class InMemoryRefreshTokenRepository implements RefreshTokenRepository, TransactionalResource {

    private final InMemoryStore<RefreshToken> table =
            InMemoryStore.unversioned("refresh_token", RefreshToken::id, Copies::refreshToken);

    @Override
    public Optional<RefreshToken> findByHashForUpdate(String tokenHash) {
        return table.findFirst(t -> t.tokenHash().equals(tokenHash));
    }

    @Override
    public void save(RefreshToken token) {
        table.save(token);
    }

    @Override
    public void revokeFamily(UUID familyId, Instant now) {
        table.all().filter(t -> t.familyId().equals(familyId)).forEach(t -> {
            t.revoke(now);
            table.save(t);
        });
    }

    @Override
    public void revokeAllOfUser(UUID userId, Instant now) {
        table.all().filter(t -> t.userId().equals(userId)).forEach(t -> {
            t.revoke(now);
            table.save(t);
        });
    }

    public List<RefreshToken> all() {
        return table.all().toList();
    }

    public List<RefreshToken> ofUser(UUID userId) {
        return table.all().filter(t -> t.userId().equals(userId)).toList();
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
