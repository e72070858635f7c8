#!/usr/bin/env python3
"""Fixtures for stream tables (tables without ruling lines) in text-layer PDFs.

Writes fixtures/pdf/stream/<name>.docx (hand-written WordprocessingML, pure
standard library, deterministic) and converts each with LibreOffice into
fixtures/pdf/stream/<name>.pdf. Fixture-making only; sohoa never calls LibreOffice.

What the documents hold (all names and numbers are made up):
  * unruled_tables: an official letter whose letterhead and signature block are
    borderless two-column tables (they must stay paragraphs), justified prose, a
    borderless two-column list, a numbered task table without borders (STT,
    wrapped cells, a Roman group row) and an unnumbered indicator table with a
    bold header row, also without borders.
  * centred_cells: a numbered table without borders whose cells are centred
    vertically (the row number sits beside the middle of a wrapped cell), with
    group rows whose text spans the other columns and a "Ghi chú" column that
    only its header fills.
  * two_column_only: letterhead, a borderless two-column list of "label: value"
    pairs, a hanging-indent numbered list and the signature block: no tables at all.

Usage: python3 scripts/make_stream_pdf.py
"""
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "fixtures" / "pdf" / "stream"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

FONT = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'


def run(text, bold=False, italic=False, size=26):
    props = FONT + ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    props += f'<w:sz w:val="{size}"/>'
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(text, bold=False, italic=False, align="left", size=26, indent=0, after=60):
    ppr = f'<w:spacing w:before="0" w:after="{after}"/><w:jc w:val="{align}"/>'
    if indent:
        ppr += f'<w:ind w:firstLine="{indent}"/>'
    return f"<w:p><w:pPr>{ppr}</w:pPr>{run(text, bold, italic, size)}</w:p>"


def hanging(label, text):
    """A numbered paragraph with a hanging indent: label, tab, text."""
    ppr = '<w:spacing w:before="0" w:after="60"/><w:jc w:val="both"/><w:ind w:left="567" w:hanging="567"/>'
    tab = "<w:r><w:tab/></w:r>"
    return f"<w:p><w:pPr>{ppr}</w:pPr>{run(label)}{tab}{run(text)}</w:p>"


def cell(width, paras, span=1, valign=None):
    tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        tcpr += f'<w:gridSpan w:val="{span}"/>'
    if valign:
        tcpr += f'<w:vAlign w:val="{valign}"/>'
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{''.join(paras)}</w:tc>"


NO_BORDERS = "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))


def table(widths, rows):
    """A table without any border: `rows` are lists of cells, each a list of paragraphs."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    tblpr = f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{NO_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
    body = ""
    for r in rows:
        body += "<w:tr>" + "".join(cell(w, c) for w, c in zip(widths, r)) + "</w:tr>"
    return f"<w:tbl><w:tblPr>{tblpr}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"


def centred_table(widths, header, rows):
    """Borderless, every cell centred vertically; a row `(label, text)` is a group
    row whose text spans all the other columns."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    tblpr = f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{NO_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
    body = "<w:tr>" + "".join(cell(w, c(h, bold=True, align="center"), valign="center") for w, h in zip(widths, header)) + "</w:tr>"
    for r in rows:
        if len(r) == 2:
            cells = cell(widths[0], c(r[0], bold=True, align="center"), valign="center")
            cells += cell(sum(widths[1:]), c(r[1], bold=True), span=len(widths) - 1, valign="center")
        else:
            aligns = ["center", "both"] + ["center"] * (len(widths) - 2)
            cells = "".join(cell(w, c(v, align=a), valign="center") for w, v, a in zip(widths, r, aligns))
        body += f"<w:tr>{cells}</w:tr>"
    return f"<w:tbl><w:tblPr>{tblpr}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"


CENTRED = [
    ("I", "Tuyên truyền, phổ biến về cải cách hành chính trên địa bàn xã"),
    ("1", "Tuyên truyền trên hệ thống truyền thanh của xã về kết quả cải cách hành chính, chú trọng các thủ tục hành chính liên quan trực tiếp đến người dân", "Văn phòng HĐND và UBND xã", "Hằng quý", ""),
    ("2", "Tổ chức hội nghị", "Công chức Văn hóa - Xã hội", "Tháng 6/2026", ""),
    ("3", "Niêm yết công khai kết quả giải quyết hồ sơ tại bộ phận một cửa và trên trang thông tin điện tử của xã", "Bộ phận Một cửa", "Thường xuyên", ""),
    ("II", "Kiểm tra cải cách hành chính tại các thôn, tổ dân phố"),
    ("4", "Kiểm tra công tác cải cách hành chính tại các thôn theo kế hoạch đã được phê duyệt", "Văn phòng HĐND và UBND xã", "Quý III/2026", ""),
    ("5", "Báo cáo kết quả", "Công chức Tư pháp - Hộ tịch", "Tháng 12/2026", ""),
]


def centred_cells():
    header = ["STT", "Nội dung", "Đơn vị thực hiện", "Thời gian", "Ghi chú"]
    return "".join([
        para("KẾ HOẠCH TUYÊN TRUYỀN", bold=True, align="center", size=28),
        para(PROSE, align="both", indent=567),
        centred_table([800, 3600, 2400, 1500, 800], header, CENTRED),
        para(PROSE, align="both", indent=567),
    ])


def c(text, bold=False, align="left", italic=False):
    return [para(line, bold=bold, italic=italic, align=align, after=0) for line in text.split("\n")]


def letterhead():
    return table([3900, 5700], [
        [c("ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH", bold=True, align="center"),
         c("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", bold=True, align="center")],
        [c("Số: 27/KH-UBND", align="center"),
         c("Hòa Bình, ngày 05 tháng 3 năm 2026", italic=True, align="center")],
    ])


def signature():
    return table([4800, 4800], [
        [c("Nơi nhận:", bold=True, italic=True) + c("- Văn phòng UBND huyện;\n- Các ban, ngành xã;\n- Lưu: VT, VP."),
         c("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", bold=True, align="center") + c("\n\n\nTrần Văn Bình", bold=True, align="center")],
    ])


PROSE = (
    "Thực hiện Kế hoạch số 15/KH-UBND ngày 10/01/2026 của Ủy ban nhân dân huyện về cải cách "
    "hành chính năm 2026, Ủy ban nhân dân xã ban hành Kế hoạch triển khai thực hiện trên địa bàn "
    "xã với các nội dung chủ yếu sau đây, bảo đảm đồng bộ, thống nhất, hiệu quả và đúng tiến độ "
    "được giao cho từng cơ quan, đơn vị."
)

TASKS = [
    ("I", "Cải cách thể chế", "", ""),
    ("1", "Rà soát, đánh giá các văn bản quy phạm pháp luật do xã ban hành", "Văn phòng HĐND và UBND xã", "Tháng 6/2026"),
    ("2", "Kiểm tra việc thực hiện quy chế dân chủ ở cơ sở, công khai kết quả kiểm tra trên cổng thông tin của xã", "Công chức Tư pháp - Hộ tịch", "Quý III/2026"),
    ("3", "Tổ chức hội nghị đối thoại với người dân", "Văn phòng HĐND và UBND xã", "Tháng 9/2026"),
    ("II", "Cải cách thủ tục hành chính", "", ""),
    ("4", "Niêm yết công khai thủ tục hành chính tại bộ phận một cửa", "Bộ phận Một cửa", "Thường xuyên"),
    ("5", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Bộ phận Một cửa; các công chức chuyên môn", "Tháng 12/2026"),
]

INDICATORS = [
    ("Chỉ tiêu", "Năm 2025", "Năm 2026", "Ghi chú"),
    ("Hồ sơ trực tuyến", "65%", "80%", "Toàn trình"),
    ("Hồ sơ đúng hạn", "97%", "100%", ""),
    ("Hài lòng của người dân", "90%", "95%", "Khảo sát"),
]


def task_table():
    header = [c("STT", bold=True, align="center"), c("Nội dung nhiệm vụ", bold=True, align="center"),
              c("Cơ quan chủ trì", bold=True, align="center"), c("Thời gian hoàn thành", bold=True, align="center")]
    rows = [header]
    for num, task, lead, when in TASKS:
        group = not lead
        rows.append([c(num, bold=group, align="center"), c(task, bold=group), c(lead), c(when, align="center")])
    return table([800, 4400, 2600, 1800], rows)


def indicator_table():
    rows = [[c(v, bold=True, align="center") for v in INDICATORS[0]]]
    for r in INDICATORS[1:]:
        rows.append([c(r[0])] + [c(v, align="center") for v in r[1:]])
    return table([3600, 1700, 1700, 2600], rows)


def two_column_list():
    left = c("- Tuyên truyền, phổ biến;\n- Kiểm tra, giám sát;\n- Báo cáo định kỳ.")
    right = c("- Khen thưởng kịp thời;\n- Xử lý vi phạm;\n- Tổng kết cuối năm.")
    return table([4800, 4800], [[left, right]])


def unruled_tables():
    return "".join([
        letterhead(),
        para(""),
        para("KẾ HOẠCH", bold=True, align="center", size=28),
        para("Cải cách hành chính năm 2026 trên địa bàn xã", bold=True, align="center"),
        para(PROSE, align="both", indent=567),
        para("Các hoạt động thường xuyên gồm:", align="both", indent=567),
        two_column_list(),
        para("I. NHIỆM VỤ CỤ THỂ", bold=True),
        task_table(),
        para("II. CHỈ TIÊU", bold=True, after=120),
        indicator_table(),
        para(""),
        para(PROSE, align="both", indent=567),
        signature(),
    ])


def two_column_only():
    pairs = table([3000, 6600], [
        [c("Tên kế hoạch:"), c("Kiểm tra công tác cải cách hành chính")],
        [c("Đơn vị chủ trì:"), c("Văn phòng HĐND và UBND xã")],
        [c("Thời gian:"), c("Quý II và quý III năm 2026")],
        [c("Kinh phí:"), c("Ngân sách xã")],
    ])
    items = [hanging(f"{i}.", t) for i, t in enumerate([
        "Kiểm tra việc niêm yết công khai thủ tục hành chính và kết quả giải quyết hồ sơ của người dân tại bộ phận một cửa của xã.",
        "Kiểm tra việc thực hiện chế độ báo cáo định kỳ về cải cách hành chính theo quy định hiện hành.",
        "Kiểm tra việc ứng dụng công nghệ thông tin trong quản lý, điều hành.",
    ], start=1)]
    return "".join([letterhead(), para(""), para("KẾ HOẠCH KIỂM TRA", bold=True, align="center", size=28),
                    para(PROSE, align="both", indent=567), pairs, para(""), *items, two_column_list(), signature()])


def document(body):
    sect = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr>'
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}"><w:body>{body}{sect}</w:body></w:document>'


def write_docx(path, body):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS), ("word/document.xml", document(body))):
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            z.writestr(info, data)


def to_pdf(docx):
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(3):  # LibreOffice now and then exits without writing the file
            subprocess.run(["libreoffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                            "--convert-to", "pdf", "--outdir", tmp, str(docx)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            made = Path(tmp) / (docx.stem + ".pdf")
            if made.exists():
                os.replace(made, docx.with_suffix(".pdf"))
                return
    sys.exit(f"LibreOffice could not convert {docx}")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, body in (("unruled_tables", unruled_tables()), ("two_column_only", two_column_only()), ("centred_cells", centred_cells())):
        docx = OUT / f"{name}.docx"
        write_docx(docx, body)
        to_pdf(docx)
        print(docx.with_suffix(".pdf"))


if __name__ == "__main__":
    main()
