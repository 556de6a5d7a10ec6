--liquibase formatted sql

--changeset webrana:0007-accounts
--comment: Accounts: when a user's sessions were last ended (password change, sign out everywhere, role change, disabling; web sessions that signed in before are refused), and the accounts' audit trail (who did what to an account, when and why).
ALTER TABLE users ADD COLUMN sessions_valid_after TIMESTAMPTZ;
CREATE TABLE user_audit_events (
    id         UUID PRIMARY KEY,
    seq        BIGINT GENERATED ALWAYS AS IDENTITY,
    user_id    UUID         NOT NULL REFERENCES users (id),
    type       VARCHAR(30)  NOT NULL,
    actor_type VARCHAR(20)  NOT NULL,
    actor_id   VARCHAR(100) NOT NULL,
    detail     TEXT,
    at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_user_audit_events_user_at ON user_audit_events (user_id, at DESC, seq DESC);
-- the operators' user list, newest accounts first
CREATE INDEX ix_users_created ON users (created_at DESC, id);
