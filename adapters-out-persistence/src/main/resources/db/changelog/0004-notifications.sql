--liquibase formatted sql

--changeset webrana:0004-notification-outbox-delivery
--comment: Delivery state of the outbox (NotificationOutbox): retries, leased claims fenced by a claim token.
ALTER TABLE notification_outbox
    ADD COLUMN next_attempt_at TIMESTAMPTZ,
    ADD COLUMN lease_until     TIMESTAMPTZ,
    ADD COLUMN claim_token     UUID,
    ADD COLUMN last_attempt_at TIMESTAMPTZ;
-- fan-out appends ":<CHANNEL>" to the producer's key
ALTER TABLE notification_outbox ALTER COLUMN dedupe_key TYPE VARCHAR(250);
ALTER TABLE notification_outbox
    ADD CONSTRAINT ck_notification_outbox_status
        CHECK (status IN ('PENDING', 'IN_PROGRESS', 'SENT', 'SKIPPED', 'FAILED')),
    ADD CONSTRAINT ck_notification_outbox_claim
        CHECK ((status = 'IN_PROGRESS') = (lease_until IS NOT NULL AND claim_token IS NOT NULL)),
    ADD CONSTRAINT ck_notification_outbox_attempts CHECK (attempts >= 0);
DROP INDEX ix_notification_outbox_pending;
CREATE INDEX ix_notification_outbox_due ON notification_outbox ((COALESCE(next_attempt_at, created_at)))
    WHERE status = 'PENDING';
CREATE INDEX ix_notification_outbox_lease ON notification_outbox (lease_until) WHERE status = 'IN_PROGRESS';
CREATE INDEX ix_notification_outbox_created ON notification_outbox (created_at);

--changeset webrana:0004-notification-templates-table
--comment: Operator-editable notification texts; the defaults are seeded by 0004-notification-templates.sql.
CREATE TABLE notification_templates (
    id         UUID PRIMARY KEY,
    event      VARCHAR(60)  NOT NULL,
    channel    VARCHAR(20)  NOT NULL CHECK (channel IN ('EMAIL', 'TELEGRAM', 'IN_APP', 'OPERATOR')),
    language   VARCHAR(5)   NOT NULL CHECK (language IN ('id', 'en')),
    subject    VARCHAR(200) NOT NULL DEFAULT '',
    body       TEXT         NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0 CHECK (version >= 0),
    updated_at TIMESTAMPTZ,
    updated_by VARCHAR(100),
    CONSTRAINT uq_notification_templates_event_channel_language UNIQUE (event, channel, language)
);

--changeset webrana:0004-in-app-notifications
--comment: The portal bell's messages.
CREATE TABLE in_app_notifications (
    id         UUID PRIMARY KEY,
    user_id    UUID         NOT NULL REFERENCES users (id),
    event      VARCHAR(60)  NOT NULL,
    title      VARCHAR(200) NOT NULL,
    body       TEXT         NOT NULL,
    dedupe_key VARCHAR(250) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    read_at    TIMESTAMPTZ,
    CONSTRAINT uq_in_app_notifications_dedupe UNIQUE (dedupe_key)
);
CREATE INDEX ix_in_app_notifications_user_created ON in_app_notifications (user_id, created_at DESC);
CREATE INDEX ix_in_app_notifications_unread ON in_app_notifications (user_id) WHERE read_at IS NULL;

--changeset webrana:0004-local-mailbox
--comment: Messages kept instead of sent on channels without credentials (SMTP, Telegram), read by admins.
CREATE TABLE local_mailbox (
    id          UUID PRIMARY KEY,
    channel     VARCHAR(20)  NOT NULL,
    recipient   VARCHAR(254) NOT NULL,
    subject     VARCHAR(300) NOT NULL DEFAULT '',
    text_body   TEXT         NOT NULL,
    html_body   TEXT,
    received_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_local_mailbox_received ON local_mailbox (received_at DESC);

--changeset webrana:0004-notification-preferences
--comment: Customers' language and channel choices, their linked Telegram chat, and the one-time codes that link it.
CREATE TABLE notification_preferences (
    user_id            UUID         PRIMARY KEY REFERENCES users (id),
    language           VARCHAR(5)   NOT NULL DEFAULT 'id' CHECK (language IN ('id', 'en')),
    enabled_channels   VARCHAR(100) NOT NULL DEFAULT 'EMAIL,TELEGRAM',
    telegram_chat_id   VARCHAR(64),
    telegram_linked_at TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ  NOT NULL,
    CONSTRAINT uq_notification_preferences_telegram_chat UNIQUE (telegram_chat_id),
    CHECK ((telegram_chat_id IS NULL) = (telegram_linked_at IS NULL))
);
CREATE TABLE telegram_link_codes (
    code_hash  CHAR(64)    PRIMARY KEY,
    user_id    UUID        NOT NULL REFERENCES users (id),
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX ix_telegram_link_codes_user ON telegram_link_codes (user_id);
