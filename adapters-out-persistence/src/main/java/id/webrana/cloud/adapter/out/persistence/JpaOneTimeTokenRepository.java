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

/** Email-verification and password-reset tokens, stored by hash. */
@ApplicationScoped
public class JpaOneTimeTokenRepository implements OneTimeTokenRepository {

    @Override
    public Optional<OneTimeToken> findByHashForUpdate(String tokenHash) {
        return JpaTransactionRunner.current()
                .createQuery("SELECT t FROM OneTimeTokenEntity t WHERE t.tokenHash = :h", OneTimeTokenEntity.class)
                .setParameter("h", tokenHash).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .map(e -> new OneTimeToken(e.id, e.userId, OneTimeToken.Purpose.valueOf(e.purpose), e.tokenHash,
                        e.expiresAt, e.usedAt));
    }

    @Override
    public void save(OneTimeToken t) {
        var em = JpaTransactionRunner.current();
        OneTimeTokenEntity e = em.find(OneTimeTokenEntity.class, t.id());
        boolean isNew = e == null;
        if (isNew) {
            e = new OneTimeTokenEntity();
            e.id = t.id();
        }
        e.userId = t.userId();
        e.purpose = t.purpose().name();
        e.tokenHash = t.tokenHash();
        e.expiresAt = t.expiresAt();
        e.usedAt = t.usedAt();
        if (isNew) {
            em.persist(e);
        }
    }

    @Override
    public void invalidateAll(UUID userId, OneTimeToken.Purpose purpose, java.time.Instant now) {
        var em = JpaTransactionRunner.current();
        em.flush();
        em.createQuery("UPDATE OneTimeTokenEntity t SET t.usedAt = :now WHERE t.userId = :u AND t.purpose = :p"
                        + " AND t.usedAt IS NULL")
                .setParameter("now", now).setParameter("u", userId).setParameter("p", purpose.name()).executeUpdate();
    }
}
