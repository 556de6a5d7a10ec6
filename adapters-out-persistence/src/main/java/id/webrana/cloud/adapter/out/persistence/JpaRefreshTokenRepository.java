package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.adapter.out.persistence.entity.OneTimeTokenEntity;
import id.webrana.cloud.adapter.out.persistence.entity.RefreshTokenEntity;
import id.webrana.cloud.application.port.out.OneTimeTokenRepository;
import id.webrana.cloud.application.port.out.RefreshTokenRepository;
import id.webrana.cloud.domain.account.OneTimeToken;
import id.webrana.cloud.domain.account.RefreshToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Refresh tokens, stored by hash. */
@ApplicationScoped
public class JpaRefreshTokenRepository implements RefreshTokenRepository {

    @Override
    public Optional<RefreshToken> findByHashForUpdate(String tokenHash) {
        return JpaTransactionRunner.current()
                .createQuery("SELECT t FROM RefreshTokenEntity t WHERE t.tokenHash = :h", RefreshTokenEntity.class)
                .setParameter("h", tokenHash).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .map(e -> new RefreshToken(e.id, e.userId, e.familyId, e.tokenHash, e.issuedAt, e.expiresAt,
                        e.rotatedAt, e.revokedAt));
    }

    @Override
    public void save(RefreshToken t) {
        var em = JpaTransactionRunner.current();
        RefreshTokenEntity e = em.find(RefreshTokenEntity.class, t.id());
        boolean isNew = e == null;
        if (isNew) {
            e = new RefreshTokenEntity();
            e.id = t.id();
        }
        e.userId = t.userId();
        e.familyId = t.familyId();
        e.tokenHash = t.tokenHash();
        e.issuedAt = t.issuedAt();
        e.expiresAt = t.expiresAt();
        e.rotatedAt = t.rotatedAt();
        e.revokedAt = t.revokedAt();
        if (isNew) {
            em.persist(e);
        }
    }

    @Override
    public void revokeFamily(UUID familyId, Instant now) {
        var em = JpaTransactionRunner.current();
        em.flush();
        em.createQuery("UPDATE RefreshTokenEntity t SET t.revokedAt = :now WHERE t.familyId = :f AND t.revokedAt IS NULL")
                .setParameter("now", now).setParameter("f", familyId).executeUpdate();
    }

    @Override
    public void revokeAllOfUser(UUID userId, Instant now) {
        var em = JpaTransactionRunner.current();
        em.flush();
        em.createQuery("UPDATE RefreshTokenEntity t SET t.revokedAt = :now WHERE t.userId = :u AND t.revokedAt IS NULL")
                .setParameter("now", now).setParameter("u", userId).executeUpdate();
    }
}
