-- Registry state. The registry core keeps all of it in memory and reads this only at start-up; every write
-- is one transaction, committed before the in-memory index changes.

-- One row per global schema id. identity_hash is a stable 64-bit hash of (schema_type, schema_text,
-- references): the index that finds "is this schema already registered" without scanning.
CREATE TABLE schemas (
    id            INTEGER PRIMARY KEY,
    schema_type   TEXT    NOT NULL,
    schema_text   TEXT    NOT NULL,
    identity_hash INTEGER NOT NULL
);
CREATE INDEX schemas_by_identity_hash ON schemas (identity_hash);

-- References of a schema, in the order they were given, with concrete versions (-1 is resolved before storing).
CREATE TABLE schema_references (
    schema_id INTEGER NOT NULL REFERENCES schemas (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    name      TEXT    NOT NULL,
    subject   TEXT    NOT NULL,
    version   INTEGER NOT NULL,
    PRIMARY KEY (schema_id, position)
) WITHOUT ROWID;
CREATE INDEX schema_references_by_target ON schema_references (subject, version);

-- Versions of each subject; soft-deleted versions stay with deleted = 1 so numbers are never reused.
CREATE TABLE subject_versions (
    subject   TEXT    NOT NULL,
    version   INTEGER NOT NULL,
    schema_id INTEGER NOT NULL REFERENCES schemas (id),
    deleted   INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    PRIMARY KEY (subject, version)
) WITHOUT ROWID;
CREATE INDEX subject_versions_by_schema ON subject_versions (schema_id);

-- Compatibility level and mode; scope '' is the global setting (subject names are never empty).
CREATE TABLE compatibility_levels (
    scope TEXT PRIMARY KEY,
    level TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE modes (
    scope TEXT PRIMARY KEY,
    mode  TEXT NOT NULL
) WITHOUT ROWID;

-- Counters that must outlive the rows they counted: max_schema_id keeps ids from being reused after a
-- permanent delete.
CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counters (name, value) VALUES ('max_schema_id', 0);
