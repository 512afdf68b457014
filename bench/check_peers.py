#!/usr/bin/env python3
"""PEER CHECK -- NOT PART OF RAADSBUDGET.

Shows that the DuckDB peer (bench/duckdb_peer.py) computes the same figures as the product
on the same files, so that the benchmark compares like with like: every kernbudget and
kernbudget per inwoner in the peer's kengetallen.csv equals the product's kengetallen.csv, and
the peer's statistics of the kernbudget per inwoner per grootteklasse equal the product's
statistiek.csv (indicator `per_inwoner`, group `grootteklasse_<k>`; n, min and max exactly;
p25, median, p75 and mean within half a unit of the product's 4th decimal, because the product
rounds them in Decimal and the peer keeps DuckDB's double).

Usage: check_peers.py PRODUCT_BUNDLE_DIR DUCKDB_OUT_DIR
Exits 1 with the first differences when they differ.
"""

from __future__ import annotations

import csv
import sys
from decimal import Decimal


def rows(path: str) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def num(s: str) -> Decimal | None:
    return None if s == "" else Decimal(s)


def main() -> int:
    product, peer = sys.argv[1], sys.argv[2]
    diffs: list[str] = []

    key = ("organisatie_code", "uitvraagjaar", "jaar", "fase", "categorie")
    want = {tuple(r[k] for k in key): r for r in rows(f"{product}/kengetallen.csv")}
    got = {tuple(r[k] for k in key): r for r in rows(f"{peer}/kengetallen.csv")}
    if set(want) != set(got):
        diffs.append(f"kengetallen: {len(set(want) ^ set(got))} keys in one file only, "
                     f"e.g. {sorted(set(want) ^ set(got))[:3]}")
    for k in sorted(set(want) & set(got)):
        for col in ("kernbudget", "per_inwoner", "grootteklasse"):
            if num(want[k][col]) != num(got[k][col]):
                diffs.append(f"kengetallen {k} {col}: product {want[k][col]!r}, "
                             f"peer {got[k][col]!r}")

    stat_want = {(r["jaar"], r["fase"], r["categorie"], r["groep"].removeprefix("grootteklasse_")): r
                 for r in rows(f"{product}/statistiek.csv")
                 if r["indicator"] == "per_inwoner" and r["groep"].startswith("grootteklasse_")}
    stat_got = {(r["jaar"], r["fase"], r["categorie"], r["grootteklasse"]): r
                for r in rows(f"{peer}/statistiek.csv")}
    if set(stat_want) != set(stat_got):
        diffs.append(f"statistiek: {len(set(stat_want) ^ set(stat_got))} groups in one file "
                     f"only, e.g. {sorted(set(stat_want) ^ set(stat_got))[:3]}")
    half = Decimal("0.00005") + Decimal("1e-9")
    for k in sorted(set(stat_want) & set(stat_got)):
        w, g = stat_want[k], stat_got[k]
        for col in ("n", "min", "max", "p25", "mediaan", "p75", "gemiddelde"):
            a, b = num(w[col]), num(g[col])
            rounded = col in ("p25", "mediaan", "p75", "gemiddelde")
            if rounded and a is not None and b is not None:
                same = abs(a - b) <= half
            else:
                same = a == b
            if not same:
                diffs.append(f"statistiek {k} {col}: product {w[col]!r}, peer {g[col]!r}")

    if diffs:
        print(f"The DuckDB peer differs from the product in {len(diffs)} places:", file=sys.stderr)
        for d in diffs[:20]:
            print("  " + d, file=sys.stderr)
        return 1
    print(f"DuckDB peer agrees with the product: {len(want)} kengetallen rows, "
          f"{len(stat_want)} statistics groups")
    return 0


if __name__ == "__main__":
    sys.exit(main())
