-- The W3C traceparent of the work that wrote the row; the dispatcher publishes inside that trace.
ALTER TABLE outbox_messages ADD COLUMN IF NOT EXISTS trace_parent varchar(55) NULL;
