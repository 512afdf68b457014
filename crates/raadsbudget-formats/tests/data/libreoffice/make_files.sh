#!/bin/sh
# Re-saves the golden benchmark file with LibreOffice Calc in an English (en-US) and a Dutch
# (nl-NL) locale, as a user does who opens the file and saves it as CSV again. The files are
# committed; the tests read them and do not need LibreOffice. See README.md.
#
# Needs: apt-get install libreoffice-calc-nogui (python3-uno comes with it).
# Run from this folder: sh make_files.sh
set -eu

here=$(pwd)
golden="$here/../golden/raadsondersteuning_2026_GM9999_r1.csv"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# CSV filter options: field separator (44 = ',', 59 = ';'), text delimiter (34 = '"'),
# character set (76 = UTF-8), first line (1), column formats (none), import language
# (1033 = en-US, 1043 = nl-NL: how numbers in the file are recognised).
# $1 locale, $2 import language, $3 export field separator, $4 output name
convert() {
    mkdir -p "$work/$4"
    cp "$golden" "$work/$4/in.csv"
    LANG="$1.UTF-8" LC_ALL="$1.UTF-8" soffice \
        -env:UserInstallation="file://$work/profile-$1" --headless \
        --infilter="CSV:44,34,76,1,,$2" \
        --convert-to "csv:Text - txt - csv (StarCalc):$3,34,76,1" \
        --outdir "$work/$4/out" "$work/$4/in.csv"
    cp "$work/$4/out/in.csv" "$here/$4"
}

# $1 locale, $2 output name: column waarde formatted as a number with thousands separator
# and 2 decimals (Format > Cells > Number), saved with ';'.
grouped() {
    pipe="raadsbudget_$$_$1"
    LANG="$1.UTF-8" LC_ALL="$1.UTF-8" soffice \
        -env:UserInstallation="file://$work/profile-grouped-$1" --headless --norestore \
        --accept="pipe,name=$pipe;urp;" &
    LANG="$1.UTF-8" LC_ALL="$1.UTF-8" /usr/bin/python3 "$here/grouped.py" "$pipe" \
        "$golden" "$here/$2" "44,34,76,1,,1033" "59,34,76,1"
    wait
}

# English: numbers recognised, saved with ';' and a decimal point.
convert en_US 1033 59 en-US_puntkomma.csv
# Dutch, as a Dutch user opens it (import language nl-NL): 312450.87 is not a Dutch number,
# so the amounts stay text and come back unchanged, with ';'.
convert nl_NL 1043 59 nl-NL_puntkomma.csv
# Dutch with import language en-US: the numbers are numbers, saved with a decimal comma
# (the version 2026.1 too: 2026,1).
convert nl_NL 1033 59 nl-NL_puntkomma_getallen.csv
# The same saved with ',' as separator: the decimal commas are quoted ("312450,87").
convert nl_NL 1033 44 nl-NL_komma_getallen.csv
# Thousands separators: 312,450.87 and 312.450,87.
grouped en_US en-US_duizendtallen.csv
grouped nl_NL nl-NL_duizendtallen.csv
