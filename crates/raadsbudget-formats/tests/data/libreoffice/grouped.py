"""Opens a CSV in a running LibreOffice, formats column J (waarde) as a number with
thousands separator and 2 decimals in the office's locale, and saves it as CSV.

usage: /usr/bin/python3 grouped.py <pipe-name> <in.csv> <out.csv> <import-filter-options> <export-filter-options>
"""
import sys
import time

sys.path.append("/usr/lib/python3/dist-packages")
import uno  # noqa: E402
from com.sun.star.beans import PropertyValue  # noqa: E402
from com.sun.star.lang import Locale  # noqa: E402


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


pipe, src, dst, import_options, export_options = sys.argv[1:6]
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext(
    "com.sun.star.bridge.UnoUrlResolver", local
)
for _ in range(100):
    try:
        ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        break
    except Exception:
        time.sleep(0.3)
else:
    sys.exit("LibreOffice did not start")
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
doc = desktop.loadComponentFromURL(
    uno.systemPathToFileUrl(src),
    "_blank",
    0,
    (prop("FilterName", "Text - txt - csv (StarCalc)"), prop("FilterOptions", import_options), prop("Hidden", True)),
)
sheet = doc.Sheets.getByIndex(0)
column = sheet.Columns.getByName("J")
# The office's own locale (empty Locale): what a user gets from Format > Cells > Number with
# "Thousands separator" and 2 decimal places.
index = uno.getConstantByName("com.sun.star.i18n.NumberFormatIndex.NUMBER_1000DEC2")
column.NumberFormat = doc.NumberFormats.getFormatIndex(index, Locale())
doc.storeToURL(
    uno.systemPathToFileUrl(dst),
    (prop("FilterName", "Text - txt - csv (StarCalc)"), prop("FilterOptions", export_options)),
)
doc.close(True)
try:
    desktop.terminate()
except Exception:
    pass
