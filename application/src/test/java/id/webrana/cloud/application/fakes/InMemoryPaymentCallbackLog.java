package id.webrana.cloud.application.fakes;

import id.webrana.cloud.domain.billing.CallbackRecord;
import id.webrana.cloud.application.port.out.PaymentCallbackLog;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.util.ArrayList;
import java.util.List;

/** The callback log as a list, newest last. */
public final class InMemoryPaymentCallbackLog implements PaymentCallbackLog, TransactionalResource {

    private List<CallbackRecord> records = new ArrayList<>();

    @Override
    public void record(CallbackRecord record) {
        records.add(record);
    }

    @Override
    public Page<CallbackRecord> search(String outcome, String reference, PageRequest page) {
        List<CallbackRecord> all = new ArrayList<>(records.stream()
                .filter(r -> outcome == null || outcome.equals(r.outcome()))
                .filter(r -> reference == null || reference.equals(r.reference())).toList());
        java.util.Collections.reverse(all);
        return new Page<>(all.stream().skip(page.offset()).limit(page.size()).toList(), page.page(), page.size(),
                all.size());
    }

    public List<CallbackRecord> all() {
        return List.copyOf(records);
    }

    public List<String> outcomes() {
        return records.stream().map(CallbackRecord::outcome).toList();
    }

    @Override
    public Object snapshot() {
        return new ArrayList<>(records);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        records = new ArrayList<>((List<CallbackRecord>) snapshot);
    }
}
