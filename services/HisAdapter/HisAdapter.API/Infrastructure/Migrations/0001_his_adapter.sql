CREATE TABLE patient_links (
    patient_id     uuid PRIMARY KEY,
    his_patient_id text        NOT NULL,
    linked_at      timestamptz NOT NULL
);
CREATE INDEX ix_patient_links_his_patient_id ON patient_links (his_patient_id);

CREATE TABLE his_commands (
    id              uuid PRIMARY KEY,
    kind            text        NOT NULL,
    command_key     text        NOT NULL,
    payload         jsonb       NOT NULL,
    status          text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL,
    completed_at    timestamptz
);
CREATE UNIQUE INDEX ix_his_commands_command_key ON his_commands (command_key);
CREATE INDEX ix_his_commands_due ON his_commands (next_attempt_at) WHERE status = 'pending';

CREATE TABLE his_appointments (
    appointment_id     uuid PRIMARY KEY,
    patient_id         uuid        NOT NULL,
    slot_his_id        text        NOT NULL,
    his_appointment_id text,
    status             text        NOT NULL,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX ix_his_appointments_slot ON his_appointments (slot_his_id);

CREATE TABLE synced_resources (
    kind   text NOT NULL,
    his_id text NOT NULL,
    hash   text NOT NULL,
    PRIMARY KEY (kind, his_id)
);

CREATE TABLE synced_slots (
    his_id          text PRIMARY KEY,
    schedule_his_id text        NOT NULL,
    day             date        NOT NULL,
    start_at        timestamptz NOT NULL,
    end_at          timestamptz NOT NULL,
    status          text        NOT NULL,
    version_id      text        NOT NULL,
    hash            text        NOT NULL
);
CREATE INDEX ix_synced_slots_schedule_day ON synced_slots (schedule_his_id, day);

CREATE TABLE sync_marks (
    resource_type text PRIMARY KEY,
    high_water    text        NOT NULL,
    updated_at    timestamptz NOT NULL
);

CREATE TABLE push_deliveries (
    delivery_id text PRIMARY KEY,
    event_type  text        NOT NULL,
    received_at timestamptz NOT NULL
);
