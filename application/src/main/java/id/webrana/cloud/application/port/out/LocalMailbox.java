package id.webrana.cloud.application.port.out;

import id.webrana.cloud.application.notification.LocalMail;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the messages that would have been sent on a channel without credentials (no SMTP server, no Telegram
 * bot: the embedded default), so admins can read them in the UI.
 *
 * <p>Table {@code local_mailbox}: {@code id UUID PRIMARY KEY, channel VARCHAR(20), recipient VARCHAR(254),
 * subject VARCHAR(300), text_body TEXT NOT NULL, html_body TEXT NULL, received_at TIMESTAMPTZ NOT NULL}; index
 * {@code (received_at DESC)}. Callers run {@link #add} in a transaction of their own.
 */
public interface LocalMailbox {

    void add(LocalMail mail);

    /**
     * Stored messages, newest first; only those whose recipient contains {@code recipientContains}
     * (case-insensitive) when it is not null or blank.
     */
    Page<LocalMail> list(String recipientContains, PageRequest page);

    Optional<LocalMail> find(UUID id);
}
