#!/usr/bin/env python3
"""Copies a TrueType font under another family name (fixture-making only:
fonts named like the legacy TCVN3 fonts, .VnTime / .VnTimeH, for
scripts/make_tcvn3_pdf.sh). Needs fontTools (pip install fonttools).

Usage: scripts/rename_font.py SOURCE.ttf FAMILY OUT.ttf
"""
import sys

from fontTools.ttLib import TTFont


def main():
    source, family, out = sys.argv[1:4]
    font = TTFont(source)
    style = font["name"].getDebugName(2) or "Regular"
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = family
        elif record.nameID in (4,):
            record.string = family if style == "Regular" else f"{family} {style}"
        elif record.nameID == 6:
            record.string = (family + ("" if style == "Regular" else "-" + style)).replace(" ", "")
    font.save(out)


if __name__ == "__main__":
    main()
