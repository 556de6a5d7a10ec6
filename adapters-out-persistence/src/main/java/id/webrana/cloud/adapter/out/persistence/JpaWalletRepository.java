package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.adapter.out.persistence.entity.WalletEntryEntity;
import id.webrana.cloud.application.port.out.WalletRepository;
import id.webrana.cloud.domain.billing.Wallet;
import id.webrana.cloud.domain.billing.WalletEntry;
import id.webrana.cloud.domain.billing.WalletEntryType;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Wallets ({@code wallets}: one row per user holding the balance) and their ledgers
 * ({@code wallet_entries}, {@link WalletEntryEntity}).
 *
 * <p>The balance row is written with row-level SQL rather than as an entity, because its contract
 * is row-level: it is created on first use with {@code INSERT ... ON CONFLICT DO NOTHING}, locked
 * with {@code SELECT ... FOR UPDATE}, and {@link #save} changes it only if it still holds the
 * balance the wallet was loaded with (compare-and-set), so even a wallet saved without
 * {@link #lockForUpdate} can never overwrite a concurrent movement: that save fails with
 * CONCURRENT_MODIFICATION. The database refuses a negative balance ({@code CHECK (balance >= 0)}).
 */
@ApplicationScoped
public class JpaWalletRepository implements WalletRepository {

    @Override
    public Wallet lockForUpdate(UUID userId) {
        EntityManager em = JpaTransactionRunner.current();
        createIfMissing(em, userId);
        Object balance = em.createNativeQuery("SELECT balance FROM wallets WHERE user_id = ? FOR UPDATE")
                .setParameter(1, userId).getSingleResult();
        return new Wallet(userId, ((Number) balance).longValue());
    }

    @Override
    public Wallet find(UUID userId) {
        @SuppressWarnings("unchecked")
        List<Object> balance = JpaTransactionRunner.current()
                .createNativeQuery("SELECT balance FROM wallets WHERE user_id = ?")
                .setParameter(1, userId).getResultList();
        return new Wallet(userId, balance.isEmpty() ? 0 : ((Number) balance.get(0)).longValue());
    }

    /**
     * Writes the new balance and inserts the entries not stored yet (saving the same wallet twice
     * stores its entries once), at once.
     *
     * @throws DomainException CONCURRENT_MODIFICATION when the stored balance moved since the wallet was
     *         loaded; DUPLICATE_CODE when an entry of that type and reference already exists
     */
    @Override
    public void save(Wallet wallet) {
        EntityManager em = JpaTransactionRunner.current();
        List<WalletEntry> unsaved = wallet.newEntries().stream()
                .filter(entry -> em.find(WalletEntryEntity.class, entry.id()) == null).toList();
        if (unsaved.isEmpty()) {
            return;
        }
        long newBalance = wallet.balance().rupiah();
        long loadedBalance = newBalance - unsaved.stream().mapToLong(WalletEntry::amount).sum();
        Instant updatedAt = unsaved.stream().map(WalletEntry::createdAt).max(Instant::compareTo).orElseThrow();
        createIfMissing(em, wallet.userId());
        int updated = em.createNativeQuery("UPDATE wallets SET balance = ?, updated_at = ?"
                        + " WHERE user_id = ? AND balance = ?")
                .setParameter(1, newBalance).setParameter(2, Timestamp.from(updatedAt))
                .setParameter(3, wallet.userId()).setParameter(4, loadedBalance).executeUpdate();
        if (updated != 1) {
            throw new DomainException(ErrorCode.CONCURRENT_MODIFICATION,
                    "The wallet's balance was changed by someone else meanwhile; reload and try again");
        }
        for (WalletEntry entry : unsaved) {
            WalletEntryEntity e = new WalletEntryEntity();
            e.id = entry.id();
            e.userId = entry.userId();
            e.amount = entry.amount();
            e.entryType = entry.type().name();
            e.reference = entry.reference();
            e.description = entry.description();
            e.actorType = entry.actor().type().name();
            e.actorId = entry.actor().id();
            e.createdAt = entry.createdAt();
            e.balanceAfter = entry.balanceAfter();
            em.persist(e);
            // one at a time: EclipseLink does not insert new rows in the order they were persisted, and the
            // identity column seq must follow the ledger's order; a duplicate entry fails right here
            try {
                em.flush();
            } catch (PersistenceException ex) {
                RuntimeException duplicate = JpaTransactionRunner.uniqueViolation(ex);
                throw duplicate != null ? duplicate : ex;
            }
        }
    }

    @Override
    public Page<WalletEntry> entries(UUID userId, PageRequest page) {
        EntityManager em = JpaTransactionRunner.current();
        long total = em.createQuery("SELECT COUNT(e) FROM WalletEntryEntity e WHERE e.userId = :u", Long.class)
                .setParameter("u", userId).getSingleResult();
        List<WalletEntry> entries = em.createQuery(
                        "SELECT e FROM WalletEntryEntity e WHERE e.userId = :u ORDER BY e.seq DESC", WalletEntryEntity.class)
                .setParameter("u", userId).setFirstResult(page.offset()).setMaxResults(page.size())
                .getResultList().stream().map(JpaWalletRepository::toDomain).toList();
        return new Page<>(entries, page.page(), page.size(), total);
    }

    @Override
    public long ledgerSum(UUID userId) {
        Long sum = JpaTransactionRunner.current()
                .createQuery("SELECT SUM(e.amount) FROM WalletEntryEntity e WHERE e.userId = :u", Long.class)
                .setParameter("u", userId).getSingleResult();
        return sum == null ? 0 : sum;
    }

    @Override
    public boolean hasEntry(UUID userId, WalletEntryType type, String reference) {
        return JpaTransactionRunner.current()
                .createQuery("SELECT COUNT(e) FROM WalletEntryEntity e WHERE e.userId = :u AND e.entryType = :t"
                        + " AND e.reference = :r", Long.class)
                .setParameter("u", userId).setParameter("t", type.name()).setParameter("r", reference)
                .getSingleResult() > 0;
    }

    /** The empty wallet of a user who never used one; its owner must already be stored. */
    private static void createIfMissing(EntityManager em, UUID userId) {
        em.flush(); // a user saved earlier in this transaction must reach the database before its wallet
        em.createNativeQuery("INSERT INTO wallets (user_id, balance, updated_at) VALUES (?, 0, now())"
                        + " ON CONFLICT (user_id) DO NOTHING")
                .setParameter(1, userId).executeUpdate();
    }

    static WalletEntry toDomain(WalletEntryEntity e) {
        return new WalletEntry(e.id, e.userId, e.amount, WalletEntryType.valueOf(e.entryType), e.reference,
                e.description, new Actor(Actor.Type.valueOf(e.actorType), e.actorId), e.createdAt, e.balanceAfter);
    }
}
