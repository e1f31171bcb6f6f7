ALTER TABLE accounts ADD COLUMN we_chat_open_id_hash text;
ALTER TABLE accounts ADD COLUMN we_chat_open_id_encrypted text;
CREATE UNIQUE INDEX ix_accounts_we_chat_open_id_hash ON accounts (we_chat_open_id_hash) WHERE we_chat_open_id_hash IS NOT NULL;

CREATE TABLE wechat_bind_tokens (
    token_hash        text PRIMARY KEY,
    open_id_encrypted text        NOT NULL,
    created_at        timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL,
    used_at           timestamptz
);
