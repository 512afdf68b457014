-- Raadsbudget store, schema version 2: benchmark data for comparing with peers.
--
-- RELEASED: never edit this file. Change the schema by adding a new migration file
-- (see docs/store.md). Its sha256 is recorded in migrations/CHECKSUMS and checked by a test.

-- A loaded bundle (its waarden.csv): where it came from and when it was loaded. Kept apart
-- from the organisation's own entries, read-only; removing a source removes its submissions
-- and values (ON DELETE CASCADE).
CREATE TABLE benchmark_sources (
    id             INTEGER NOT NULL PRIMARY KEY,
    path           TEXT NOT NULL CHECK (length(path) > 0),
    sha256         TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    loaded_at      TEXT NOT NULL,
    loaded_by      TEXT NOT NULL CHECK (length(loaded_by) > 0),
    register_path  TEXT
) STRICT;

-- One accepted submission of the bundle: an organisation in an uitvraag. An uitvraag of an
-- organisation is loaded from one source only.
CREATE TABLE benchmark_submissions (
    id            INTEGER NOT NULL PRIMARY KEY,
    source        INTEGER NOT NULL REFERENCES benchmark_sources (id) ON DELETE CASCADE,
    organisation  TEXT NOT NULL
                  CHECK (organisation GLOB 'GM[0-9][0-9][0-9][0-9]'
                      OR organisation GLOB 'PV[0-9][0-9]'
                      OR organisation GLOB 'WS[0-9][0-9][0-9][0-9]'),
    naam          TEXT NOT NULL CHECK (length(trim(naam)) > 0),
    uitvraag      INTEGER NOT NULL CHECK (uitvraag BETWEEN 0 AND 65535),
    provincie     TEXT,
    definities    TEXT NOT NULL CHECK (length(definities) > 0),
    UNIQUE (uitvraag, organisation)
) STRICT;

CREATE INDEX benchmark_submissions_by_source ON benchmark_submissions (source);

-- The values of a submission, as in the records table: canonical text or a reason.
CREATE TABLE benchmark_values (
    submission   INTEGER NOT NULL REFERENCES benchmark_submissions (id) ON DELETE CASCADE,
    jaar         INTEGER NOT NULL CHECK (jaar BETWEEN 0 AND 65535),
    fase         TEXT NOT NULL CHECK (fase IN ('kenmerk', 'begroting', 'realisatie')),
    post         TEXT NOT NULL CHECK (length(post) > 0),
    waarde       TEXT CHECK (waarde IS NULL OR length(waarde) > 0),
    reden        TEXT CHECK (reden IS NULL OR reden IN ('nvt', 'onbekend')),
    toelichting  TEXT NOT NULL,
    PRIMARY KEY (submission, jaar, fase, post),
    CHECK ((waarde IS NULL) <> (reden IS NULL))
) STRICT, WITHOUT ROWID;

CREATE TRIGGER benchmark_sources_read_only BEFORE UPDATE ON benchmark_sources
BEGIN
    SELECT RAISE(ABORT, 'benchmarkgegevens zijn alleen-lezen: verwijder de bron en laad haar opnieuw');
END;

CREATE TRIGGER benchmark_submissions_read_only BEFORE UPDATE ON benchmark_submissions
BEGIN
    SELECT RAISE(ABORT, 'benchmarkgegevens zijn alleen-lezen: verwijder de bron en laad haar opnieuw');
END;

CREATE TRIGGER benchmark_values_read_only BEFORE UPDATE ON benchmark_values
BEGIN
    SELECT RAISE(ABORT, 'benchmarkgegevens zijn alleen-lezen: verwijder de bron en laad haar opnieuw');
END;

-- Hand-picked peer groups, saved by name: the codes, comma-separated and sorted.
CREATE TABLE peer_lists (
    name      TEXT NOT NULL PRIMARY KEY CHECK (length(trim(name)) > 0),
    codes     TEXT NOT NULL,
    saved_at  TEXT NOT NULL
) STRICT;
