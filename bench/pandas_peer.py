#!/usr/bin/env python3
"""PEER FOR COMPARISON ONLY -- NOT PART OF RAADSBUDGET.

A reference implementation, in Python/pandas, of the work `raadsbudget bundel` does: read a
pile of BZK benchmark files (format `bzk-raadsondersteuning/1`), check them, choose among
submissions, and aggregate the accepted ones into kengetallen and statistics. It exists only so
that `bench/run` can say how the product compares with what a data analyst would write in
pandas (docs/performance.md). Nothing in the product calls it, imports it or ships it; its
output is not a published format and is not kept in step with the product's.

It is meant to be honest work of the same kind, written the way a competent pandas user would
write it (vectorised, not row by row):

* every file is read from disk, hashed (sha256, as in inzendingen.csv) and parsed with
  `pandas.read_csv(dtype=str, keep_default_na=False)` -- BOM, Windows-1252 and `;`/decimal
  comma files are accepted with a warning, as the spec asks;
* files are checked in chunks (the parsed frames of a chunk are concatenated and every rule is
  one vectorised expression over the chunk): the exact header, `formaat`, the same
  organisation / uitvraagjaar / revisie / moment on every row, organisation code pattern and
  type, plausible years, (jaar, fase) one of the uitvraag's four blocks, post codes known in the
  catalogue (read from assets/definities/2026.1.toml with tomllib), the post's fase, the value
  fits the unit (euro and fte at most 2 decimals, never negative; aantal an integer; code one of
  the post's codes), waarde xor reden, reden known, no duplicate (jaar, fase, post), every
  required post present (including KEN.GR_DEELNEMERS when the vorm is gemeenschappelijk), and
  the seats warning (Gemeentewet art. 8) and the rekenkamer-per-inwoner signals;
* per (organisation, uitvraagjaar) the highest revisie wins, then the latest aangemaakt_op;
  identical content (hash of the parsed rows) is `dubbel`, same key with different content is
  a conflict (both afgewezen);
* for the accepted files: waarden.csv, breed.csv (one column per post), kengetallen.csv
  (kernbudget per category and the total; per inwoner, per zetel, per fractie, fte, fte per
  10.000 inwoners, aandeel totale lasten, uitputting; CBS grootteklasse) and statistiek.csv
  (n, min, p25, median, p75, max, mean per jaar x fase x category x indicator x group; pandas'
  default quantile is linear interpolation, the rule of PERCENTIEL.INC), plus
  inzendingen.csv and meldingen.csv.

Differences a reader should know about (none makes the peer do less work):

* Numbers are float64, as pandas users do; rounding is half away from zero on floats, so a
  last digit can differ from the product's Decimal arithmetic. The product never uses floats
  for money.
* Line numbers in findings are row numbers (a quoted toelichting with a newline shifts them).
* Messages are shorter than the product's Dutch messages.
* `--jobs N` reads and checks the chunks in N worker processes (ProcessPoolExecutor), the way
  a pandas user gets past the GIL; the default is 1, the script as usually written.

Usage: pandas_peer.py [--jobs N] [--uitvraag U] [--catalogus TOML] --uit MAP INVOER...
Prints a machine line `RESULT key=value ...` at the end (read by bench/run).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import sys
import time
import tomllib
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import pandas as pd

HEADER = [
    "formaat", "definities", "uitvraagjaar", "organisatie_code", "organisatie_naam",
    "organisatie_type", "jaar", "fase", "post", "waarde", "reden", "toelichting", "revisie",
    "aangemaakt_op", "software",
]
FORMAAT = "bzk-raadsondersteuning/1"
CONSTANT = ["definities", "uitvraagjaar", "organisatie_code", "organisatie_naam",
            "organisatie_type", "revisie", "aangemaakt_op"]
FASES = ["kenmerk", "begroting", "realisatie"]
REDENEN = ["", "nvt", "onbekend"]
# The four blocks of uitvraag U, as (jaar - U, fase).
BLOCKS = pd.DataFrame({"dj": [-1, -1, 0, 0],
                       "fase": ["kenmerk", "realisatie", "kenmerk", "begroting"]})
TYPE_OF_PREFIX = {"GM": "gemeente", "PV": "provincie", "WS": "waterschap"}
CHUNK = 500
INDICATORS = ["kernbudget", "per_inwoner", "per_zetel", "per_fractie", "fte",
              "fte_per_10000_inwoners", "aandeel_totale_lasten", "uitputting"]
DECIMALS = {"kernbudget": 2, "fte": 2}
# Gemeentewet art. 8: (upper bound of inwoners, seats).
RAADSZETELS = [(3_000, 9), (6_000, 11), (10_000, 13), (15_000, 15), (20_000, 17),
               (25_000, 19), (30_000, 21), (35_000, 23), (40_000, 25), (45_000, 27),
               (50_000, 29), (60_000, 31), (70_000, 33), (80_000, 35), (100_000, 37),
               (200_000, 39)]


# --------------------------------------------------------------------------- catalogue

class Catalogue:
    """The posts of one catalogue version, as lookup tables for vectorised checks."""

    def __init__(self, path: str):
        with open(path, "rb") as f:
            t = tomllib.load(f)
        self.versie = t["versie"]
        self.categories = [c["code"] for c in t["categorie"]]
        self.support = [c for c in self.categories if c != "KEN"]
        self.posts = [p["code"] for p in t["post"]]
        self.unit = {p["code"]: p["eenheid"] for p in t["post"]}
        self.categorie = {p["code"]: p["categorie"] for p in t["post"]}
        self.kernbudget = [p["code"] for p in t["post"] if p["kernbudget"]]
        self.post_fase = pd.MultiIndex.from_tuples(
            [(p["code"], f) for p in t["post"] for f in p["fases"]])
        self.post_code = pd.MultiIndex.from_tuples(
            [(p["code"], c["code"]) for p in t["post"] for c in p.get("codes", [])])
        rows = []
        for p in t["post"]:
            for typ, req in p["verplicht"].items():
                if req != "nee":
                    for f in p["fases"]:
                        rows.append((typ, f, p["code"], req))
        self.required = pd.DataFrame(rows, columns=["organisatie_type", "fase", "post", "req"])
        self.req_lookup = {(typ, code): req for typ, f, code, req in rows}
        self.post_dtype = pd.CategoricalDtype(self.posts, ordered=True)
        self.fase_dtype = pd.CategoricalDtype(FASES, ordered=True)
        self.reden_dtype = pd.CategoricalDtype(REDENEN)


_CAT: Catalogue | None = None


def catalogue(path: str) -> Catalogue:
    global _CAT
    if _CAT is None:
        _CAT = Catalogue(path)
    return _CAT


# --------------------------------------------------------------------------- reading

def read_one(path: str) -> tuple[str, pd.DataFrame | None, list[tuple[str, str, str]]]:
    """sha256 and the parsed frame of one file, plus (ernst, code, melding) file findings."""
    with open(path, "rb") as f:
        data = f.read()
    sha = hashlib.sha256(data).hexdigest()
    notes: list[tuple[str, str, str]] = []
    encoding = "utf-8"
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
        notes.append(("waarschuwing", "W101", "byte-order mark verwijderd"))
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        encoding = "cp1252"
        notes.append(("waarschuwing", "W102", "Windows-1252 gelezen als UTF-8"))
    first = data.split(b"\n", 1)[0]
    if b"\n" in data and not first.endswith(b"\r"):
        notes.append(("waarschuwing", "W104", "regeleinden LF in plaats van CRLF"))
    sep, decimal_comma = ",", False
    if b";" in first and b"," not in first:
        sep, decimal_comma = ";", True
        notes.append(("waarschuwing", "W103", "puntkomma als scheidingsteken"))
    try:
        df = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, sep=sep,
                         encoding=encoding)
    except Exception as e:  # noqa: BLE001 - any parse error is a finding
        notes.append(("fout", "F101", f"niet te lezen: {e}"))
        return sha, None, notes
    df.columns = [c.strip() for c in df.columns]
    if list(df.columns) != HEADER:
        notes.append(("fout", "F102", "andere kopregel"))
        return sha, None, notes
    if df.empty:
        notes.append(("fout", "F108", "geen regels"))
        return sha, None, notes
    if decimal_comma:
        df["waarde"] = df["waarde"].str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    return sha, df, notes


def findings_of(df: pd.DataFrame, mask, ernst: str, code: str, kolom: str, melding) -> pd.DataFrame:
    hit = df.loc[mask, ["file", "regel", "organisatie_code", "jaar", "fase", "post"]].copy()
    hit["kolom"] = kolom
    hit["ernst"] = ernst
    hit["code"] = code
    hit["melding"] = melding if isinstance(melding, str) else melding[mask].values
    return hit


def process_chunk(job: tuple[int, list[tuple[str, str]], str, int | None]):
    """Reads and checks one chunk of files. Returns (meta, findings, candidate rows)."""
    first_id, files, catalogue_path, uitvraag = job
    cat = catalogue(catalogue_path)
    metas, frames, found = [], [], []
    for i, (name, path) in enumerate(files):
        fid = first_id + i
        try:
            sha, df, notes = read_one(path)
        except OSError as e:
            sha, df, notes = hashlib.sha256(b"").hexdigest(), None, [("fout", "F101", str(e))]
        metas.append({"file": fid, "bestand": name, "sha256": sha})
        for ernst, code, melding in notes:
            found.append({"file": fid, "regel": None, "kolom": None, "ernst": ernst,
                          "code": code, "melding": melding})
        if df is not None:
            df["file"] = fid
            df["regel"] = np.arange(2, len(df) + 2)
            frames.append(df)
    meta = pd.DataFrame(metas)
    file_findings = pd.DataFrame(found, columns=["file", "regel", "kolom", "ernst", "code", "melding"])
    if not frames:
        return finish_chunk(meta, [file_findings], None, cat)

    big = pd.concat(frames, ignore_index=True)
    del frames
    for c in HEADER:
        if c != "toelichting":
            stripped = big[c].str.strip()
            if c in ("waarde", "reden", "post") and (stripped != big[c]).any():
                ws = stripped != big[c]
                file_findings = pd.concat([file_findings, findings_of(
                    big, ws, "waarschuwing", "W106", c, "spaties verwijderd")])
            big[c] = stripped
    out = [file_findings]

    # File level: one organisation, uitvraag, revisie and moment per file.
    per_file = big.groupby("file", sort=False)
    mixed = per_file[CONSTANT].nunique() > 1
    for c in CONSTANT:
        bad = mixed.index[mixed[c]]
        if len(bad):
            out.append(pd.DataFrame({"file": bad, "regel": None, "kolom": c, "ernst": "fout",
                                     "code": "F105", "melding": f"{c} verschilt tussen regels"}))
    head = per_file.head(1).set_index("file")
    code_ok = head["organisatie_code"].str.fullmatch(r"GM\d{4}|PV\d{2}|WS\d{4}")
    type_ok = head["organisatie_code"].str[:2].map(TYPE_OF_PREFIX) == head["organisatie_type"]
    u = pd.to_numeric(head["uitvraagjaar"], errors="coerce")
    rev = pd.to_numeric(head["revisie"], errors="coerce")
    moment = pd.to_datetime(head["aangemaakt_op"], format="%Y-%m-%dT%H:%M:%SZ",
                            errors="coerce", utc=True)
    for ok, kolom, code, melding in [
        (code_ok, "organisatie_code", "F011", "ongeldige organisatiecode"),
        (type_ok, "organisatie_type", "F007", "type past niet bij de code"),
        (u.between(2000, 2100), "uitvraagjaar", "F106", "uitvraagjaar niet plausibel"),
        (rev >= 1, "revisie", "F106", "revisie is geen positief geheel getal"),
        (moment.notna(), "aangemaakt_op", "F106", "aangemaakt_op is geen RFC 3339-moment"),
        (head["definities"] == cat.versie, "definities", "F107", "onbekende definities"),
    ]:
        bad = head.index[~ok.fillna(False).astype(bool)]
        if len(bad):
            out.append(pd.DataFrame({"file": bad, "regel": 2, "kolom": kolom, "ernst": "fout",
                                     "code": code, "melding": melding}))
    if uitvraag is not None:
        bad = head.index[u != uitvraag]
        if len(bad):
            out.append(pd.DataFrame({"file": bad, "regel": None, "kolom": "uitvraagjaar",
                                     "ernst": "fout", "code": "F202",
                                     "melding": f"ander uitvraagjaar dan {uitvraag}"}))

    # Row level.
    out.append(findings_of(big, big["formaat"] != FORMAAT, "fout", "F103", "formaat",
                           "onbekend formaat"))
    jaar = pd.to_numeric(big["jaar"], errors="coerce")
    urow = pd.to_numeric(big["uitvraagjaar"], errors="coerce")
    block = pd.MultiIndex.from_arrays([jaar - urow, big["fase"]])
    in_block = block.isin(pd.MultiIndex.from_frame(BLOCKS))
    out.append(findings_of(big, ~in_block, "fout", "F012", "jaar",
                           "jaar en fase horen niet bij deze uitvraag"))
    known = big["post"].isin(cat.posts)
    out.append(findings_of(big, ~known, "fout", "F009", "post",
                           "onbekende post " + big["post"]))
    fase_ok = pd.MultiIndex.from_arrays([big["post"], big["fase"]]).isin(cat.post_fase)
    out.append(findings_of(big, known & ~fase_ok, "fout", "F006", "fase",
                           "post hoort niet bij deze fase"))
    w, r = big["waarde"], big["reden"]
    reden_ok = r.isin(REDENEN)
    out.append(findings_of(big, ~reden_ok, "fout", "F008", "reden", "onbekende reden"))
    xor_bad = (w == "") == (r == "")
    out.append(findings_of(big, xor_bad, "fout", "F005", "waarde",
                           "precies één van waarde en reden moet gevuld zijn"))
    unit = big["post"].map(cat.unit)
    has = w != ""
    dec = has & unit.isin(["euro", "fte"])
    negative = dec & w.str.startswith("-")
    out.append(findings_of(big, negative, "fout", "F003", "waarde", "negatief bedrag"))
    dec_ok = w.str.fullmatch(r"\d+(?:\.\d{1,2})?")
    too_many = dec & ~negative & w.str.fullmatch(r"\d+\.\d{3,}")
    out.append(findings_of(big, too_many, "fout", "F004", "waarde", "meer dan 2 decimalen"))
    out.append(findings_of(big, dec & ~negative & ~too_many & ~dec_ok, "fout", "F002", "waarde",
                           "waarde past niet bij de eenheid"))
    out.append(findings_of(big, dec & dec_ok & ~w.str.fullmatch(r"\d+\.\d{2}"), "waarschuwing",
                           "W105", "waarde", "aangevuld tot 2 decimalen"))
    aantal_bad = has & (unit == "aantal") & ~w.str.fullmatch(r"\d+")
    out.append(findings_of(big, aantal_bad, "fout", "F002", "waarde",
                           "aantal is geen geheel getal"))
    code_bad = has & (unit == "code") & ~pd.MultiIndex.from_arrays([big["post"], w]).isin(cat.post_code)
    out.append(findings_of(big, code_bad, "fout", "F002", "waarde", "onbekende code"))
    dup = big.duplicated(["file", "jaar", "fase", "post"], keep="first")
    out.append(findings_of(big, dup, "fout", "F010", "post", "dubbele (jaar, fase, post)"))

    # Required posts present in each of the four blocks.
    files_df = head[["organisatie_type"]].assign(U=u).reset_index().dropna()
    expected = files_df.merge(BLOCKS, how="cross")
    expected["jaar"] = (expected["U"] + expected["dj"]).astype("int64").astype(str)
    expected = expected.merge(cat.required, on=["organisatie_type", "fase"])
    vorm = big.loc[big["post"] == "KEN.REKENKAMERVORM", ["file", "jaar", "waarde"]] \
        .drop_duplicates(["file", "jaar"]).rename(columns={"waarde": "vorm"})
    expected = expected.merge(vorm, on=["file", "jaar"], how="left")
    expected = expected[(expected["req"] == "ja") | (expected["vorm"] == "gemeenschappelijk")]
    present = big[["file", "jaar", "fase", "post"]].drop_duplicates()
    missing = expected.merge(present, on=["file", "jaar", "fase", "post"], how="left",
                             indicator=True)
    missing = missing[missing["_merge"] == "left_only"]
    if len(missing):
        out.append(pd.DataFrame({"file": missing["file"].values, "regel": None, "kolom": "post",
                                 "ernst": "fout", "code": "F001",
                                 "melding": "verplichte post ontbreekt: " + missing["post"].values
                                 + " (" + missing["jaar"].values + " " + missing["fase"].values + ")"}))

    # Seats (Gemeentewet art. 8), gemeenten only: a warning.
    ken = big[(big["fase"] == "kenmerk") & big["post"].isin(["KEN.INWONERS", "KEN.ZETELS"])
              & (big["organisatie_type"] == "gemeente")]
    kp = ken.pivot_table(index=["file", "jaar"], columns="post", values="waarde",
                         aggfunc="first")
    if {"KEN.INWONERS", "KEN.ZETELS"} <= set(kp.columns):
        inw = pd.to_numeric(kp["KEN.INWONERS"], errors="coerce")
        zet = pd.to_numeric(kp["KEN.ZETELS"], errors="coerce")
        bounds = [0] + [b for b, _ in RAADSZETELS] + [np.inf]
        should = pd.cut(inw, bounds, labels=[s for _, s in RAADSZETELS] + [45], right=True)
        bad = kp.index[(should.astype(float) != zet) & inw.notna() & zet.notna()]
        if len(bad):
            out.append(pd.DataFrame({"file": bad.get_level_values(0), "regel": None,
                                     "kolom": "waarde", "ernst": "waarschuwing", "code": "W003",
                                     "melding": "aantal zetels past niet bij het aantal inwoners",
                                     "jaar": bad.get_level_values(1), "fase": "kenmerk",
                                     "post": "KEN.ZETELS"}))

    findings = [f for f in out if len(f)]
    return finish_chunk(meta.merge(head[CONSTANT], left_on="file", right_index=True, how="left")
                        .assign(U=u.reindex(meta["file"]).values,
                                rev=rev.reindex(meta["file"]).values,
                                moment=moment.reindex(meta["file"]).values),
                        findings, big, cat)


def finish_chunk(meta: pd.DataFrame, findings: list[pd.DataFrame], big, cat: Catalogue):
    """Marks the files with errors, hashes the content of the others and keeps their rows."""
    findings = pd.concat([f for f in findings if len(f)] or [findings[0]], ignore_index=True)
    errors = set(findings.loc[findings["ernst"] == "fout", "file"])
    meta["valid"] = ~meta["file"].isin(errors) & (big is not None)
    if big is None:
        meta["content"] = None
        return meta, findings, None
    keep = big[~big["file"].isin(errors)]
    rows = pd.DataFrame({
        "file": keep["file"].astype("int32"),
        "jaar": keep["jaar"].astype("int16"),
        "fase": keep["fase"].astype(cat.fase_dtype),
        "post": keep["post"].astype(cat.post_dtype),
        "waarde": keep["waarde"],
        "reden": keep["reden"].astype(cat.reden_dtype),
        "toelichting": keep["toelichting"],
    })
    # Normalised content: the parsed rows in file order (not the bytes), one hash per file ...
    h = pd.util.hash_pandas_object(rows.drop(columns="file"), index=False)
    content = h.groupby(rows["file"].values).agg(
        lambda s: hashlib.sha256(s.values.tobytes()).hexdigest())
    # ... plus the file's metadata (revisie, moment, organisation), as the product's
    # normalised content includes them.
    stamp = meta["organisatie_code"].astype(str)
    for c in ["organisatie_naam", "uitvraagjaar", "revisie", "aangemaakt_op", "definities"]:
        stamp = stamp + "|" + meta[c].astype(str)
    meta["content"] = meta["file"].map(content) + "|" + stamp
    return meta, findings, rows


# --------------------------------------------------------------------------- choosing

def choose(meta: pd.DataFrame) -> pd.DataFrame:
    """Gives every file a status: geaccepteerd, vervangen, dubbel or afgewezen."""
    meta["status"] = "afgewezen"
    v = meta[meta["valid"]].sort_values(["organisatie_code", "U", "rev", "moment", "file"])
    key = ["organisatie_code", "U"]
    top = v.groupby(key)[["rev", "moment"]].transform("last")
    is_top = (v["rev"] == top["rev"]) & (v["moment"] == top["moment"])
    n_content = v[is_top].groupby(key)["content"].transform("nunique")
    conflict = v[is_top].index[n_content > 1]
    winners = v[is_top & ~v.index.isin(conflict)].drop_duplicates(key, keep="first")
    win_content = winners.set_index(key)["content"]
    v_content = pd.MultiIndex.from_frame(v[key]).map(lambda k: win_content.get(k))
    status = np.where(v["content"].values == np.asarray(v_content, dtype=object),
                      "dubbel", "vervangen")
    meta.loc[v.index, "status"] = status
    meta.loc[winners.index, "status"] = "geaccepteerd"
    meta.loc[conflict, "status"] = "afgewezen"
    return meta


# --------------------------------------------------------------------------- aggregating

def round_half_away(x: pd.Series, d: int) -> pd.Series:
    f = 10.0 ** d
    return np.sign(x) * np.floor(np.abs(x) * f + 0.5) / f


def grootteklasse(inwoners: pd.Series) -> pd.Series:
    bins = [-np.inf, 5_000, 10_000, 20_000, 50_000, 100_000, 150_000, 250_000, np.inf]
    return pd.cut(inwoners, bins, labels=range(1, 9), right=False).astype("float")


def kengetallen(w: pd.DataFrame, cat: Catalogue) -> pd.DataFrame:
    num = pd.to_numeric(w["waarde"].where(w["waarde"] != ""), errors="coerce")
    w = w.assign(num=num)
    org = ["file", "organisatie_code", "organisatie_naam", "organisatie_type", "U"]

    ken = w[w["fase"] == "kenmerk"].pivot_table(
        index=["file", "jaar"], columns="post", values="num", aggfunc="first", observed=True)
    ken = ken.reindex(columns=["KEN.INWONERS", "KEN.ZETELS", "KEN.FRACTIES",
                               "KEN.TOTALE_LASTEN"])

    kb = w[w["post"].isin(cat.kernbudget)].copy()
    kb["categorie"] = kb["post"].astype(str).map(cat.categorie)
    req = pd.Series([cat.req_lookup.get((t, p), "nee") for t, p in
                     zip(kb["organisatie_type"], kb["post"].astype(str))], index=kb.index)
    kb["unknown"] = (kb["reden"] == "onbekend") & (req == "ja")
    kb["has"] = kb["num"].notna()
    g = kb.groupby(org + ["jaar", "fase", "categorie"], observed=True, sort=False).agg(
        som=("num", "sum"), has=("has", "any"), unknown=("unknown", "any")).reset_index()
    g["kernbudget"] = g["som"].where(g["has"] & ~g["unknown"])
    # Total: unknown if any category is unknown; a category that is nvt as a whole counts 0.
    t = g.groupby(org + ["jaar", "fase"], observed=True, sort=False).agg(
        som=("kernbudget", "sum"), unknown=("unknown", "any")).reset_index()
    t["categorie"] = "TOTAAL"
    t["kernbudget"] = t["som"].where(~t["unknown"])
    k = pd.concat([g[org + ["jaar", "fase", "categorie", "kernbudget"]],
                   t[org + ["jaar", "fase", "categorie", "kernbudget"]]], ignore_index=True)

    fte = w[w["post"].isin(["GRF.FTE", "RKK.FTE"])][["file", "jaar", "fase", "post", "num"]]
    fte = fte.assign(categorie=fte["post"].astype(str).str[:3]).drop(columns="post") \
        .rename(columns={"num": "fte"})
    k = k.merge(fte, on=["file", "jaar", "fase", "categorie"], how="left")
    k = k.merge(ken, left_on=["file", "jaar"], right_index=True, how="left")
    k["kernbudget"] = round_half_away(k["kernbudget"], 2)
    k["grootteklasse"] = grootteklasse(k["KEN.INWONERS"]).where(
        k["organisatie_type"] == "gemeente")
    inw = k["KEN.INWONERS"].where(k["KEN.INWONERS"] != 0)
    k["per_inwoner"] = round_half_away(k["kernbudget"] / inw, 4)
    k["per_zetel"] = round_half_away(k["kernbudget"] / k["KEN.ZETELS"].where(k["KEN.ZETELS"] != 0), 4)
    k["per_fractie"] = round_half_away(
        (k["kernbudget"] / k["KEN.FRACTIES"].where(k["KEN.FRACTIES"] != 0))
        .where(k["categorie"] == "FRO"), 4)
    k["fte_per_10000_inwoners"] = round_half_away(k["fte"] * 10_000 / inw, 4)
    lasten = k["KEN.TOTALE_LASTEN"].where(k["KEN.TOTALE_LASTEN"] != 0)
    k["aandeel_totale_lasten"] = round_half_away(
        (k["kernbudget"] / lasten * 100).where(k["fase"] == "begroting"), 4)
    beg = k[k["fase"] == "begroting"][["file", "jaar", "categorie", "kernbudget"]] \
        .rename(columns={"kernbudget": "beg"})
    k = k.merge(beg, on=["file", "jaar", "categorie"], how="left")
    k["uitputting"] = round_half_away(
        (k["kernbudget"] / k["beg"].where(k["beg"] != 0) * 100).where(k["fase"] == "realisatie"), 4)
    order = {c: i for i, c in enumerate(cat.support + ["TOTAAL"])}
    k["cat_order"] = k["categorie"].map(order)
    k = k.sort_values(["organisatie_code", "U", "jaar", "fase", "cat_order"])
    k["inwoners"] = k["KEN.INWONERS"]
    return k[org + ["jaar", "fase", "categorie", "grootteklasse"] + INDICATORS + ["inwoners"]]


def statistiek(k: pd.DataFrame) -> pd.DataFrame:
    long = k.melt(id_vars=["jaar", "fase", "categorie", "organisatie_type", "grootteklasse"],
                  value_vars=INDICATORS, var_name="indicator", value_name="v").dropna(subset=["v"])
    gem = long[long["organisatie_type"] == "gemeente"]
    parts = [gem.assign(groep="gemeenten"),
             gem.dropna(subset=["grootteklasse"]).assign(
                 groep="grootteklasse_" + gem["grootteklasse"].dropna().astype(int).astype(str)),
             long[long["organisatie_type"] == "provincie"].assign(groep="provincies"),
             long[long["organisatie_type"] == "waterschap"].assign(groep="waterschappen")]
    long = pd.concat(parts, ignore_index=True)
    g = long.groupby(["jaar", "fase", "categorie", "indicator", "groep"], observed=True)["v"]
    s = g.agg(n="count", min="min", max="max", gemiddelde="mean")
    q = g.quantile([0.25, 0.5, 0.75]).unstack()
    s["p25"], s["mediaan"], s["p75"] = q[0.25], q[0.5], q[0.75]
    s = s.reset_index()
    dec = s["indicator"].map(DECIMALS).fillna(4).astype(int)
    for c in ["min", "p25", "mediaan", "p75", "max", "gemiddelde"]:
        s[c] = [round(x, d) for x, d in zip(round_half_away_list(s[c], dec), dec)]
    return s[["jaar", "fase", "categorie", "indicator", "groep", "n", "min", "p25", "mediaan",
              "p75", "max", "gemiddelde"]]


def round_half_away_list(x: pd.Series, dec: pd.Series) -> np.ndarray:
    f = np.power(10.0, dec.values)
    return np.sign(x.values) * np.floor(np.abs(x.values) * f + 0.5) / f


# --------------------------------------------------------------------------- main

def gather(inputs: list[str]) -> list[tuple[str, str]]:
    files = []
    for inp in inputs:
        if os.path.isdir(inp):
            for root, _dirs, names in os.walk(inp):
                for n in names:
                    if n.lower().endswith(".csv"):
                        p = os.path.join(root, n)
                        files.append((p, p))
        elif os.path.isfile(inp):
            files.append((inp, inp))
    files.sort()
    return files


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="pandas peer of `raadsbudget bundel` (benchmark only)")
    ap.add_argument("invoer", nargs="+")
    ap.add_argument("--uit", required=True)
    ap.add_argument("--uitvraag", type=int)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--catalogus",
                    default=os.path.join(here, "..", "assets", "definities", "2026.1.toml"))
    args = ap.parse_args()
    start = time.perf_counter()
    cat = catalogue(args.catalogus)
    files = gather(args.invoer)
    if not files:
        print("geen .csv-bestanden gevonden", file=sys.stderr)
        return 2
    jobs = [(i, files[i:i + CHUNK], args.catalogus, args.uitvraag)
            for i in range(0, len(files), CHUNK)]
    metas, findings, rows = [], [], []
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as ex:
            results = ex.map(process_chunk, jobs)
            for m, f, r in results:
                metas.append(m), findings.append(f), rows.append(r)
    else:
        for job in jobs:
            m, f, r = process_chunk(job)
            metas.append(m), findings.append(f), rows.append(r)
    meta = pd.concat(metas, ignore_index=True)
    meta = choose(meta)
    accepted = set(meta.loc[meta["status"] == "geaccepteerd", "file"])
    w = pd.concat([r[r["file"].isin(accepted)] for r in rows if r is not None],
                  ignore_index=True)
    del rows
    orgcols = meta.set_index("file")[["organisatie_code", "organisatie_naam",
                                      "organisatie_type", "U"]]
    w = w.join(orgcols, on="file")
    w = w.sort_values(["organisatie_code", "U", "jaar", "fase", "post"], kind="stable")
    findings = pd.concat(findings, ignore_index=True)
    k = kengetallen(w, cat)
    # Conflicts (chosen above) and the rekenkamer signals of the accepted gemeenten.
    conflict = meta[(meta["status"] == "afgewezen") & meta["valid"]]
    rkk = k[(k["categorie"] == "RKK") & (k["organisatie_type"] == "gemeente")
            & k["per_inwoner"].notna()]
    per = rkk["kernbudget"] / rkk["inwoners"]
    findings = pd.concat([
        findings,
        pd.DataFrame({"file": conflict["file"], "ernst": "fout", "code": "F201",
                      "melding": "conflicterende inzendingen"}),
        pd.DataFrame({"file": rkk["file"], "jaar": rkk["jaar"], "fase": rkk["fase"],
                      "ernst": "signaal", "code": np.where(per < 1.00, "S001", "S002"),
                      "melding": "rekenkamerbudget onder € 1,30 per inwoner"})[per < 1.30],
    ], ignore_index=True)

    os.makedirs(args.uit, exist_ok=True)
    p = lambda n: os.path.join(args.uit, n)  # noqa: E731
    sev = ["fout", "waarschuwing", "signaal"]
    counts = findings.pivot_table(index="file", columns="ernst", values="code",
                                  aggfunc="count").reindex(columns=sev)
    inz = meta.join(counts, on="file")
    inz[sev] = inz[sev].fillna(0).astype(int)
    inz.rename(columns={"U": "uitvraag"})[
        ["bestand", "sha256", "organisatie_code", "organisatie_naam", "uitvraag", "revisie",
         "aangemaakt_op", "status", "fout", "waarschuwing", "signaal"]].to_csv(p("inzendingen.csv"), index=False)
    findings.join(meta.set_index("file")["bestand"], on="file").sort_values(
        ["file", "regel"], kind="stable")[
        ["bestand", "regel", "kolom", "jaar", "fase", "post", "ernst", "code", "melding"]
    ].to_csv(p("meldingen.csv"), index=False)
    w[["organisatie_code", "organisatie_naam", "organisatie_type", "U", "jaar", "fase", "post",
       "waarde", "reden", "toelichting"]].rename(columns={"U": "uitvraagjaar"}) \
        .to_csv(p("waarden.csv"), index=False)
    breed = w.pivot(index=["organisatie_code", "organisatie_naam", "organisatie_type", "U",
                           "jaar", "fase"], columns="post", values="waarde")
    breed = breed.reindex(columns=cat.posts)
    breed = breed.dropna(how="all")
    breed.to_csv(p("breed.csv"))
    k.drop(columns=["file", "inwoners"]).rename(columns={"U": "uitvraagjaar"}).to_csv(
        p("kengetallen.csv"), index=False)
    statistiek(k).to_csv(p("statistiek.csv"), index=False)
    seconds = time.perf_counter() - start
    n_acc = int((meta["status"] == "geaccepteerd").sum())
    print(f"{len(files)} bestanden, {n_acc} geaccepteerd, {len(w)} waarden, "
          f"{int((findings['ernst'] == 'fout').sum())} fouten: {seconds:.3f} s")
    print(f"RESULT jobs={args.jobs} files={len(files)} accepted={n_acc} values={len(w)} "
          f"seconds={seconds:.6f} files_per_s={len(files) / seconds:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
