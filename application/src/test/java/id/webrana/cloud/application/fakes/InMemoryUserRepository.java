package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.UserRepository;
import id.webrana.cloud.domain.account.EmailAddress;
import id.webrana.cloud.domain.account.User;

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
