--liquibase formatted sql

--changeset webrana:0001-users
CREATE TABLE users (
    id             UUID PRIMARY KEY,
    email          VARCHAR(254) NOT NULL,
    password_hash  VARCHAR(100) NOT NULL,
    full_name      VARCHAR(100) NOT NULL,
    phone          VARCHAR(20),
    roles          VARCHAR(100) NOT NULL,
    email_verified BOOLEAN      NOT NULL DEFAULT FALSE,
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMPTZ  NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_users_email UNIQUE (email)
);
CREATE TABLE refresh_tokens (
    id         UUID PRIMARY KEY,
    user_id    UUID        NOT NULL REFERENCES users (id),
    family_id  UUID        NOT NULL,
    token_hash CHAR(64)    NOT NULL,
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    rotated_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ,
    CONSTRAINT uq_refresh_tokens_hash UNIQUE (token_hash)
);
CREATE INDEX ix_refresh_tokens_family ON refresh_tokens (family_id);
CREATE TABLE one_time_tokens (
    id         UUID PRIMARY KEY,
    user_id    UUID        NOT NULL REFERENCES users (id),
    purpose    VARCHAR(30) NOT NULL,
    token_hash CHAR(64)    NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    CONSTRAINT uq_one_time_tokens_hash UNIQUE (token_hash)
);

--changeset webrana:0001-catalog
CREATE TABLE vps_images (
    id            UUID PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    distribution  VARCHAR(100),
    provider_slug VARCHAR(100) NOT NULL,
    kind          VARCHAR(10)  NOT NULL,
    active        BOOLEAN      NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0
);
CREATE TABLE vps_plans (
    id          UUID PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    size_slug   VARCHAR(64)  NOT NULL,
    vcpu        INT          NOT NULL CHECK (vcpu > 0),
    memory_mb   INT          NOT NULL CHECK (memory_mb > 0),
    disk_gb     INT          NOT NULL CHECK (disk_gb > 0),
    transfer_tb INT          NOT NULL CHECK (transfer_tb >= 0),
    active      BOOLEAN      NOT NULL,
    sort_order  INT          NOT NULL DEFAULT 0,
    version     BIGINT       NOT NULL DEFAULT 0
);
CREATE TABLE plan_prices (
    plan_id        UUID        NOT NULL REFERENCES vps_plans (id) ON DELETE CASCADE,
    billing_period VARCHAR(10) NOT NULL CHECK (billing_period IN ('DAILY', 'MONTHLY', 'YEARLY')),
    price_idr      BIGINT      NOT NULL CHECK (price_idr > 0),
    PRIMARY KEY (plan_id, billing_period)
);
CREATE TABLE plan_images (
    plan_id  UUID NOT NULL REFERENCES vps_plans (id) ON DELETE CASCADE,
    image_id UUID NOT NULL REFERENCES vps_images (id),
    PRIMARY KEY (plan_id, image_id)
);
CREATE TABLE plan_promos (
    id             UUID PRIMARY KEY,
    plan_id        UUID         NOT NULL REFERENCES vps_plans (id),
    billing_period VARCHAR(10)  NOT NULL,
    name           VARCHAR(100),
    discount_type  VARCHAR(10)  NOT NULL,
    discount_value BIGINT       NOT NULL CHECK (discount_value > 0),
    starts_at      TIMESTAMPTZ  NOT NULL,
    ends_at        TIMESTAMPTZ  NOT NULL,
    active         BOOLEAN      NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE TABLE coupons (
    id               UUID PRIMARY KEY,
    code             VARCHAR(32)   NOT NULL,
    discount_type    VARCHAR(10)   NOT NULL,
    discount_value   BIGINT        NOT NULL CHECK (discount_value > 0),
    max_discount     BIGINT,
    valid_from       TIMESTAMPTZ,
    valid_until      TIMESTAMPTZ,
    total_limit      INT,
    per_user_limit   INT,
    minimum_order    BIGINT,
    allowed_plan_ids VARCHAR(2000) NOT NULL DEFAULT '',
    allowed_periods  VARCHAR(40)   NOT NULL DEFAULT '',
    active           BOOLEAN       NOT NULL,
    redemption_count INT           NOT NULL DEFAULT 0,
    version          BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_coupons_code UNIQUE (code),
    CHECK (total_limit IS NULL OR redemption_count <= total_limit)
);
CREATE TABLE coupon_redemptions (
    id          UUID PRIMARY KEY,
    coupon_id   UUID        NOT NULL REFERENCES coupons (id),
    user_id     UUID        NOT NULL REFERENCES users (id),
    order_id    UUID        NOT NULL,
    redeemed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_coupon_redemptions_coupon_user ON coupon_redemptions (coupon_id, user_id);

--changeset webrana:0001-orders
CREATE TABLE orders (
    id              UUID PRIMARY KEY,
    user_id         UUID         NOT NULL REFERENCES users (id),
    status          VARCHAR(20)  NOT NULL,
    plan_id         UUID         NOT NULL,
    plan_name       VARCHAR(100) NOT NULL,
    size_slug       VARCHAR(64)  NOT NULL,
    vcpu            INT          NOT NULL,
    memory_mb       INT          NOT NULL,
    disk_gb         INT          NOT NULL,
    transfer_tb     INT          NOT NULL,
    image_id        UUID         NOT NULL,
    image_name      VARCHAR(100) NOT NULL,
    image_slug      VARCHAR(100) NOT NULL,
    hostname        VARCHAR(253) NOT NULL,
    region          VARCHAR(20)  NOT NULL,
    billing_period  VARCHAR(10)  NOT NULL,
    base_price      BIGINT       NOT NULL CHECK (base_price >= 0),
    promo_discount  BIGINT       NOT NULL CHECK (promo_discount >= 0),
    promo_name      VARCHAR(100),
    coupon_discount BIGINT       NOT NULL CHECK (coupon_discount >= 0),
    coupon_code     VARCHAR(32),
    final_price     BIGINT       NOT NULL CHECK (final_price >= 0),
    ssh_keys        TEXT         NOT NULL DEFAULT '',
    created_at      TIMESTAMPTZ  NOT NULL,
    payment_due_at  TIMESTAMPTZ  NOT NULL,
    paid_at         TIMESTAMPTZ,
    instance_id     UUID,
    failure_code    VARCHAR(50),
    failure_message TEXT,
    version         BIGINT       NOT NULL DEFAULT 0,
    CHECK (final_price = base_price - promo_discount - coupon_discount)
);
CREATE INDEX ix_orders_status_created ON orders (status, created_at DESC);
CREATE INDEX ix_orders_user_created ON orders (user_id, created_at DESC);
CREATE INDEX ix_orders_created ON orders (created_at DESC);
CREATE INDEX ix_orders_pending_due ON orders (payment_due_at) WHERE status = 'PENDING_PAYMENT';
CREATE TABLE order_status_history (
    id          UUID PRIMARY KEY,
    order_id    UUID         NOT NULL REFERENCES orders (id),
    seq         INT          NOT NULL,
    from_status VARCHAR(20),
    to_status   VARCHAR(20)  NOT NULL,
    actor_type  VARCHAR(20)  NOT NULL,
    actor_id    VARCHAR(100) NOT NULL,
    reason      TEXT,
    changed_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT uq_order_status_history_seq UNIQUE (order_id, seq)
);

--changeset webrana:0001-provisioning
CREATE TABLE provisioning_tasks (
    id                 UUID PRIMARY KEY,
    order_id           UUID        NOT NULL REFERENCES orders (id),
    status             VARCHAR(30) NOT NULL,
    provider_server_id VARCHAR(64),
    attempts           INT         NOT NULL DEFAULT 0,
    next_attempt_at    TIMESTAMPTZ NOT NULL,
    deadline           TIMESTAMPTZ NOT NULL,
    last_error         TEXT,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT uq_provisioning_tasks_order UNIQUE (order_id)
);
CREATE INDEX ix_provisioning_tasks_due ON provisioning_tasks (next_attempt_at)
    WHERE status IN ('PENDING', 'WAITING_FOR_SERVER');
CREATE TABLE instances (
    id                  UUID PRIMARY KEY,
    order_id            UUID        NOT NULL REFERENCES orders (id),
    user_id             UUID        NOT NULL REFERENCES users (id),
    provider            VARCHAR(30) NOT NULL,
    provider_server_id  VARCHAR(64) NOT NULL,
    hostname            VARCHAR(253),
    region              VARCHAR(20),
    size_slug           VARCHAR(64),
    image_slug          VARCHAR(100),
    ipv4                VARCHAR(15),
    ipv6                VARCHAR(45),
    status              VARCHAR(20) NOT NULL,
    provider_created_at TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL,
    expires_at          TIMESTAMPTZ,
    version             BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT uq_instances_order UNIQUE (order_id),
    CONSTRAINT uq_instances_provider_server UNIQUE (provider, provider_server_id)
);
CREATE INDEX ix_instances_user ON instances (user_id);

--changeset webrana:0001-notification-outbox
CREATE TABLE notification_outbox (
    id         UUID PRIMARY KEY,
    template   VARCHAR(60)  NOT NULL,
    channel    VARCHAR(20)  NOT NULL,
    recipient  VARCHAR(254) NOT NULL,
    locale     VARCHAR(10)  NOT NULL,
    variables  TEXT         NOT NULL,
    dedupe_key VARCHAR(200) NOT NULL,
    status     VARCHAR(20)  NOT NULL,
    attempts   INT          NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ  NOT NULL,
    sent_at    TIMESTAMPTZ,
    last_error TEXT,
    CONSTRAINT uq_notification_outbox_dedupe UNIQUE (dedupe_key)
);
CREATE INDEX ix_notification_outbox_pending ON notification_outbox (created_at) WHERE status = 'PENDING';
