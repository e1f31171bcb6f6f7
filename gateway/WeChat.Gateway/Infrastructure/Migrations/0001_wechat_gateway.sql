-- Callbacks already handled: WeChat retries a callback up to three times, and any replica may get each try.
CREATE TABLE processed_callbacks (
    dedup_key   text PRIMARY KEY,
    open_id     text        NOT NULL,
    msg_type    text        NOT NULL,
    received_at timestamptz NOT NULL
);
CREATE INDEX ix_processed_callbacks_received_at ON processed_callbacks (received_at);

CREATE TABLE wechat_users (
    open_id             text PRIMARY KEY,
    union_id            text        NULL,
    nickname            text        NULL,
    head_image_url      text        NULL,
    subscribed          boolean     NOT NULL DEFAULT false,
    subscribed_at       timestamptz NULL,
    unsubscribed_at     timestamptz NULL,
    last_interaction_at timestamptz NULL,
    updated_at          timestamptz NOT NULL
);

-- The account's access_token and jsapi_ticket, shared by every replica; refreshed under an advisory lock.
CREATE TABLE wechat_credentials (
    name        text PRIMARY KEY,
    value       text        NOT NULL,
    obtained_at timestamptz NOT NULL,
    refresh_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);

CREATE TABLE oauth_states (
    state      text PRIMARY KEY,
    return_url text        NOT NULL,
    scope      text        NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz NULL
);

-- One-time tickets handed to the H5 app after OAuth; only their SHA-256 is kept.
CREATE TABLE oauth_tickets (
    ticket_hash    text PRIMARY KEY,
    open_id        text        NOT NULL,
    union_id       text        NULL,
    nickname       text        NULL,
    head_image_url text        NULL,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    redeemed_at    timestamptz NULL
);

-- Every message the gateway was asked to send, keyed by the requester's MessageId, so none goes out twice.
CREATE TABLE sent_messages (
    message_id     uuid PRIMARY KEY,
    kind           text        NOT NULL,
    open_id        text        NOT NULL,
    client_msg_id  text        NULL,
    status         text        NOT NULL,
    wechat_msg_id  bigint      NULL,
    attempts       integer     NOT NULL DEFAULT 0,
    err_code       integer     NULL,
    err_msg        text        NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);
