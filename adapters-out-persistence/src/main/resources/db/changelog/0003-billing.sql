--liquibase formatted sql

--changeset webrana:0003-invoices
--comment: Invoices with gap-free numbers per Asia/Jakarta month, and their lines.
CREATE TABLE invoice_sequences (
    period     CHAR(7) PRIMARY KEY CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    last_value BIGINT  NOT NULL CHECK (last_value >= 1)
);
CREATE TABLE invoices (
    id                UUID PRIMARY KEY,
    number            VARCHAR(30)  NOT NULL,
    user_id           UUID         NOT NULL REFERENCES users (id),
    purpose           VARCHAR(10)  NOT NULL CHECK (purpose IN ('ORDER', 'DEPOSIT', 'RENEWAL')),
    subject_id        UUID,
    buyer_name        VARCHAR(200) NOT NULL,
    buyer_email       VARCHAR(254) NOT NULL,
    buyer_phone       VARCHAR(30),
    tax_basis_points  INT          NOT NULL CHECK (tax_basis_points BETWEEN 0 AND 10000),
    tax               BIGINT       NOT NULL CHECK (tax >= 0),
    total             BIGINT       NOT NULL CHECK (total >= 0),
    status            VARCHAR(10)  NOT NULL CHECK (status IN ('UNPAID', 'PAID', 'EXPIRED', 'FAILED', 'REFUNDED')),
    status_reason     TEXT,
    issued_at         TIMESTAMPTZ  NOT NULL,
    due_at            TIMESTAMPTZ  NOT NULL,
    paid_at           TIMESTAMPTZ,
    payment_gateway   VARCHAR(30),
    payment_code      VARCHAR(50),
    payment_name      VARCHAR(200),
    payment_reference VARCHAR(200),
    version           BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_invoices_number UNIQUE (number),
    CHECK (total >= tax),
    CHECK (due_at > issued_at),
    CHECK ((payment_gateway IS NULL) = (payment_code IS NULL)
        AND (payment_gateway IS NULL) = (payment_name IS NULL)
        AND (payment_gateway IS NULL) = (payment_reference IS NULL)),
    CHECK (status NOT IN ('PAID', 'REFUNDED') OR (paid_at IS NOT NULL AND payment_gateway IS NOT NULL))
);
CREATE INDEX ix_invoices_user_issued ON invoices (user_id, issued_at DESC);
CREATE INDEX ix_invoices_purpose_subject ON invoices (purpose, subject_id);
CREATE INDEX ix_invoices_status_due ON invoices (status, due_at);
CREATE INDEX ix_invoices_issued ON invoices (issued_at DESC);
CREATE TABLE invoice_lines (
    id          UUID PRIMARY KEY,
    invoice_id  UUID         NOT NULL REFERENCES invoices (id),
    position    INT          NOT NULL CHECK (position >= 0),
    description VARCHAR(200) NOT NULL,
    unit_price  BIGINT       NOT NULL,
    quantity    INT          NOT NULL CHECK (quantity >= 1),
    CONSTRAINT uq_invoice_lines_position UNIQUE (invoice_id, position)
);

--changeset webrana:0003-payments
--comment: Transactions opened at payment gateways, money received (exactly once per gateway reference), callbacks.
CREATE TABLE payment_attempts (
    id              UUID PRIMARY KEY,
    invoice_id      UUID         NOT NULL REFERENCES invoices (id),
    gateway         VARCHAR(30)  NOT NULL,
    reference       VARCHAR(200) NOT NULL,
    merchant_ref    VARCHAR(100) NOT NULL,
    method_code     VARCHAR(50),
    method_name     VARCHAR(200),
    amount          BIGINT CHECK (amount >= 0),
    customer_fee    BIGINT CHECK (customer_fee >= 0),
    total_amount    BIGINT CHECK (total_amount >= 0),
    pay_code        VARCHAR(200),
    pay_url         TEXT,
    checkout_url    TEXT,
    qr_string       TEXT,
    qr_url          TEXT,
    status          VARCHAR(10)  NOT NULL CHECK (status IN ('UNPAID', 'PAID', 'EXPIRED', 'FAILED', 'REFUND')),
    expires_at      TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL,
    last_checked_at TIMESTAMPTZ,
    instructions    TEXT         NOT NULL DEFAULT '[]',
    CONSTRAINT uq_payment_attempts_merchant_ref UNIQUE (merchant_ref),
    CONSTRAINT uq_payment_attempts_gateway_reference UNIQUE (gateway, reference)
);
CREATE INDEX ix_payment_attempts_invoice ON payment_attempts (invoice_id, created_at DESC);
CREATE INDEX ix_payment_attempts_unpaid_check ON payment_attempts (last_checked_at NULLS FIRST, created_at)
    WHERE status = 'UNPAID';
CREATE TABLE payments (
    id          UUID PRIMARY KEY,
    gateway     VARCHAR(30)  NOT NULL,
    reference   VARCHAR(200) NOT NULL,
    invoice_id  UUID         NOT NULL REFERENCES invoices (id),
    user_id     UUID         NOT NULL REFERENCES users (id),
    method_code VARCHAR(50),
    method_name VARCHAR(200),
    amount      BIGINT       NOT NULL CHECK (amount >= 0),
    total_paid  BIGINT CHECK (total_paid >= 0),
    paid_at     TIMESTAMPTZ,
    recorded_at TIMESTAMPTZ  NOT NULL,
    outcome     VARCHAR(20)  NOT NULL CHECK (outcome IN ('SETTLED_INVOICE', 'CREDITED_TO_WALLET')),
    CONSTRAINT uq_payments_gateway_reference UNIQUE (gateway, reference)
);
CREATE INDEX ix_payments_invoice ON payments (invoice_id);
CREATE INDEX ix_payments_user_paid ON payments (user_id, (COALESCE(paid_at, recorded_at)) DESC);
CREATE INDEX ix_payments_paid ON payments ((COALESCE(paid_at, recorded_at)) DESC);
CREATE TABLE payment_callbacks (
    id           UUID PRIMARY KEY,
    gateway      VARCHAR(30) NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL,
    reference    TEXT,
    merchant_ref TEXT,
    status       TEXT,
    outcome      VARCHAR(40) NOT NULL,
    detail       TEXT,
    raw_body     TEXT
);
CREATE INDEX ix_payment_callbacks_received ON payment_callbacks (received_at DESC);
CREATE INDEX ix_payment_callbacks_reference ON payment_callbacks (reference);

--changeset webrana:0003-wallets
--comment: Wallets and their append-only ledgers; the balance is never negative and equals the ledger's sum.
CREATE TABLE wallets (
    user_id    UUID PRIMARY KEY REFERENCES users (id),
    balance    BIGINT      NOT NULL CHECK (balance >= 0),
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE wallet_entries (
    id            UUID PRIMARY KEY,
    seq           BIGINT GENERATED ALWAYS AS IDENTITY,
    user_id       UUID         NOT NULL REFERENCES wallets (user_id),
    amount        BIGINT       NOT NULL CHECK (amount <> 0),
    type          VARCHAR(15)  NOT NULL
        CHECK (type IN ('DEPOSIT', 'BONUS', 'ORDER_PAYMENT', 'RENEWAL', 'REFUND', 'ADJUSTMENT')),
    reference     VARCHAR(200) NOT NULL,
    description   TEXT,
    actor_type    VARCHAR(20)  NOT NULL,
    actor_id      VARCHAR(100) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    balance_after BIGINT       NOT NULL CHECK (balance_after >= 0),
    CONSTRAINT uq_wallet_entries_user_type_reference UNIQUE (user_id, type, reference),
    CHECK (type NOT IN ('DEPOSIT', 'BONUS', 'REFUND') OR amount > 0),
    CHECK (type NOT IN ('ORDER_PAYMENT', 'RENEWAL') OR amount < 0)
);
CREATE INDEX ix_wallet_entries_user_seq ON wallet_entries (user_id, seq DESC);
