package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.adapter.out.persistence.entity.UserEntity;
import id.webrana.cloud.application.port.out.UserRepository;
import id.webrana.cloud.domain.account.EmailAddress;
import id.webrana.cloud.domain.account.Role;
import id.webrana.cloud.domain.account.User;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaUserRepository implements UserRepository {

    @Override
    public Optional<User> findById(UUID id) {
        return Optional.ofNullable(JpaTransactionRunner.current().find(UserEntity.class, id)).map(JpaUserRepository::toDomain);
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return JpaTransactionRunner.current()
                .createQuery("SELECT u FROM UserEntity u WHERE u.email = :email", UserEntity.class)
                .setParameter("email", email.value()).getResultStream().findFirst().map(JpaUserRepository::toDomain);
    }

    @Override
    public void save(User user) {
        var em = JpaTransactionRunner.current();
        UserEntity e = em.find(UserEntity.class, user.id());
        boolean isNew = e == null;
        if (isNew) {
            e = new UserEntity();
            e.id = user.id();
        } else {
            Versions.requireCurrent(e.version, user.version(), "User " + user.id());
        }
        e.email = user.email().value();
        e.passwordHash = user.passwordHash();
        e.fullName = user.fullName();
        e.phone = user.phone();
        e.roles = Versions.join(user.roles());
        e.emailVerified = user.isEmailVerified();
        e.enabled = user.isEnabled();
        e.createdAt = user.createdAt();
        if (isNew) {
            em.persist(e);
        }
    }

    static User toDomain(UserEntity e) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        Versions.split(e.roles).forEach(r -> roles.add(Role.valueOf(r)));
        return new User(e.id, new EmailAddress(e.email), e.passwordHash, e.fullName, e.phone, roles, e.emailVerified,
                e.enabled, e.createdAt, e.version);
    }
}
