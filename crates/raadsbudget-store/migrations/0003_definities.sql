-- Raadsbudget store, schema version 3: catalogues of definitions added at run time.
--
-- RELEASED: never edit this file. Change the schema by adding a new migration file
-- (see docs/store.md). Its sha256 is recorded in migrations/CHECKSUMS and checked by a test.

-- A catalogue file (TOML) added with `raadsbudget definities toevoegen` or in the app: a
-- version newer than those the program has built in. Kept with the store so that values
-- entered under it stay readable; loaded every time the store opens. A version never
-- changes: the sha256 of its text is shown when it is added, to compare with the one BZK
-- announced.
CREATE TABLE catalogues (
    versie     TEXT NOT NULL PRIMARY KEY
               CHECK (versie GLOB '[0-9][0-9][0-9][0-9].[0-9]*' AND versie NOT GLOB '*[^0-9.]*'),
    sha256     TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    tekst      TEXT NOT NULL CHECK (length(tekst) > 0),
    added_at   TEXT NOT NULL,
    added_by   TEXT NOT NULL CHECK (length(added_by) > 0)
) STRICT;
