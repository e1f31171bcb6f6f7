CREATE TABLE departments (
    id         uuid PRIMARY KEY,
    code       text        NOT NULL,
    name       text        NOT NULL,
    campus     text        NOT NULL,
    building   text        NOT NULL DEFAULT '',
    floor      text        NOT NULL DEFAULT '',
    phone      text        NOT NULL DEFAULT '',
    summary    text        NOT NULL DEFAULT '',
    sort_order integer     NOT NULL DEFAULT 0,
    version    integer     NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX ix_departments_code ON departments (code);
