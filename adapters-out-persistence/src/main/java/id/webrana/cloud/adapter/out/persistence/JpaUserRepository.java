package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.adapter.out.persistence.entity.UserEntity;
import id.webrana.cloud.application.port.out.UserRepository;
import id.webrana.cloud.domain.account.EmailAddress;
import id.webrana.cloud.domain.account.Role;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

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
        e.sessionsValidAfter = user.sessionsValidAfter();
        if (isNew) {
            em.persist(e);
        }
    }

    @Override
    public Page<User> search(UserSearch c, PageRequest page) {
        EntityManager em = JpaTransactionRunner.current();
        PagedSearch q = new PagedSearch("users u");
        if (c.text() != null && !c.text().isBlank()) {
            String like = PagedSearch.likePattern(c.text().trim());
            q.and("(u.email ILIKE ? OR u.full_name ILIKE ? OR u.phone ILIKE ? OR CAST(u.id AS VARCHAR) ILIKE ?)",
                    like, like, like, like);
        }
        if (c.role() != null) {
            // roles is a comma-separated list of names
            q.and("? = ANY (string_to_array(u.roles, ','))", c.role().name());
        }
        if (c.enabled() != null) {
            q.and("u.enabled = ?", c.enabled());
        }
        return q.fetch(em, "u.id", "u.created_at DESC, u.id", page, ids -> ids.stream()
                .map(id -> toDomain(em.find(UserEntity.class, JpaOrderRepository.asUuid(id))))
                .toList());
    }

    static User toDomain(UserEntity e) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        Versions.split(e.roles).forEach(r -> roles.add(Role.valueOf(r)));
        return new User(e.id, new EmailAddress(e.email), e.passwordHash, e.fullName, e.phone, roles, e.emailVerified,
                e.enabled, e.createdAt, e.sessionsValidAfter, e.version);
    }
}
