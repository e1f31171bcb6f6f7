-- Transactional outbox: rows are written in the same transaction as the state change they announce.
CREATE TABLE IF NOT EXISTS outbox_messages (
    id              uuid PRIMARY KEY,
    message_type    text        NOT NULL,
    payload         jsonb       NOT NULL,
    correlation_id  text        NULL,
    created_at      timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    sent_at         timestamptz NULL,
    last_error      text        NULL
);
CREATE INDEX IF NOT EXISTS ix_outbox_messages_pending
    ON outbox_messages (next_attempt_at, created_at) WHERE sent_at IS NULL;

-- Idempotent inbox: a consumer acts on a message id once; the row commits with the consumer's own changes.
CREATE TABLE IF NOT EXISTS inbox_messages (
    message_id   uuid        NOT NULL,
    consumer     text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (message_id, consumer)
);
