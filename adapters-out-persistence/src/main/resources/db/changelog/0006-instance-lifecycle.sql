--liquibase formatted sql

--changeset webrana:0006-instance-lifecycle
--comment: The paid life of an instance (period, renewal price, auto-renew, suspension, termination) and when the lifecycle scheduler looks at it next; existing rows are backfilled from their order.
ALTER TABLE instances
    ADD COLUMN period            VARCHAR(10),
    ADD COLUMN renewal_price     BIGINT,
    ADD COLUMN auto_renew        BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN suspension        VARCHAR(20),
    ADD COLUMN suspended_at      TIMESTAMPTZ,
    ADD COLUMN terminated_at     TIMESTAMPTZ,
    ADD COLUMN status_reason     TEXT,
    ADD COLUMN next_lifecycle_at TIMESTAMPTZ,
    ADD COLUMN agent_token_hash  VARCHAR(64),
    -- the agent trades the secret of the user data for its own: pending until first used
    ADD COLUMN agent_token_pending_hash VARCHAR(64),
    ADD COLUMN agent_token_rotated BOOLEAN NOT NULL DEFAULT FALSE;
-- what the customer ordered is what a renewal costs (the list price, without the one-off discounts of the order)
UPDATE instances i SET period = o.billing_period, renewal_price = o.base_price FROM orders o WHERE o.id = i.order_id;
-- the power state is read from the provider now: OFF was a power state, not a lifecycle state
UPDATE instances SET status = 'ACTIVE' WHERE status = 'OFF';
-- one period from creation, in UTC calendar terms like BillingPeriod.addTo
UPDATE instances SET expires_at = (created_at AT TIME ZONE 'UTC' + CASE period
        WHEN 'DAILY' THEN INTERVAL '1 day'
        WHEN 'YEARLY' THEN INTERVAL '1 year'
        ELSE INTERVAL '1 month' END) AT TIME ZONE 'UTC'
    WHERE expires_at IS NULL;
-- nobody could renew before this change set: a live server whose paid time is over (or nearly) gets seven days
-- from the upgrade to pay its renewal, with the reminders, instead of being suspended on upgrade day
UPDATE instances SET expires_at = GREATEST(expires_at, now() + INTERVAL '7 days') WHERE status = 'ACTIVE';
-- a suspension from before this change set has no known reason: it waits for an operator
UPDATE instances SET suspension = 'OPERATOR', suspended_at = now(),
        status_reason = 'suspended before suspensions were tracked'
    WHERE status = 'SUSPENDED';
UPDATE instances SET terminated_at = now(), status_reason = 'terminated before terminations were tracked'
    WHERE status = 'TERMINATED';
-- the scheduler looks at every live instance once after the upgrade
UPDATE instances SET next_lifecycle_at = now() WHERE status <> 'TERMINATED';
ALTER TABLE instances
    ALTER COLUMN period SET NOT NULL,
    ALTER COLUMN renewal_price SET NOT NULL,
    ALTER COLUMN expires_at SET NOT NULL,
    ADD CONSTRAINT ck_instances_status CHECK (status IN ('ACTIVE', 'SUSPENDED', 'TERMINATED')),
    ADD CONSTRAINT ck_instances_period CHECK (period IN ('DAILY', 'MONTHLY', 'YEARLY')),
    ADD CONSTRAINT ck_instances_renewal_price CHECK (renewal_price >= 0),
    ADD CONSTRAINT ck_instances_suspension CHECK (suspension IN ('NON_PAYMENT', 'OPERATOR')),
    ADD CONSTRAINT ck_instances_suspended
        CHECK (status <> 'SUSPENDED' OR (suspension IS NOT NULL AND suspended_at IS NOT NULL)),
    ADD CONSTRAINT ck_instances_terminated CHECK (status <> 'TERMINATED' OR terminated_at IS NOT NULL);
-- the lifecycle claim: due live instances, oldest due first (InstanceRepository.claimDueForLifecycle)
CREATE INDEX ix_instances_lifecycle_due ON instances (next_lifecycle_at) WHERE status <> 'TERMINATED';
CREATE INDEX ix_instances_created ON instances (created_at DESC);

--changeset webrana:0006-instance-actions
--comment: Actions asked of servers (power, password reset, console), followed until they end; at most one in progress per server.
CREATE TABLE instance_actions (
    id                 UUID PRIMARY KEY,
    instance_id        UUID         NOT NULL REFERENCES instances (id),
    type               VARCHAR(30)  NOT NULL,
    status             VARCHAR(20)  NOT NULL CHECK (status IN ('IN_PROGRESS', 'COMPLETED', 'ERRORED')),
    provider_action_id VARCHAR(64),
    requested_by_type  VARCHAR(20)  NOT NULL,
    requested_by_id    VARCHAR(100) NOT NULL,
    requested_at       TIMESTAMPTZ  NOT NULL,
    completed_at       TIMESTAMPTZ,
    error              TEXT,
    version            BIGINT       NOT NULL DEFAULT 0,
    CHECK ((status = 'IN_PROGRESS') = (completed_at IS NULL))
);
-- the rule of one action at a time per server: a second concurrent insert fails (mapped to ACTION_IN_PROGRESS)
CREATE UNIQUE INDEX ux_instance_actions_one_in_progress ON instance_actions (instance_id) WHERE status = 'IN_PROGRESS';
CREATE INDEX ix_instance_actions_instance_requested ON instance_actions (instance_id, requested_at DESC);

--changeset webrana:0006-instance-events
--comment: The history (audit trail) of each instance; a lifecycle step key is recorded once per instance.
CREATE TABLE instance_events (
    id          UUID PRIMARY KEY,
    seq         BIGINT       GENERATED ALWAYS AS IDENTITY,
    instance_id UUID         NOT NULL REFERENCES instances (id),
    type        VARCHAR(40)  NOT NULL,
    actor_type  VARCHAR(20)  NOT NULL,
    actor_id    VARCHAR(100) NOT NULL,
    detail      TEXT,
    step_key    VARCHAR(200),
    at          TIMESTAMPTZ  NOT NULL,
    -- NULL keys are distinct: any number of plain history lines
    CONSTRAINT uq_instance_events_step UNIQUE (instance_id, step_key)
);
CREATE INDEX ix_instance_events_instance_at ON instance_events (instance_id, at DESC, seq DESC);

--changeset webrana:0006-server-credentials
--comment: Root passwords on their way to the owner (shown once) or to the agent on the server, wiped once delivered.
CREATE TABLE server_credentials (
    id           UUID PRIMARY KEY,
    instance_id  UUID        NOT NULL REFERENCES instances (id),
    kind         VARCHAR(10) NOT NULL CHECK (kind IN ('INITIAL', 'RESET')),
    action_id    UUID REFERENCES instance_actions (id),
    secret       TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    revealed_at  TIMESTAMPTZ,
    delivered_at TIMESTAMPTZ
);
CREATE INDEX ix_server_credentials_instance ON server_credentials (instance_id, kind, created_at DESC);
CREATE INDEX ix_server_credentials_action ON server_credentials (action_id) WHERE action_id IS NOT NULL;

--changeset webrana:0006-provisioning-task-secrets
--comment: The root password and agent secret chosen before the server is created, kept until the instance exists.
ALTER TABLE provisioning_tasks
    ADD COLUMN root_password TEXT,
    ADD COLUMN agent_token   TEXT;
