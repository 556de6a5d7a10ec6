package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.adapter.out.persistence.entity.LocalMailEntity;
import id.webrana.cloud.application.notification.LocalMail;
import id.webrana.cloud.application.port.out.LocalMailbox;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The local mailbox ({@code local_mailbox}): messages kept instead of sent, newest first. */
@ApplicationScoped
public class JpaLocalMailbox implements LocalMailbox {

    @Override
    public void add(LocalMail mail) {
        LocalMailEntity e = new LocalMailEntity();
        e.id = mail.id();
        e.channel = mail.channel();
        e.recipient = mail.to();
        e.subject = mail.subject();
        e.textBody = mail.textBody();
        e.htmlBody = mail.htmlBody();
        e.receivedAt = mail.receivedAt();
        JpaTransactionRunner.current().persist(e);
    }

    @Override
    public Page<LocalMail> list(String recipientContains, PageRequest page) {
        EntityManager em = JpaTransactionRunner.current();
        boolean filtered = recipientContains != null && !recipientContains.isBlank();
        String where = filtered ? " WHERE LOWER(m.recipient) LIKE :p ESCAPE '\\'" : "";
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(m) FROM LocalMailEntity m" + where, Long.class);
        TypedQuery<LocalMailEntity> items = em.createQuery("SELECT m FROM LocalMailEntity m" + where
                + " ORDER BY m.receivedAt DESC, m.id DESC", LocalMailEntity.class);
        if (filtered) {
            String pattern = JpaNotificationOutbox.containing(recipientContains);
            count.setParameter("p", pattern);
            items.setParameter("p", pattern);
        }
        List<LocalMail> mails = items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()
                .stream().map(JpaLocalMailbox::toDomain).toList();
        return new Page<>(mails, page.page(), page.size(), count.getSingleResult());
    }

    @Override
    public Optional<LocalMail> find(UUID id) {
        return Optional.ofNullable(JpaTransactionRunner.current().find(LocalMailEntity.class, id))
                .map(JpaLocalMailbox::toDomain);
    }

    static LocalMail toDomain(LocalMailEntity e) {
        return new LocalMail(e.id, e.channel, e.recipient, e.subject, e.textBody, e.htmlBody, e.receivedAt);
    }
}
