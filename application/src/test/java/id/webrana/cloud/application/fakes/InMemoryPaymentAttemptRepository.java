package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.PaymentAttemptRepository;
import id.webrana.cloud.domain.billing.PaymentAttempt;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Gateway transactions, with the last-checked stamp reconciliation uses. */
public final class InMemoryPaymentAttemptRepository implements PaymentAttemptRepository, TransactionalResource {

    private final InMemoryStore<PaymentAttempt> table = InMemoryStore.unversioned("payment attempt",
            PaymentAttempt::id, a -> a);
    private Map<UUID, Instant> lastChecked = new HashMap<>();

    @Override
    public void save(PaymentAttempt attempt) {
        boolean clash = table.all().anyMatch(a -> !a.id().equals(attempt.id())
                && (a.merchantRef().equals(attempt.merchantRef())
                || a.gateway().equals(attempt.gateway()) && a.reference().equals(attempt.reference())));
        if (clash) {
            throw new id.webrana.cloud.domain.shared.DomainException(
                    id.webrana.cloud.domain.shared.ErrorCode.DUPLICATE_CODE, "duplicate payment attempt");
        }
        table.save(attempt);
    }

    @Override
    public Optional<PaymentAttempt> findByReference(String gateway, String reference) {
        return table.findFirst(a -> a.gateway().equals(gateway) && a.reference().equals(reference));
    }

    @Override
    public Optional<PaymentAttempt> findByMerchantRef(String merchantRef) {
        return table.findFirst(a -> a.merchantRef().equals(merchantRef));
    }

    @Override
    public List<PaymentAttempt> findByInvoice(UUID invoiceId) {
        return table.all().filter(a -> a.invoiceId().equals(invoiceId))
                .sorted(Comparator.comparing(PaymentAttempt::createdAt).reversed()).toList();
    }

    @Override
    public int countByInvoice(UUID invoiceId) {
        return (int) table.all().filter(a -> a.invoiceId().equals(invoiceId)).count();
    }

    @Override
    public List<PaymentAttempt> claimForCheck(Instant now, Instant createdBefore, Instant checkedBefore, int limit) {
        List<PaymentAttempt> due = table.all().filter(a -> "UNPAID".equals(a.status())
                        && a.createdAt().isBefore(createdBefore)
                        && (!lastChecked.containsKey(a.id()) || lastChecked.get(a.id()).isBefore(checkedBefore)))
                .limit(limit).toList();
        due.forEach(a -> lastChecked.put(a.id(), now));
        return due;
    }

    public List<PaymentAttempt> all() {
        return table.all().toList();
    }

    @Override
    public Object snapshot() {
        return new Object[]{table.snapshot(), new HashMap<>(lastChecked)};
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        Object[] s = (Object[]) snapshot;
        table.restore(s[0]);
        lastChecked = new HashMap<>((Map<UUID, Instant>) s[1]);
    }
}
