#!/usr/bin/env python3
"""The .doc fixture for the header/footer and text-box stories:
fixtures/doc/headers_boxes.fodt (flat ODF, written here),
fixtures/doc/headers_boxes.doc (LibreOffice's Word 97 export of it) and
fixtures/doc/headers_boxes.docx (its DOCX export, for the DOCX reader's headers).

The page header holds a TCVN3 line (font .VnTime, the cp1252 reading of the
legacy bytes, as old Word files hold it) and a page-number field; the footer
a Unicode line. The body has a paragraph anchoring a text box of two
paragraphs, and a table whose cell anchors a second text box.

Usage: python3 scripts/make_doc_stories_fixture.py   (needs soffice)
"""
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "fixtures/doc"
NAME = "headers_boxes"

# "văn phòng quốc hội" in TCVN3, read as cp1252 (ă=0xA8 ò=0xDF ố=0xE8 ộ=0xE9).
TCVN3_HEADER = "v\u00a8n ph\u00dfng qu\u00e8c h\u00e9i"


def frame(name, paragraphs, anchor="paragraph"):
    body = "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
    return (
        f'<draw:frame draw:name="{name}" text:anchor-type="{anchor}" svg:width="6cm" '
        f'svg:height="2cm" svg:x="9cm" svg:y="0cm"><draw:text-box>{body}</draw:text-box></draw:frame>'
    )


FODT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name=".VnTime" svg:font-family=".VnTime"/>
 <style:font-face style:name="Times New Roman" svg:font-family="'Times New Roman'"/>
</office:font-face-decls>
<office:styles>
 <style:style style:name="Standard" style:family="paragraph">
  <style:text-properties style:font-name="Times New Roman"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="T1" style:family="text"><style:text-properties style:font-name=".VnTime"/></style:style>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"/>
  <style:header-style/><style:footer-style/></style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p><text:span text:style-name="T1">{TCVN3_HEADER}</text:span> <text:page-number text:select-page="current">1</text:page-number></text:p></style:header>
  <style:footer><text:p>Lưu hành nội bộ</text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
 <text:p>Đoạn mở đầu.</text:p>
 <text:p>Đoạn giữ khung.{frame("Box1", ["DỰ THẢO", "Hộp văn bản dòng hai"])}</text:p>
 <text:p>Đoạn sau khung.</text:p>
 <table:table table:name="T"><table:table-column table:number-columns-repeated="2"/>
  <table:table-row>
   <table:table-cell><text:p>Ô một{frame("Box2", ["Hộp trong bảng"])}</text:p></table:table-cell>
   <table:table-cell><text:p>Ô hai</text:p></table:table-cell>
  </table:table-row>
 </table:table>
 <text:p>Đoạn kết thúc.</text:p>
 <text:p>Trang hai.</text:p>
</office:text></office:body>
</office:document>
"""


def main():
    if not shutil.which("soffice"):
        sys.exit("soffice (LibreOffice) is needed")
    OUT.mkdir(parents=True, exist_ok=True)
    src = OUT / f"{NAME}.fodt"
    src.write_text(FODT, encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        for ext, filt in [("doc", "doc:MS Word 97"), ("docx", "docx:MS Word 2007 XML")]:
            subprocess.run(
                ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                 "--convert-to", filt, "--outdir", tmp, str(src)],
                check=True, capture_output=True,
            )
            shutil.copy(Path(tmp) / f"{NAME}.{ext}", OUT / f"{NAME}.{ext}")
    print(f"wrote {src.relative_to(ROOT)}, {NAME}.doc and {NAME}.docx")


if __name__ == "__main__":
    main()
