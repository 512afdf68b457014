#!/usr/bin/env python3
"""Summarises bench/run's results: prints the tables and writes the JSON (stdlib only).

Part of the benchmark (bench/, docs/performance.md), not of the product.
Usage: summarise.py RESULTS.csv OUT.json [--bin RAADSBUDGET] [--venv VENV]
"""

import argparse
import csv
import json
import os
import platform
import subprocess
from collections import defaultdict


def sh(*cmd: str) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ""


def machine() -> dict:
    model, cores = "", 0
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name") and not model:
                model = line.split(":", 1)[1].strip()
            if line.startswith("processor"):
                cores += 1
    mem_kb = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    return {"cpu": model, "logical_cpus": cores, "nproc": int(sh("nproc") or 0),
            "ram_gib": round(mem_kb / 1024 / 1024, 1), "kernel": platform.release(),
            "loadavg_at_end": open("/proc/loadavg").read().split()[:3]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("results")
    ap.add_argument("json_out")
    ap.add_argument("--bin", default="")
    ap.add_argument("--venv", default="")
    a = ap.parse_args()

    runs = list(csv.DictReader(open(a.results)))
    best: dict = {}
    all_walls = defaultdict(list)
    for r in runs:
        key = (int(r["size"]), r["tool"], r["variant"])
        all_walls[key].append(float(r["wall_s"]))
        if key not in best or float(r["wall_s"]) < float(best[key]["wall_s"]):
            best[key] = r
    sizes = sorted({k[0] for k in best})

    def get(size, tool, variant):
        return best.get((size, tool, variant))

    def fps(r):
        return int(r["files"]) / float(r["wall_s"]) if r and float(r["wall_s"]) > 0 else None

    def mb(r):
        return int(r["peak_rss_kb"]) / 1024 if r else None

    def f0(x):
        return "—" if x is None else f"{x:,.0f}".replace(",", ".")

    def f1(x):
        return "—" if x is None else f"{x:.1f}"

    def f2(x):
        return "—" if x is None else f"{x:.2f}"

    variants = [("raadsbudget", "bundel"), ("duckdb", "gedeeld"), ("duckdb", "expliciet"),
                ("pandas", "jobs1"), ("pandas", "jobs2"), ("raw", "threads1"), ("raw", "threads2")]
    names = {("raadsbudget", "bundel"): "raadsbudget", ("duckdb", "gedeeld"): "duckdb sniffed",
             ("duckdb", "expliciet"): "duckdb explicit",
             ("pandas", "jobs1"): "pandas 1 proc", ("pandas", "jobs2"): "pandas 2 proc",
             ("raw", "threads1"): "raw 1 thread", ("raw", "threads2"): "raw 2 threads"}
    summary = {"sizes": {}}
    print()
    print("Throughput (best of the runs; wall time of the whole process, from page cache)")
    print(f"{'files':>8} | " + " | ".join(f"{names[v]:>22}" for v in variants))
    print(f"{'':>8} | " + " | ".join(f"{'files/s':>10} {'peak MB':>11}" for _ in variants))
    for n in sizes:
        cells = []
        s = summary["sizes"].setdefault(str(n), {})
        for v in variants:
            r = get(n, *v)
            cells.append(f"{f0(fps(r)):>10} {f1(mb(r)):>11}")
            if r:
                s[names[v]] = {"wall_s": float(r["wall_s"]), "files_per_s": fps(r),
                               "peak_rss_mb": mb(r), "runs_wall_s": all_walls[(n, *v)],
                               "internal_s": float(r["internal_s"]) if r["internal_s"] else None}
        print(f"{n:>8} | " + " | ".join(cells))

    print()
    print("Ratios (targets: at 10.000 files ≥ 10× DuckDB; at 100.000 files ≥ 20× pandas and "
          "bundle time ≤ 3× the raw parse with the same threads)")
    print(f"{'files':>8} | {'× duckdb':>11} | {'× duckdb ex':>11} | {'× pandas 1p':>11} | "
          f"{'× pandas 2p':>11} | "
          f"{'bundle/raw 1t':>13} | {'bundle/raw 2t':>13}")
    for n in sizes:
        b = get(n, "raadsbudget", "bundel")
        if not b:
            continue
        bw = float(b["wall_s"])
        ratios = {}
        for label, (tool, var) in [("speed_vs_duckdb", ("duckdb", "gedeeld")),
                                   ("speed_vs_duckdb_explicit", ("duckdb", "expliciet")),
                                   ("speed_vs_pandas_1proc", ("pandas", "jobs1")),
                                   ("speed_vs_pandas_2proc", ("pandas", "jobs2"))]:
            r = get(n, tool, var)
            ratios[label] = float(r["wall_s"]) / bw if r else None
        for label, (tool, var) in [("bundle_over_raw_1thread", ("raw", "threads1")),
                                   ("bundle_over_raw_2threads", ("raw", "threads2"))]:
            r = get(n, tool, var)
            ratios[label] = bw / float(r["wall_s"]) if r else None
        summary["sizes"][str(n)]["ratios"] = ratios
        print(f"{n:>8} | {f1(ratios['speed_vs_duckdb']):>10}× | "
              f"{f1(ratios['speed_vs_duckdb_explicit']):>10}× | "
              f"{f1(ratios['speed_vs_pandas_1proc']):>10}× | "
              f"{f1(ratios['speed_vs_pandas_2proc']):>10}× | "
              f"{f2(ratios['bundle_over_raw_1thread']):>12}× | "
              f"{f2(ratios['bundle_over_raw_2threads']):>12}×")

    print()
    print("Memory of raadsbudget bundel against the accepted values")
    print(f"{'files':>8} {'variant':>12} {'accepted':>9} {'values':>10} {'waarden.csv MB':>15} "
          f"{'peak RSS MB':>12} {'RSS/waarden':>12} {'B/value':>8}")
    mem = []
    for (n, tool, var), r in sorted(best.items()):
        if tool != "raadsbudget":
            continue
        values = int(r["values"] or 0)
        wbytes = int(r["waarden_csv_bytes"] or 0)
        rss = int(r["peak_rss_kb"]) * 1024
        row = {"files": int(r["files"]), "size": n, "variant": var,
               "accepted": int(r["accepted"] or 0), "values": values,
               "waarden_csv_mb": wbytes / 1e6, "peak_rss_mb": rss / 1024 / 1024,
               "rss_over_waarden_csv": rss / wbytes if wbytes else None,
               "rss_bytes_per_value": rss / values if values else None}
        mem.append(row)
        print(f"{row['files']:>8} {var:>12} {row['accepted']:>9} {values:>10} "
              f"{row['waarden_csv_mb']:>15.1f} {row['peak_rss_mb']:>12.1f} "
              f"{f2(row['rss_over_waarden_csv']):>12} {f0(row['rss_bytes_per_value']):>8}")
    summary["memory"] = mem

    versions = {"raadsbudget": sh(a.bin, "--version") if a.bin else "",
                "rustc": sh("rustc", "-V"),
                "python": sh(os.path.join(a.venv, "bin", "python"), "--version") if a.venv else "",
                "pandas": sh(os.path.join(a.venv, "bin", "python"), "-c",
                             "import pandas; print(pandas.__version__)") if a.venv else "",
                "duckdb": sh(os.path.join(a.venv, "bin", "python"), "-c",
                             "import duckdb; print(duckdb.__version__)") if a.venv else "",
                "git": sh("git", "describe", "--always", "--dirty")}
    summary["machine"] = machine()
    summary["versions"] = versions
    summary["runs_csv"] = os.path.abspath(a.results)
    with open(a.json_out, "w") as f:
        json.dump(summary, f, indent=2)
    print()
    print(f"Machine: {summary['machine']['cpu']}, {summary['machine']['nproc']} cores, "
          f"{summary['machine']['ram_gib']} GiB RAM; load average at the end "
          f"{' '.join(summary['machine']['loadavg_at_end'])}")
    print(f"Every run: {a.results}\nSummary:   {a.json_out}")


if __name__ == "__main__":
    main()
