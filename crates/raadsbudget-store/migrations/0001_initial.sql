-- Raadsbudget store, schema version 1.
--
-- RELEASED: never edit this file. Change the schema by adding a new migration file
-- (see docs/store.md). Its sha256 is recorded in migrations/CHECKSUMS and checked by a test.
--
-- Runs inside one transaction; the migrator sets PRAGMA user_version afterwards.
-- Connection settings (journal_mode, synchronous, foreign_keys, busy_timeout) are set at
-- open time, not here.

-- Marks the file as a Raadsbudget database ('RBDG').
PRAGMA application_id = 1380074567;

-- Organisations kept in this store. The type follows from the code's prefix; it is stored
-- so that the file can be read without the application.
CREATE TABLE organisations (
    code        TEXT NOT NULL PRIMARY KEY
                CHECK (code GLOB 'GM[0-9][0-9][0-9][0-9]'
                    OR code GLOB 'PV[0-9][0-9]'
                    OR code GLOB 'WS[0-9][0-9][0-9][0-9]'),
    naam        TEXT NOT NULL CHECK (length(trim(naam)) > 0),
    type        TEXT NOT NULL CHECK (type IN ('gemeente', 'provincie', 'waterschap')),
    created_at  TEXT NOT NULL
) STRICT;

-- The current entry of each (organisation, jaar, fase, post): a value as canonical text
-- (never a floating-point number) or a reason why there is none.
CREATE TABLE records (
    organisation TEXT NOT NULL REFERENCES organisations (code),
    jaar         INTEGER NOT NULL CHECK (jaar BETWEEN 0 AND 65535),
    fase         TEXT NOT NULL CHECK (fase IN ('kenmerk', 'begroting', 'realisatie')),
    post         TEXT NOT NULL CHECK (length(post) > 0),
    waarde       TEXT CHECK (waarde IS NULL OR length(waarde) > 0),
    reden        TEXT CHECK (reden IS NULL OR reden IN ('nvt', 'onbekend')),
    toelichting  TEXT NOT NULL,
    definities   TEXT NOT NULL CHECK (length(definities) > 0),
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (organisation, jaar, fase, post),
    CHECK ((waarde IS NULL) <> (reden IS NULL))
) STRICT;

-- Benchmark files written (or read in) per uitvraag.
CREATE TABLE exports (
    id           INTEGER NOT NULL PRIMARY KEY,
    organisation TEXT NOT NULL REFERENCES organisations (code),
    uitvraag     INTEGER NOT NULL CHECK (uitvraag BETWEEN 0 AND 65535),
    revisie      INTEGER NOT NULL CHECK (revisie BETWEEN 0 AND 4294967295),
    moment       TEXT NOT NULL,
    file_name    TEXT NOT NULL CHECK (length(file_name) > 0),
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    concept      INTEGER NOT NULL CHECK (concept IN (0, 1))
) STRICT;

-- A revisie is handed in once; drafts (concept) may repeat.
CREATE UNIQUE INDEX exports_final_revisie
    ON exports (organisation, uitvraag, revisie) WHERE concept = 0;

CREATE INDEX exports_by_uitvraag ON exports (organisation, uitvraag);

-- Append-only log of every change. kind 'record': a change of one entry, with the state
-- before (old_*) and after (new_*); all four old_* (or new_*) columns NULL means "no entry".
-- kind 'organisation': an organisation was added (jaar, fase, post and old/new are NULL).
-- An undo is a new row whose `undoes` names the row it reverses.
CREATE TABLE audit_log (
    id               INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    moment           TEXT NOT NULL,
    actor            TEXT NOT NULL CHECK (length(actor) > 0),
    organisation     TEXT NOT NULL REFERENCES organisations (code),
    kind             TEXT NOT NULL CHECK (kind IN ('record', 'organisation')),
    jaar             INTEGER CHECK (jaar IS NULL OR jaar BETWEEN 0 AND 65535),
    fase             TEXT CHECK (fase IS NULL OR fase IN ('kenmerk', 'begroting', 'realisatie')),
    post             TEXT CHECK (post IS NULL OR length(post) > 0),
    old_waarde       TEXT,
    old_reden        TEXT CHECK (old_reden IS NULL OR old_reden IN ('nvt', 'onbekend')),
    old_toelichting  TEXT,
    old_definities   TEXT,
    new_waarde       TEXT,
    new_reden        TEXT CHECK (new_reden IS NULL OR new_reden IN ('nvt', 'onbekend')),
    new_toelichting  TEXT,
    new_definities   TEXT,
    reason           TEXT,
    undoes           INTEGER REFERENCES audit_log (id),
    CHECK (kind <> 'record' OR (jaar IS NOT NULL AND fase IS NOT NULL AND post IS NOT NULL)),
    CHECK (kind <> 'organisation' OR (jaar IS NULL AND fase IS NULL AND post IS NULL
        AND old_definities IS NULL AND new_definities IS NULL AND undoes IS NULL)),
    CHECK (old_waarde IS NULL OR old_reden IS NULL),
    CHECK ((old_waarde IS NULL AND old_reden IS NULL) = (old_definities IS NULL)),
    CHECK ((old_definities IS NULL) = (old_toelichting IS NULL)),
    CHECK (new_waarde IS NULL OR new_reden IS NULL),
    CHECK ((new_waarde IS NULL AND new_reden IS NULL) = (new_definities IS NULL)),
    CHECK ((new_definities IS NULL) = (new_toelichting IS NULL))
) STRICT;

CREATE INDEX audit_log_by_organisation ON audit_log (organisation, id);

CREATE INDEX audit_log_by_post ON audit_log (organisation, post, jaar, fase);

-- A change is undone at most once.
CREATE UNIQUE INDEX audit_log_undoes ON audit_log (undoes) WHERE undoes IS NOT NULL;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'het auditlog kan alleen worden aangevuld: een regel wijzigen is niet toegestaan');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'het auditlog kan alleen worden aangevuld: een regel verwijderen is niet toegestaan');
END;

-- Settings of this store, such as the user name for the audit log.
CREATE TABLE settings (
    key   TEXT NOT NULL PRIMARY KEY CHECK (length(key) > 0),
    value TEXT NOT NULL
) STRICT;
