#!/usr/bin/env python3
"""DOCX versions of the seed text dumps: corpus/seeds/*.txt -> corpus/docx/<stem>.docx.

Pure standard library (zipfile + hand-written WordprocessingML), deterministic
output. What the DOCX carries:
  * Section numbers (I., 1., a), A.) and "-"/"+" items as REAL Word numbering:
    numbering.xml lists, numPr on the paragraphs, the number removed from the
    text. Every list kind is one abstractNum; a new w:num with a
    startOverride is opened whenever the seed's next number is not the
    previous one + 1, so Word prints exactly the seed's number.
  * Markdown-like dumps (000, 002, 003): '#' headings as Heading N styles,
    **bold** / *italic* / <b> <i> <br> as run properties and breaks, tab
    separated tables as Word tables: the first row is a repeated header row
    (tblHeader) and its repeats at page breaks are dropped, a row that
    continues a row cut by a page break is merged back into it, a group row
    (one filled cell) is one cell spanning the row (gridSpan), equal values in
    consecutive rows of the same column (3rd column on) become a vertical
    merge (vMerge), <li> items become "-" numbered paragraphs in the cell.
  * Plain PDF-to-text dumps (001, 004): wrapped lines joined into paragraphs.
    004's annex table arrives column by column; the simple rule used is: a row
    starts at a line holding only a number (or a Roman group line), and the
    blank-line separated chunks that follow fill the columns in order. Where
    the dump interleaves columns, the 004 table is imperfect.
  * The header block (Số, place/date, title, signer, Nơi nhận) stays ordinary
    paragraphs. Wording is kept identical to the seed.

Usage: python3 scripts/make_docx.py [seed.txt ...]   (default: all seeds)
       python3 scripts/make_docx.py --flat OUT_DIR    (diagnostic: no gridSpan/vMerge)
"""
import html
import re
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# ---------------------------------------------------------------- numbering

# kind -> (numFmt, lvlText, bullet font or None)
KINDS = {
    "roman": ("upperRoman", "%1.", None),
    "decimal": ("decimal", "%1.", None),
    "letter": ("lowerLetter", "%1)", None),
    "upper": ("upperLetter", "%1.", None),
    "dash": ("bullet", "-", "Times New Roman"),
    "plus": ("bullet", "+", "Times New Roman"),
}

LABEL_RE = re.compile(r"^(?:(?P<roman>[IVX]+)\.|(?P<decimal>\d{1,2})\.|(?P<letter>[a-zđ])\)|(?P<upper>[A-D])\.)(?=\s+\S)")
BULLET_RE = re.compile(r"^(?P<b>[-+])(?=\s+\S)")


def roman_value(s):
    vals = {"I": 1, "V": 5, "X": 10}
    total = 0
    for i, ch in enumerate(s):
        v = vals[ch]
        total += -v if i + 1 < len(s) and vals[s[i + 1]] > v else v
    return total


def parse_label(text):
    """(kind, value, label_length) of a label at the start of text, or None."""
    m = BULLET_RE.match(text)
    if m:
        return ("dash" if m.group("b") == "-" else "plus", 0, 1)
    m = LABEL_RE.match(text)
    if not m:
        return None
    kind = m.lastgroup
    raw = m.group(kind)
    value = {
        "roman": lambda: roman_value(raw),
        "decimal": lambda: int(raw),
        "letter": lambda: 1 + "abcdđefghijklmnopqrstuvwxyz".replace("đ", "").find(raw) if raw != "đ" else 5,
        "upper": lambda: ord(raw) - ord("A") + 1,
    }[kind]()
    return (kind, value, m.end())


class Numbering:
    """Allocates w:num instances so that Word prints the seed's numbers."""

    def __init__(self):
        self.nums = []  # (numId, abstractId, start)
        self.current = {}  # kind -> (numId, last value)

    def num_for(self, kind, value):
        abstract = list(KINDS).index(kind) + 1
        cur = self.current.get(kind)
        if kind in ("dash", "plus") and cur:
            return cur[0]
        if cur and cur[1] + 1 == value:
            self.current[kind] = (cur[0], value)
            return cur[0]
        num_id = len(self.nums) + 1
        self.nums.append((num_id, abstract, value if kind not in ("dash", "plus") else 1))
        self.current[kind] = (num_id, value)
        return num_id

    def xml(self):
        out = [f'<w:numbering xmlns:w="{W_NS}">']
        for i, (kind, (fmt, text, font)) in enumerate(KINDS.items(), start=1):
            rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
            out.append(
                f'<w:abstractNum w:abstractNumId="{i}"><w:multiLevelType w:val="singleLevel"/>'
                f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr>{rpr}</w:lvl></w:abstractNum>'
            )
        for num_id, abstract, start in self.nums:
            out.append(
                f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
                f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'
            )
        out.append("</w:numbering>")
        return "".join(out)


# ---------------------------------------------------------------- inline markup

TOKEN_RE = re.compile(r"(\*\*\*|\*\*|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|<br\s*/?>|</?b>|</?strong>|</?i>|</?em>|<[^>]+>)", re.I)


def runs_of(text, bold=False, italic=False):
    """Markdown/HTML inline markup -> [(text, bold, italic)]; '\\n' is a line break."""
    runs = []
    for piece in TOKEN_RE.split(text):
        if not piece:
            continue
        low = piece.lower()
        if piece == "***":
            bold, italic = not bold, not italic
        elif piece == "**":
            bold = not bold
        elif piece == "*":
            italic = not italic
        elif low in ("<b>", "<strong>"):
            bold = True
        elif low in ("</b>", "</strong>"):
            bold = False
        elif low in ("<i>", "<em>"):
            italic = True
        elif low in ("</i>", "</em>"):
            italic = False
        elif low.startswith("<br"):
            runs.append(("\n", bold, italic))
        elif piece.startswith("<"):
            continue
        else:
            runs.append((html.unescape(piece), bold, italic))
    return runs


def plain(runs):
    return "".join(t for t, _, _ in runs)


def drop_chars(runs, n):
    """Removes the first n characters (a label) and the spaces after them."""
    out = []
    for text, b, i in runs:
        if n > 0:
            cut = min(n, len(text))
            text, n = text[cut:], n - cut
        out.append((text, b, i))
    while out and not out[0][0].strip():
        out.pop(0)
    if out:
        out[0] = (out[0][0].lstrip(), out[0][1], out[0][2])
    return out


# ---------------------------------------------------------------- document XML


class Doc:
    def __init__(self):
        self.body = []
        self.numbering = Numbering()
        self.last_header = None

    def paragraph(self, runs, heading=None, numbered=True, align=None):
        """Adds a paragraph; a leading label becomes Word numbering."""
        self.body.append(self.paragraph_xml(runs, heading, numbered, align))

    def paragraph_xml(self, runs, heading=None, numbered=True, align=None):
        ppr = []
        if heading:
            ppr.append(f'<w:pStyle w:val="Heading{heading}"/>')
        text = plain(runs).lstrip()
        label = parse_label(text) if numbered else None
        if label:
            kind, value, length = label
            runs = drop_chars(runs, len(plain(runs)) - len(text) + length)
            num_id = self.numbering.num_for(kind, value)
            ppr.append(f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
        if align:
            ppr.append(f'<w:jc w:val="{align}"/>')
        ppr_xml = f"<w:pPr>{''.join(ppr)}</w:pPr>" if ppr else ""
        return f"<w:p>{ppr_xml}{''.join(run_xml(r) for r in runs)}</w:p>"

    def table(self, rows, ncols):
        """rows: [{'cells': [(text_runs_list, colspan, vmerge)], 'header': bool}]"""
        width = 9000 // max(ncols, 1)
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(ncols))
        out = [
            '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
            '<w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/>'
            '<w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/>'
            '<w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders>'
            f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
        ]
        for row in rows:
            trpr = "<w:trPr><w:tblHeader/></w:trPr>" if row["header"] else ""
            out.append(f"<w:tr>{trpr}")
            for paragraphs, colspan, vmerge in row["cells"]:
                tcpr = f'<w:tcW w:w="{width * colspan}" w:type="dxa"/>'
                if colspan > 1:
                    tcpr += f'<w:gridSpan w:val="{colspan}"/>'
                if vmerge == "restart":
                    tcpr += '<w:vMerge w:val="restart"/>'
                elif vmerge == "continue":
                    tcpr += "<w:vMerge/>"
                cell_ps = [self.cell_paragraph(p) for p in paragraphs] or ["<w:p/>"]
                if vmerge == "continue":
                    cell_ps = ["<w:p/>"]
                out.append(f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{''.join(cell_ps)}</w:tc>")
            out.append("</w:tr>")
        out.append("</w:tbl>")
        self.body.append("".join(out))
        self.body.append("<w:p/>")

    def cell_paragraph(self, runs):
        """Cell lines: only '-'/'+' items become numbered; typed Stt numbers stay text."""
        text = plain(runs).lstrip()
        bullet = BULLET_RE.match(text)
        return self.paragraph_xml(runs, numbered=bool(bullet))

    def docx(self, path):
        document = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}"><w:body>'
            + "".join(self.body)
            + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" '
            'w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>'
        )
        parts = {
            "[Content_Types].xml": CONTENT_TYPES,
            "_rels/.rels": PACKAGE_RELS,
            "word/_rels/document.xml.rels": DOCUMENT_RELS,
            "word/document.xml": document,
            "word/styles.xml": STYLES,
            "word/numbering.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + self.numbering.xml(),
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts.items():
                info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, data.encode("utf-8"))


def run_xml(run):
    text, bold, italic = run
    rpr = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    rpr = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    pieces = text.split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(p)}</w:t>' for p in pieces)
    return f"<w:r>{rpr}{body}</w:r>"


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>"""

PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""

DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"""

STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>'
    '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
    '<w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    '<w:pPr><w:spacing w:before="60" w:after="60"/><w:jc w:val="both"/></w:pPr></w:style>'
    + "".join(
        f'<w:style w:type="paragraph" w:styleId="Heading{n}"><w:name w:val="heading {n}"/>'
        f'<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:outlineLvl w:val="{n - 1}"/></w:pPr></w:style>'
        for n in range(1, 7)
    )
    + '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style></w:styles>'
)

# ---------------------------------------------------------------- markdown-like dumps


def is_markdown(text):
    return "**" in text or "\t" in text or re.search(r"^#+ ", text, re.M) is not None


def md_paragraphs(lines):
    """Blank-line separated paragraphs; a line ending in two spaces is a hard break."""
    para = []
    for line in lines + [""]:
        if line.strip():
            para.append(line)
            continue
        if para:
            yield para
            para = []


def md_join(lines):
    out = ""
    for line in lines:
        hard = line.endswith("  ")
        piece = line.strip()
        out += piece + ("<br>" if hard else " ")
    return re.sub(r"(<br>| )+$", "", out)


def split_cell(raw):
    """A cell's text -> list of paragraphs (each a run list): <li> items and <br> lines."""
    # A space the dump left between a bracket and an inline tag is not text.
    raw = re.sub(r"\(\s+(?=<)", "(", raw.strip())
    raw = re.sub(r"(?<=>)\s+\)", ")", raw)
    if "<li" in raw.lower():
        items = re.findall(r"<li[^>]*>(.*?)</li>", raw, re.I | re.S)
        rest = re.sub(r"<ul[^>]*>.*?</ul>", "", raw, flags=re.I | re.S).strip()
        paras = [runs_of(rest)] if rest else []
        return paras + [runs_of(item.strip()) for item in items if item.strip()]
    return [runs_of(raw)] if raw else []


def build_table(doc, rows, has_header=True):
    """rows: list of cell-text lists, header first when has_header (its repeats already dropped)."""
    ncols = max(len(r) for r in rows)
    rows = [r + [""] * (ncols - len(r)) for r in rows]
    out = []
    for i, r in enumerate(rows):
        filled = [j for j, c in enumerate(r) if c.strip()]
        group = (i > 0 or not has_header) and 1 <= len(filled) <= 2 and filled[-1] <= 1 and ncols - filled[-1] >= 3
        if group:
            last = filled[-1]
            cells = [(split_cell(r[j]), 1, None) for j in range(last)]
            cells.append((split_cell(r[last]), ncols - last, None))
            out.append({"cells": cells, "header": False, "group": True, "raw": r})
        else:
            out.append({"cells": [(split_cell(c), 1, None) for c in r], "header": i == 0 and has_header, "group": False, "raw": r})
    if FLAT:
        for row in out:
            if row["group"]:
                row["cells"] = [(split_cell(c), 1, None) for c in row["raw"]]
    else:
        apply_vmerge(out, ncols)
    doc.table(out, ncols)


def apply_vmerge(rows, ncols):
    """Equal non-empty values in consecutive non-group rows (3rd column on) merge vertically."""
    for col in range(2, ncols):
        i = 1
        while i < len(rows):
            j = i
            value = rows[i]["raw"][col].strip() if not rows[i]["group"] else ""
            while value and j + 1 < len(rows) and not rows[j + 1]["group"] and rows[j + 1]["raw"][col].strip() == value:
                j += 1
            if j > i:
                for k in range(i, j + 1):
                    paras, span, _ = rows[k]["cells"][col]
                    rows[k]["cells"][col] = (paras, span, "restart" if k == i else "continue")
            i = j + 1


def join_cut_cell(first, second):
    """Joins the two parts of a cell cut by a page break; text that continues
    a list goes into its last item."""
    first, second = first.rstrip(), second.strip()
    if not first:
        return second
    tail = re.search(r"</li>\s*</ul>$", first, re.I)
    if tail:
        return first[: tail.start()] + " " + second + first[tail.start():]
    return first + " " + second


def is_header_repeat(cells, header):
    """A row printing the header again (the dump may drop its trailing cells)."""
    def strip(row):
        out = [plain(runs_of(c)).strip() for c in row]
        while out and not out[-1]:
            out.pop()
        return out
    a, h = strip(cells), strip(header)
    return len(a) >= 3 and h[: len(a)] == a


def md_table_rows(block, doc):
    """Tab lines of one table -> (rows, first row is a header); repeated headers
    dropped, page-split rows rejoined. A table that follows a heading without
    printing the header again continues the previous table's columns."""
    rows, header = [], doc.last_header
    has_header = False
    after_repeat = False
    for line in block:
        cells = line.split("\t")
        if all(re.fullmatch(r"-*", c.strip()) for c in cells):
            continue
        if not rows and (header is None or is_header_repeat(cells, header)):
            header = doc.last_header = cells
            has_header = True
            rows.append(cells)
            continue
        if is_header_repeat(cells, header):
            after_repeat = True
            continue
        if after_repeat and len(rows) > int(has_header) and (not cells[0].strip() or not rows[-1][0].strip()):
            # The row a page break cut: its second part has no number, or its
            # first part had none and the number is printed with the second.
            prev = rows[-1]
            prev += [""] * (len(cells) - len(prev))
            for k, c in enumerate(cells):
                if c.strip():
                    prev[k] = join_cut_cell(prev[k], c)
            after_repeat = False
            continue
        after_repeat = False
        rows.append(cells)
    return rows, has_header


def convert_markdown(doc, lines):
    i = 0
    pending = None  # the last paragraph's lines, held back in case the next one continues it
    while i < len(lines):
        line = lines[i]
        if "\t" in line:
            if pending:
                emit_md_paragraph(doc, pending)
                pending = None
            block = []
            while i < len(lines) and ("\t" in lines[i] or not lines[i].strip()):
                if lines[i].strip():
                    block.append(lines[i])
                i += 1
            rows, has_header = md_table_rows(block, doc)
            if rows:
                build_table(doc, rows, has_header)
            continue
        if not line.strip():
            i += 1
            continue
        para = []
        while i < len(lines) and lines[i].strip() and "\t" not in lines[i]:
            para.append(lines[i])
            i += 1
        # A paragraph starting in lower case continues the one a page break cut.
        if pending and para[0].strip()[:1].islower():
            pending = pending + para
            continue
        if pending:
            emit_md_paragraph(doc, pending)
        pending = para
    if pending:
        emit_md_paragraph(doc, pending)


def emit_md_paragraph(doc, para):
    # A list whose items sit on consecutive lines ("- a;\n- b;") is one paragraph per item.
    if len(para) > 1 and all(BULLET_RE.match(l.strip()) or LABEL_RE.match(l.strip()) for l in para):
        for l in para:
            emit_md_paragraph(doc, [l])
        return
    text = md_join(para)
    heading = None
    m = re.match(r"^(#+)\s+", text)
    if m:
        heading = min(len(m.group(1)), 6)
        text = text[m.end():]
    doc.paragraph(runs_of(text), heading=heading)


# ---------------------------------------------------------------- plain dumps

NUM_ONLY = re.compile(r"^\d{1,2}\.?\s*$")
GROUP_LINE = re.compile(r"^[IVX]+\.?\s+\S")


def plain_paragraphs(lines):
    """Wrapped lines -> paragraphs. A paragraph ends at a blank line followed by
    a line starting upper-case or with a label, or after a short line."""
    width = max((len(l.rstrip()) for l in lines), default=80)
    paras, cur = [], []
    for idx, line in enumerate(lines):
        s = line.strip()
        if not s or re.fullmatch(r"-{3,}", s):
            continue
        starts_new = bool(parse_label(s)) or s.startswith("Điều ") or (s[:1].isupper() and prev_blank(lines, idx))
        if cur and (starts_new or len(cur[-1].rstrip()) < 0.6 * width and not s[:1].islower()):
            paras.append(cur)
            cur = []
        cur.append(s)
    if cur:
        paras.append(cur)
    return [" ".join(p) for p in paras]


def prev_blank(lines, idx):
    return idx > 0 and not lines[idx - 1].strip()


def chunks(lines):
    """Blank-line separated chunks of stripped lines."""
    out, cur = [], []
    for l in lines + [""]:
        if l.strip():
            cur.append(l.strip())
        elif cur:
            out.append(cur)
            cur = []
    return out


def plain_table(doc, lines, header):
    """004-style column-by-column table: rows start at a number-only line or a Roman group line."""
    ncols = len(header)
    rows = [header]
    cur = None
    for ch in chunks(lines):
        first = ch[0]
        if GROUP_LINE.match(first) and len(ch) == 1:
            cur = None
            rows.append([first] + [""] * (ncols - 1))
            continue
        if NUM_ONLY.match(first):
            cur = [first.strip()] + [""] * (ncols - 1)
            rows.append(cur)
            cur.append(1)  # next column to fill (kept as the last element)
            ch = ch[1:]
            if not ch:
                continue
        if cur is None:
            continue
        col = cur[-1]
        cell = " ".join(ch)
        if col < ncols:
            cur[col] = cell
            cur[-1] = col + 1
        else:
            cur[ncols - 1] = (cur[ncols - 1] + " " + cell).strip()
    clean = [r[:ncols] for r in rows]
    build_table(doc, clean)


ROW_LINE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
# Where the last column of a one-line row starts (a deadline phrase).
LAST_COL = re.compile(r"\s(?=(?:Trước|Chậm nhất|Trong|Quý|Tháng|Thường xuyên|Hằng|Thời gian)\b)")


def is_caps_title(line):
    s = line.strip()
    words = s.split()
    plain_words = all(re.fullmatch(r"[^\W\d_]+", w) for w in words)
    return len(words) >= 2 and plain_words and s.upper() == s and not GROUP_LINE.match(s)


def table_start(lines, i):
    """A table header starts with a line 'Số' followed by a line 'TT ...'."""
    nxt = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
    return lines[i].strip() == "Số" and nxt is not None and lines[nxt].startswith("TT "), nxt


def line_table(doc, lines, header_line):
    """One row per line: 'N content deadline'."""
    header = ["Số TT"] + LAST_COL.split(header_line[3:].strip(), maxsplit=1)
    rows = [header]
    used = 0
    for line in lines:
        m = ROW_LINE.match(line.strip())
        if not m:
            break
        rows.append([m.group(1)] + LAST_COL.split(m.group(2).strip(), maxsplit=1))
        used += 1
    build_table(doc, rows)
    return used


def convert_plain(doc, lines):
    i, para_lines = 0, []
    while i < len(lines):
        is_table, header_idx = table_start(lines, i)
        if not is_table:
            para_lines.append(lines[i])
            i += 1
            continue
        for p in plain_paragraphs(para_lines):
            doc.paragraph(runs_of(p))
        para_lines = []
        rest = [j for j in range(header_idx + 1, len(lines)) if lines[j].strip()]
        if rest and ROW_LINE.match(lines[rest[0]].strip()) and not GROUP_LINE.match(lines[rest[0]].strip()):
            used = line_table(doc, lines[rest[0]:], lines[header_idx])
            i = rest[0] + used
            continue
        first_group = next(j for j in rest if GROUP_LINE.match(lines[j].strip()))
        end = next((j for j in rest if j > first_group and is_caps_title(lines[j])), len(lines))
        # The header cells of a column-by-column dump cannot be split by rule;
        # these are the words of the seed's header in column order.
        header = ["Số TT", "Nội dung công việc", "Công chức tham mưu", "Tổ chức, cá nhân phối hợp", "Thời hạn hoàn thành", "Sản phẩm dự kiến hoàn thành"]
        plain_table(doc, lines[first_group:end], header)
        i = end
    for p in plain_paragraphs(para_lines):
        doc.paragraph(runs_of(p))


# ---------------------------------------------------------------- main


def convert(seed, out_dir):
    text = seed.read_text(encoding="utf-8")
    lines = text.split("\n")
    doc = Doc()
    if is_markdown(text):
        convert_markdown(doc, lines)
    else:
        convert_plain(doc, lines)
    target = out_dir / (seed.stem + ".docx")
    doc.docx(target)
    return target


FLAT = False


def main(argv):
    global FLAT
    out_dir = ROOT / "corpus/docx"
    if argv[:2] and argv[0] == "--flat":
        # Diagnostic variant without gridSpan/vMerge: python3 make_docx.py --flat OUT_DIR
        FLAT, out_dir, argv = True, Path(argv[1]), argv[2:]
    seeds = [Path(a) for a in argv] or sorted((ROOT / "corpus/seeds").glob("*.txt"))
    for seed in seeds:
        print(convert(seed, out_dir))


if __name__ == "__main__":
    main(sys.argv[1:])
