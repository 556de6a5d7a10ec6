package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.notification.LocalMail;
import id.webrana.cloud.application.port.out.LocalMailbox;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** {@code local_mailbox} in memory. */
public final class InMemoryLocalMailbox implements LocalMailbox, TransactionalResource {

    private List<LocalMail> rows = new ArrayList<>();

    @Override
    public synchronized void add(LocalMail mail) {
        rows.add(mail);
    }

    @Override
    public synchronized Page<LocalMail> list(String recipientContains, PageRequest page) {
        String part = recipientContains == null ? "" : recipientContains.trim().toLowerCase(Locale.ROOT);
        List<LocalMail> found = new ArrayList<>(rows.stream()
                .filter(m -> m.to().toLowerCase(Locale.ROOT).contains(part)).toList());
        Collections.reverse(found);
        return new Page<>(found.stream().skip(page.offset()).limit(page.size()).toList(), page.page(), page.size(),
                found.size());
    }

    @Override
    public synchronized Optional<LocalMail> find(UUID id) {
        return rows.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** Everything stored, oldest first. */
    public synchronized List<LocalMail> all() {
        return List.copyOf(rows);
    }

    @Override
    public synchronized Object snapshot() {
        return new ArrayList<>(rows);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        rows = new ArrayList<>((List<LocalMail>) snapshot);
    }
}
