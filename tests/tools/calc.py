#!/usr/bin/python3
"""Edits a workbook the way a person would, in LibreOffice Calc (headless, through UNO), and
saves it as an Excel workbook (.xlsx). Used by the tests of the invulbestand: a real
spreadsheet program opens the workbook Raadsbudget made, types into its cells and saves it.

    calc.py IN.xlsx OUT.xlsx ACTIONS.json

ACTIONS.json is a list of steps, done in order:
    {"zet": "Invullen!E14", "getal": 812345.5}      type a number
    {"zet": "Invullen!F14", "tekst": "nvt"}        type a text
    {"zet_post": "2026 begroting GRF.PERSONEEL waarde", "getal": 5}
                                                  the same, into the cell the cell map names
    {"rij_invoegen": "Invullen", "voor": 20}       insert a row before row 20 (1-based; the
                                                  sheet's protection is lifted first, as a
                                                  person who knows how would)
    {"vul_benchmark": "bestand.csv"}               type every value, reason and toelichting
                                                  of a benchmark file into the input cells
                                                  the hidden sheet's cell map names (numbers
                                                  as numbers, the rest as text)
    {"kaart": "kaart.json"}                        write the cell map as JSON:
                                                  {"jaar fase post veld": "Invullen!E14"}
Typing into a protected (locked) cell fails, as it does for a person.

Runs with Debian's python3-uno (/usr/bin/python3), with its own LibreOffice profile.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def cell_map(doc):
    """The cell map of the hidden sheet: "jaar fase post veld" -> "Invullen!E14"."""
    sheet = doc.Sheets.getByName("raadsbudget")
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    rows = cursor.RangeAddress.EndRow + 1
    data = sheet.getCellRangeByPosition(0, 0, 4, rows - 1).DataArray
    out = {}
    in_map = False
    for row in data:
        cells = [str(int(c)) if isinstance(c, float) else str(c) for c in row]
        if cells[0] == "cel":
            in_map = True
            continue
        if in_map and cells[0]:
            key = " ".join(c for c in cells[1:5] if c)
            out[key] = cells[0]
    return out


def fill_benchmark(doc, path):
    """Types the rows of a benchmark file into the input cells."""
    import csv

    cells = cell_map(doc)
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            block = f"{row['jaar']} {row['fase']} {row['post']}"
            for veld in ("waarde", "reden", "toelichting"):
                text = row[veld]
                if not text:
                    continue
                if veld == "toelichting" and text.startswith("'"):
                    text = text[1:]
                sheet_name, cell = cells[f"{block} {veld}"].split("!")
                target = doc.Sheets.getByName(sheet_name).getCellRangeByName(cell)
                try:
                    number = float(text) if veld == "waarde" else None
                except ValueError:
                    number = None
                if number is not None:
                    target.setValue(number)
                else:
                    target.setString(text)


def main():
    src, dst, actions_path = sys.argv[1:4]
    with open(actions_path, encoding="utf-8") as f:
        actions = json.load(f)
    profile = tempfile.mkdtemp(prefix="rb-calc-profile-")
    pipe = f"rbcalc{os.getpid()}"
    office = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:  # not listening yet
                time.sleep(0.25)
        if ctx is None:
            sys.exit("LibreOffice started but could not be reached")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),)
        )
        if doc is None:
            sys.exit(f"LibreOffice could not open {src}")
        for step in actions:
            if "zet" in step or "zet_post" in step:
                ref = step["zet"] if "zet" in step else cell_map(doc)[step["zet_post"]]
                sheet_name, cell = ref.split("!")
                target = doc.Sheets.getByName(sheet_name).getCellRangeByName(cell)
                if "getal" in step:
                    target.setValue(step["getal"])
                else:
                    target.setString(step["tekst"])
            elif "rij_invoegen" in step:
                sheet = doc.Sheets.getByName(step["rij_invoegen"])
                sheet.unprotect("")
                sheet.Rows.insertByIndex(step["voor"] - 1, 1)
            elif "vul_benchmark" in step:
                fill_benchmark(doc, step["vul_benchmark"])
            elif "kaart" in step:
                with open(step["kaart"], "w", encoding="utf-8") as out:
                    json.dump(cell_map(doc), out, ensure_ascii=False, indent=1)
        args = [prop("FilterName", "Calc MS Excel 2007 XML"), prop("Overwrite", True)]
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), tuple(args))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:  # the bridge closes as LibreOffice exits
            pass
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
        subprocess.run(["rm", "-rf", profile], check=False)


if __name__ == "__main__":
    main()
