#!/usr/bin/env python3
"""PEER FOR COMPARISON ONLY -- NOT PART OF RAADSBUDGET.

What a data engineer would write in DuckDB to get the headline figures out of a pile of BZK
benchmark files (format `bzk-raadsondersteuning/1`), so that `bench/run` can say how the
product compares (docs/performance.md, issue 11). Nothing in the product calls it, imports it
or ships it; its output is not a published format.

It does much less than `raadsbudget bundel`, all in its own favour:

* every file is read with one shared schema in one call,
  `read_csv([...], all_varchar=true, union_by_name=false)`: no per-file header check, no
  encoding or delimiter tolerance, no findings, no line numbers, no checksums;
* per (organisation, uitvraagjaar) the highest revisie wins, then the latest aangemaakt_op
  (no `dubbel`, no conflicts);
* from the winning files: the kernbudget per category and in total (the catalogue's
  kernbudget posts, read from assets/definities/2026.1.toml with tomllib; a category with a
  required post that is `onbekend` has none; a missing post is not looked for, the demo files
  are complete), per inwoner, the CBS grootteklasse, and n / min / p25 / median /
  p75 / max / mean of the kernbudget per inwoner per jaar x fase x category x grootteklasse
  (`quantile_cont`, the PERCENTIEL.INC rule), written as two CSV files.

No validation, no waarden.csv or breed.csv, no datapackage: the product writes about 600 MB of
CSV at 100.000 files, this peer a few hundred kB.

`--schema expliciet` gives read_csv the 15 columns and the dialect instead (no sniffing of
every file), the way a DuckDB expert would tune it; bench/run measures both.

Usage: duckdb_peer.py [--threads N] [--schema gedeeld|expliciet] [--catalogus TOML] --uit MAP INVOER...
INVOER is a folder (its */*.csv and *.csv are read) or a CSV file. Prints a machine line
`RESULT key=value ...` at the end (read by bench/run).
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
import time
import tomllib

import duckdb

HEADER = [
    "formaat", "definities", "uitvraagjaar", "organisatie_code", "organisatie_naam",
    "organisatie_type", "jaar", "fase", "post", "waarde", "reden", "toelichting", "revisie",
    "aangemaakt_op", "software",
]
CATALOGUE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets",
                         "definities", "2026.1.toml")


def files_of(inputs: list[str]) -> list[str]:
    files: list[str] = []
    for p in inputs:
        if os.path.isdir(p):
            files += glob.glob(os.path.join(p, "*.csv")) + glob.glob(os.path.join(p, "*", "*.csv"))
        else:
            files.append(p)
    return sorted(files)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--schema", choices=["gedeeld", "expliciet"], default="gedeeld")
    ap.add_argument("--catalogus", default=CATALOGUE)
    ap.add_argument("--uit", required=True)
    ap.add_argument("inputs", nargs="+")
    a = ap.parse_args()

    t0 = time.perf_counter()
    files = files_of(a.inputs)
    if not files:
        print("no CSV files found", file=sys.stderr)
        return 2
    with open(a.catalogus, "rb") as f:
        cat = tomllib.load(f)
    # One row per kernbudget post and organisation type, with whether it is required there.
    posts = [(p["code"], p["categorie"], typ, req == "ja")
             for p in cat["post"] if p["kernbudget"] for typ, req in p["verplicht"].items()]
    os.makedirs(a.uit, exist_ok=True)

    con = duckdb.connect(config={"threads": a.threads})
    con.execute("CREATE TABLE kb_post (post VARCHAR, categorie VARCHAR, "
                "organisatie_type VARCHAR, verplicht BOOLEAN)")
    con.executemany("INSERT INTO kb_post VALUES (?, ?, ?, ?)", posts)
    if a.schema == "gedeeld":
        con.execute(
            "CREATE TABLE raw AS SELECT * FROM read_csv(?, all_varchar = true, "
            "union_by_name = false, header = true, filename = true)", [files])
    else:
        con.execute(
            "CREATE TABLE raw AS SELECT * FROM read_csv(?, auto_detect = false, header = true, "
            "delim = ',', quote = '\"', escape = '\"', new_line = '\\r\\n', columns = ?, "
            "filename = true)", [files, {c: "VARCHAR" for c in HEADER}])

    con.execute("""
        CREATE TABLE best AS
        SELECT filename FROM (
            SELECT DISTINCT filename, organisatie_code, uitvraagjaar,
                   CAST(revisie AS INTEGER) AS revisie, aangemaakt_op
            FROM raw)
        QUALIFY row_number() OVER (PARTITION BY organisatie_code, uitvraagjaar
                                   ORDER BY revisie DESC, aangemaakt_op DESC) = 1
    """)
    con.execute("CREATE TABLE w AS SELECT r.* FROM raw r SEMI JOIN best b USING (filename)")

    con.execute("""
        CREATE TABLE kengetallen AS
        WITH kb AS (
            SELECT w.filename, w.organisatie_code, w.organisatie_type, w.uitvraagjaar,
                   CAST(w.jaar AS INTEGER) AS jaar, w.fase,
                   COALESCE(k.categorie, 'TOTAAL') AS categorie,
                   CASE WHEN bool_or(w.reden = 'onbekend' AND k.verplicht) THEN NULL
                        ELSE SUM(CAST(NULLIF(w.waarde, '') AS DECIMAL(18, 2))) END AS kernbudget
            FROM w JOIN kb_post k USING (post, organisatie_type)
            GROUP BY GROUPING SETS (
                (w.filename, w.organisatie_code, w.organisatie_type, w.uitvraagjaar, w.jaar,
                 w.fase, k.categorie),
                (w.filename, w.organisatie_code, w.organisatie_type, w.uitvraagjaar, w.jaar,
                 w.fase))
        ), inw AS (
            SELECT filename, CAST(jaar AS INTEGER) AS jaar,
                   CAST(NULLIF(waarde, '') AS BIGINT) AS inwoners
            FROM w WHERE fase = 'kenmerk' AND post = 'KEN.INWONERS'
        )
        SELECT kb.organisatie_code, kb.organisatie_type, kb.uitvraagjaar, kb.jaar, kb.fase,
               kb.categorie, kb.kernbudget, inw.inwoners,
               CASE WHEN kb.organisatie_type <> 'gemeente' OR inw.inwoners IS NULL THEN NULL
                    WHEN inw.inwoners < 5000 THEN 1 WHEN inw.inwoners < 10000 THEN 2
                    WHEN inw.inwoners < 20000 THEN 3 WHEN inw.inwoners < 50000 THEN 4
                    WHEN inw.inwoners < 100000 THEN 5 WHEN inw.inwoners < 150000 THEN 6
                    WHEN inw.inwoners < 250000 THEN 7 ELSE 8 END AS grootteklasse,
               round(kb.kernbudget / NULLIF(inw.inwoners, 0), 4) AS per_inwoner
        FROM kb LEFT JOIN inw USING (filename, jaar)
        ORDER BY 1, 3, 4, 5, 6
    """)
    con.execute("""
        CREATE TABLE statistiek AS
        SELECT jaar, fase, categorie, grootteklasse, count(per_inwoner) AS n,
               min(per_inwoner) AS min, quantile_cont(per_inwoner, 0.25) AS p25,
               quantile_cont(per_inwoner, 0.5) AS mediaan,
               quantile_cont(per_inwoner, 0.75) AS p75, max(per_inwoner) AS max,
               avg(per_inwoner) AS gemiddelde
        FROM kengetallen WHERE grootteklasse IS NOT NULL AND per_inwoner IS NOT NULL
        GROUP BY ALL ORDER BY ALL
    """)
    for table in ("kengetallen", "statistiek"):
        con.execute(f"COPY {table} TO '{os.path.join(a.uit, table + '.csv')}' (HEADER)")

    accepted = con.execute("SELECT count(*) FROM best").fetchone()[0]
    values = con.execute("SELECT count(*) FROM w").fetchone()[0]
    seconds = time.perf_counter() - t0
    print(f"RESULT files={len(files)} accepted={accepted} values={values} seconds={seconds:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
