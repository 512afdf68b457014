#!/usr/bin/env python3
"""Makes the test files under tolerated/ and rejected/ from tolerated/clean.csv.

The files are committed; this script documents how they were made (each one is the clean
file with one deviation, as a spreadsheet or a person would make it). Run it from this folder
after changing clean.csv, then check the line numbers the tests expect.
"""
import csv
import io

HEADER = ("formaat,definities,uitvraagjaar,organisatie_code,organisatie_naam,organisatie_type,"
          "jaar,fase,post,waarde,reden,toelichting,revisie,aangemaakt_op,software").split(",")

with open("tolerated/clean.csv", newline="", encoding="utf-8") as f:
    ROWS = list(csv.reader(f))
assert ROWS[0] == HEADER


def text(rows, delimiter=",", terminator="\r\n"):
    out = io.StringIO()
    w = csv.writer(out, delimiter=delimiter, lineterminator=terminator, quoting=csv.QUOTE_MINIMAL)
    w.writerows(rows)
    return out.getvalue()


def save(path, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)


def copy():
    return [list(r) for r in ROWS]


def row_of(rows, jaar, fase, post):
    for i, r in enumerate(rows):
        if r[6:9] == [jaar, fase, post]:
            return i
    raise KeyError((jaar, fase, post))


def comma_decimals(rows, drop_zeros=False):
    """Decimal comma in waarde; with drop_zeros, as a spreadsheet with 'Standaard' format
    writes numbers: 18000.00 -> 18000, 3.60 -> 3,6."""
    out = copy() if rows is None else rows
    for r in out[1:]:
        v = r[9]
        if v and v[0].isdigit() and "." in v:
            if drop_zeros:
                v = v.rstrip("0").rstrip(".")
            r[9] = v.replace(".", ",")
    return out


# --- tolerated -------------------------------------------------------------------------
clean = text(ROWS)
save("tolerated/bom.csv", b"\xef\xbb\xbf" + clean.encode("utf-8"))
save("tolerated/windows1252.csv", clean.encode("cp1252"))
save("tolerated/semicolon.csv", text(comma_decimals(copy()), delimiter=";"))
save("tolerated/lf.csv", text(ROWS, terminator="\n"))
rows = copy()
rows[row_of(rows, "2025", "realisatie", "GRF.INHUUR")][9] = "18000"
rows[row_of(rows, "2025", "realisatie", "GRF.FTE")][9] = "3.6"
rows[row_of(rows, "2025", "realisatie", "RKK.MATERIEEL")][9] = "2300.4"
save("tolerated/decimals.csv", text(rows))
rows = copy()
rows[row_of(rows, "2025", "kenmerk", "KEN.ZETELS")][9] = " 25 "
rows[row_of(rows, "2025", "kenmerk", "KEN.REKENKAMERVORM")][8] = "KEN.REKENKAMERVORM "
rows[row_of(rows, "2025", "realisatie", "GRF.OVERHEAD")][10] = " onbekend"
save("tolerated/whitespace.csv", text(rows))
# Opened and saved again by a Dutch spreadsheet as "CSV (gescheiden door lijstscheidingsteken)":
# Windows-1252, ';', decimal comma, trailing zeros dropped.
save("tolerated/excel_nl.csv", text(comma_decimals(copy(), drop_zeros=True), delimiter=";").encode("cp1252"))

# --- rejected --------------------------------------------------------------------------
save("rejected/utf16.csv", clean.encode("utf-16"))
save("rejected/f102_header.csv", clean.replace("uitvraagjaar", "uitvraag", 1))


def all_rows(col, value):
    rows = copy()
    for r in rows[1:]:
        r[col] = value
    return rows


def one_row(key, col, value):
    rows = copy()
    rows[row_of(rows, *key)][col] = value
    return rows


save("rejected/f103_formaat.csv", text(all_rows(0, "bzk-raadsondersteuning/2")))
rows = copy()
rows[row_of(rows, "2025", "kenmerk", "KEN.REKENKAMERVORM")].pop()
save("rejected/f104_kolommen.csv", text(rows))
save("rejected/f105_organisatie.csv", text(one_row(("2025", "realisatie", "GRF.FTE"), 3, "GM1971")))
save("rejected/f105_aangemaakt_op.csv",
     text(one_row(("2026", "begroting", "RKK.FTE"), 13, "2026-03-02T10:00:00Z")))
save("rejected/f106_jaar.csv", text(one_row(("2025", "realisatie", "GRF.MATERIEEL"), 6, "2O25")))
save("rejected/f106_fase.csv", text(one_row(("2026", "begroting", "ENQ.EXTERN"), 7, "Begroting")))
save("rejected/f106_revisie.csv", text(all_rows(12, "0")))
save("rejected/f106_aangemaakt_op.csv", text(all_rows(13, "1-3-2026 09:30")))
save("rejected/f106_type.csv", text(all_rows(5, "gemeent")))
save("rejected/f107_definities.csv", text(all_rows(1, "2025.9")))
save("rejected/f108_leeg.csv", text(ROWS[:1]))
save("rejected/f011_code.csv", text(all_rows(3, "GM197")))
save("rejected/f007_type.csv", text(all_rows(5, "provincie")))
save("rejected/f012_jaar.csv", text(one_row(("2025", "kenmerk", "KEN.FRACTIES"), 6, "2024")))
save("rejected/f012_fase.csv", text(one_row(("2025", "realisatie", "ENQ.AANTAL"), 7, "begroting")))
save("rejected/f009_post.csv", text(one_row(("2026", "begroting", "GRF.MATERIEEL"), 8, "GRF.MATERIAAL")))
rows = copy()
i = row_of(rows, "2025", "realisatie", "FRO.OVERIG")
extra = list(rows[i])
extra[8], extra[9] = "FRO.NORM_ZETEL", "2000.00"
rows.insert(i + 1, extra)
save("rejected/f006_fase.csv", text(rows))
rows = copy()
i = row_of(rows, "2026", "kenmerk", "KEN.ZETELS")
extra = list(rows[i])
extra[9] = "27"
rows.insert(i + 2, extra)
save("rejected/f010_dubbel.csv", text(rows))
save("rejected/f002_eenheid.csv", text(one_row(("2026", "kenmerk", "KEN.ZETELS"), 9, "25.5")))
save("rejected/f002_code.csv", text(one_row(("2026", "kenmerk", "KEN.REKENKAMERVORM"), 9, "Eigen")))
save("rejected/f003_negatief.csv", text(one_row(("2025", "realisatie", "GRF.INHUUR"), 9, "-18000.00")))
save("rejected/f004_decimalen.csv", text(one_row(("2025", "realisatie", "GRF.INHUUR"), 9, "18000.005")))
rows = one_row(("2025", "realisatie", "GRF.INHUUR"), 10, "nvt")
save("rejected/f005_allebei.csv", text(rows))
save("rejected/f005_geen.csv", text(one_row(("2025", "realisatie", "GRF.INHUUR"), 9, "")))
rows = one_row(("2025", "realisatie", "GRF.INHUUR"), 9, "")
rows[row_of(rows, "2025", "realisatie", "GRF.INHUUR")][10] = "n.v.t."
save("rejected/f008_reden.csv", text(rows))
rows = copy()
del rows[row_of(rows, "2026", "begroting", "GRF.INHUUR")]
save("rejected/f001_ontbreekt.csv", text(rows))
rows = [r for r in copy() if r[6:8] != ["2025", "realisatie"]]
save("rejected/f001_blok.csv", text(rows))
