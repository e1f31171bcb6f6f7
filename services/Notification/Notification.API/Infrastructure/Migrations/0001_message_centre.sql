-- Who acts for whom: from Identity's patient events. The phone is encrypted (AES-GCM, Platform.Security).
CREATE TABLE patient_accounts (
    patient_id      uuid        NOT NULL,
    account_id      uuid        NOT NULL,
    patient_name    text        NOT NULL DEFAULT '',
    phone_encrypted text        NULL,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (patient_id, account_id)
);
CREATE INDEX ix_patient_accounts_account_id ON patient_accounts (account_id);

CREATE TABLE wechat_bindings (
    account_id uuid PRIMARY KEY,
    open_id    text        NOT NULL,
    bound_at   timestamptz NOT NULL
);
CREATE UNIQUE INDEX ix_wechat_bindings_open_id ON wechat_bindings (open_id);

CREATE TABLE wechat_followers (
    open_id    text PRIMARY KEY,
    subscribed boolean     NOT NULL,
    changed_at timestamptz NOT NULL
);

CREATE TABLE notification_preferences (
    account_id  uuid PRIMARY KEY,
    in_app      boolean     NOT NULL DEFAULT true,
    we_chat     boolean     NOT NULL DEFAULT true,
    sms         boolean     NOT NULL DEFAULT true,
    quiet_start time        NULL,
    quiet_end   time        NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE messages (
    id              uuid PRIMARY KEY,
    account_id      uuid        NOT NULL,
    patient_id      uuid        NULL,
    source_event_id uuid        NOT NULL,
    category        text        NOT NULL,
    title           text        NOT NULL,
    body            text        NOT NULL,
    link            text        NULL,
    severity        text        NOT NULL CHECK (severity IN ('normal', 'important', 'critical')),
    created_at      timestamptz NOT NULL,
    read_at         timestamptz NULL
);
-- One message per event, account and patient, however often the event is delivered.
CREATE UNIQUE INDEX ix_messages_source ON messages (source_event_id, account_id, COALESCE(patient_id, '00000000-0000-0000-0000-000000000000'));
CREATE INDEX ix_messages_account_created ON messages (account_id, created_at DESC, id DESC);
CREATE INDEX ix_messages_account_unread ON messages (account_id) WHERE read_at IS NULL;

CREATE TABLE deliveries (
    id              uuid PRIMARY KEY,
    message_id      uuid        NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    channel         text        NOT NULL CHECK (channel IN ('in-app', 'wechat', 'sms')),
    status          text        NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz NULL,
    last_error      text        NULL
);
-- A channel carries a message at most once.
CREATE UNIQUE INDEX ix_deliveries_message_channel ON deliveries (message_id, channel);
CREATE INDEX ix_deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
