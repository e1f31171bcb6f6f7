CREATE TABLE accounts (
    id                            uuid PRIMARY KEY,
    username                      text        NOT NULL,
    username_normalized           text        NOT NULL,
    phone_encrypted               text,
    phone_hash                    text,
    password_hash                 text        NOT NULL,
    role                          text        NOT NULL,
    display_name                  text        NOT NULL,
    totp_secret_encrypted         text,
    pending_totp_secret_encrypted text,
    last_totp_step                bigint      NOT NULL DEFAULT -1,
    sms_mfa_enabled               boolean     NOT NULL DEFAULT false,
    created_at                    timestamptz NOT NULL,
    closed_at                     timestamptz
);
CREATE UNIQUE INDEX ix_accounts_username_normalized ON accounts (username_normalized);
CREATE UNIQUE INDEX ix_accounts_phone_hash ON accounts (phone_hash) WHERE phone_hash IS NOT NULL;

CREATE TABLE login_throttles (
    key_hash          text PRIMARY KEY,
    failures          integer     NOT NULL,
    window_started_at timestamptz NOT NULL,
    locked_until      timestamptz
);

CREATE TABLE sms_codes (
    id              uuid PRIMARY KEY,
    phone_hash      text        NOT NULL,
    purpose         text        NOT NULL,
    code_hash       text        NOT NULL,
    requester_hash  text        NOT NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    failed_attempts integer     NOT NULL DEFAULT 0,
    consumed_at     timestamptz
);
CREATE INDEX ix_sms_codes_phone ON sms_codes (phone_hash, created_at);
CREATE INDEX ix_sms_codes_requester ON sms_codes (requester_hash, created_at);

CREATE TABLE refresh_tokens (
    id         uuid PRIMARY KEY,
    token_hash text        NOT NULL,
    family_id  uuid        NOT NULL,
    account_id uuid        NOT NULL REFERENCES accounts (id),
    client_id  text        NOT NULL,
    amr        text        NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    revoked_at timestamptz
);
CREATE UNIQUE INDEX ix_refresh_tokens_token_hash ON refresh_tokens (token_hash);
CREATE INDEX ix_refresh_tokens_family_id ON refresh_tokens (family_id);
CREATE INDEX ix_refresh_tokens_account_id ON refresh_tokens (account_id);

CREATE TABLE signing_keys (
    kid                   text PRIMARY KEY,
    private_key_encrypted text        NOT NULL,
    public_key            text        NOT NULL,
    created_at            timestamptz NOT NULL,
    activates_at          timestamptz NOT NULL,
    signing_ends_at       timestamptz NOT NULL
);

CREATE TABLE agreements (
    id           uuid PRIMARY KEY,
    kind         text        NOT NULL,
    version      text        NOT NULL,
    title        text        NOT NULL,
    body         text        NOT NULL,
    published_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX ix_agreements_kind_version ON agreements (kind, version);

CREATE TABLE agreement_consents (
    id          uuid PRIMARY KEY,
    account_id  uuid        NOT NULL REFERENCES accounts (id),
    kind        text        NOT NULL,
    version     text        NOT NULL,
    accepted_at timestamptz NOT NULL,
    channel     text        NOT NULL,
    ip_address  text        NOT NULL
);
CREATE INDEX ix_agreement_consents_account_id ON agreement_consents (account_id);

CREATE TABLE patients (
    id                  uuid PRIMARY KEY,
    account_id          uuid        NOT NULL REFERENCES accounts (id),
    relation            text        NOT NULL,
    name                text        NOT NULL,
    id_type             text        NOT NULL,
    id_number_encrypted text        NOT NULL,
    id_number_hash      text        NOT NULL,
    phone_encrypted     text        NOT NULL,
    gender              text        NOT NULL,
    birth_date          date        NOT NULL,
    verified_by         text        NOT NULL,
    verified_at         timestamptz NOT NULL,
    guardian_consent    boolean     NOT NULL DEFAULT false,
    sharing_consent     boolean     NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL
);
CREATE INDEX ix_patients_account_id ON patients (account_id);
CREATE UNIQUE INDEX ix_patients_account_id_id_number_hash ON patients (account_id, id_number_hash);
CREATE INDEX ix_patients_id_number_hash ON patients (id_number_hash);
CREATE UNIQUE INDEX ix_patients_one_self ON patients (account_id) WHERE relation = 'self';
