package id.webrana.cloud.application.fakes;

import id.webrana.cloud.domain.billing.PaymentSearch;
import id.webrana.cloud.application.port.out.PaymentRepository;
import id.webrana.cloud.domain.billing.Payment;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Payments, unique on (gateway, reference) like the table's constraint. */
public final class InMemoryPaymentRepository implements PaymentRepository, TransactionalResource {

    private final InMemoryStore<Payment> table = InMemoryStore.unversioned("payment", Payment::id, p -> p);

    @Override
    public Optional<Payment> findByReference(String gateway, String reference) {
        return table.findFirst(p -> p.gateway().equals(gateway) && p.reference().equals(reference));
    }

    @Override
    public void insert(Payment payment) {
        if (findByReference(payment.gateway(), payment.reference()).isPresent()) {
            throw new DomainException(ErrorCode.DUPLICATE_CODE, "payment " + payment.reference() + " exists");
        }
        table.save(payment);
    }

    @Override
    public List<Payment> findByInvoice(UUID invoiceId) {
        return table.all().filter(p -> p.invoiceId().equals(invoiceId)).toList();
    }

    @Override
    public Page<Payment> search(PaymentSearch c, PageRequest page) {
        List<Payment> all = table.all().filter(p -> (c.userId() == null || p.userId().equals(c.userId()))
                        && (c.gateway() == null || p.gateway().equals(c.gateway()))
                        && (c.reference() == null || p.reference().contains(c.reference())))
                .sorted(Comparator.comparing(Payment::recordedAt).reversed()).toList();
        return new Page<>(all.stream().skip(page.offset()).limit(page.size()).toList(), page.page(), page.size(),
                all.size());
    }

    public List<Payment> all() {
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
