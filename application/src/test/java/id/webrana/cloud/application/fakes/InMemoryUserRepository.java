package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.UserRepository;
import id.webrana.cloud.domain.account.EmailAddress;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

public final class InMemoryUserRepository implements UserRepository, TransactionalResource {

    private final InMemoryStore<User> table = new InMemoryStore<>("user", User::id, User::version, Copies::user);

    @Override
    public Optional<User> findById(UUID id) {
        return table.find(id);
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return table.findFirst(u -> u.email().equals(email));
    }

    @Override
    public void save(User user) {
        table.findFirst(u -> u.email().equals(user.email()) && !u.id().equals(user.id())).ifPresent(other -> {
            throw new IllegalStateException("unique constraint: email " + user.email() + " is taken");
        });
        table.save(user);
    }

    @Override
    public Page<User> search(UserSearch c, PageRequest page) {
        String text = c.text() == null ? null : c.text().toLowerCase(Locale.ROOT);
        List<User> all = table.all()
                .filter(u -> c.role() == null || u.roles().contains(c.role()))
                .filter(u -> c.enabled() == null || u.isEnabled() == c.enabled())
                .filter(u -> text == null || u.email().value().contains(text)
                        || u.fullName().toLowerCase(Locale.ROOT).contains(text)
                        || (u.phone() != null && u.phone().contains(text)) || u.id().toString().contains(text))
                .sorted(Comparator.comparing(User::createdAt).reversed().thenComparing(User::id))
                .toList();
        return new Page<>(all.stream().skip(page.offset()).limit(page.size()).toList(), page.page(), page.size(),
                all.size());
    }

    public int count() {
        return table.count();
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
