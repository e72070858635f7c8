#!/usr/bin/env python3
"""DOCX versions of the seeds laid out as real plans are (Nghị định 30/2020):
corpus/seeds/*.txt -> corpus/docx-layout/<stem>.docx.

Built on scripts/make_docx.py (same paragraphs, numbering and tables), with two
changes of layout only:
  * the letterhead (`Số: ...` and `<Place>, ngày ...` at the top) becomes a
    two-column borderless table of two rows: (issuing side | national name and
    motto), (`Số: ...` | place and date). The national name and motto are the
    fixed words every administrative document prints; no seed wording changes.
  * the `Nơi nhận` list and the signature block after it (quyền hạn lines, title,
    name) become one borderless row: (Nơi nhận and its lines | signer lines).
A seed without a `Số:`/place line keeps its top as it is.

PDF versions: scripts/make_pdf.sh with OUT=corpus/pdf-layout and these DOCX files
(`scripts/make_layout.py --pdf` runs it).

Usage: python3 scripts/make_layout.py [--pdf] [seed.txt ...]   (default: all seeds)
"""
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_docx as md  # noqa: E402

ROOT = md.ROOT
OUT = ROOT / "corpus/docx-layout"
NATIONAL = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
NUMBER_AND_PLACE = re.compile(r"^(Số:\s*\S*\s*/\s*\S+(?:\s+-\s+\S+)?)\s+(\S.*,\s*ngày.*)$")
PLACE = re.compile(r"^\S.*,\s*ngày\b")
NAME = re.compile(r"^(?:[A-ZÀ-Ỹ][^\s\d]*\s+){1,5}[A-ZÀ-Ỹ][^\s\d]*$")


class Recorder(md.Doc):
    """A Doc that remembers each paragraph's plain text beside its XML."""

    def __init__(self):
        super().__init__()
        self.texts = []  # plain text per body entry; None for tables and spacers

    def paragraph(self, runs, heading=None, numbered=True, align=None):
        super().paragraph(runs, heading, numbered, align)
        self.texts.append(md.plain(runs).strip())

    def table(self, rows, ncols):
        super().table(rows, ncols)
        self.texts.extend([None, None])  # the table and the empty paragraph after it


RUN = re.compile(r"<w:r>(<w:rPr>)?")


def sized(xml, half_points):
    """Every run of `xml` in the given size (half-points: 22 is 11 pt)."""
    size = f'<w:sz w:val="{half_points}"/>'
    return RUN.sub(lambda m: f"<w:r><w:rPr>{size}" + ("" if m.group(1) else "</w:rPr>"), xml)


def cell_xml(doc, lines, width, list_side):
    """One cell: the Nơi nhận side left-aligned in 11 pt (as Nghị định 30 prints it), the others centred."""
    paras = []
    for line in lines:
        bullet = bool(md.BULLET_RE.match(line))
        xml = doc.paragraph_xml(md.runs_of(line), numbered=bullet, align="left" if list_side else "center")
        paras.append(sized(xml, 22) if list_side else sized(xml, 26))
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{"".join(paras) or "<w:p/>"}</w:tc>'


def borderless(doc, rows, list_left=False):
    """A two-column table without borders; rows: [(left lines, right lines)]."""
    widths = (3800, 5271)
    none = "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    body = "".join(f"<w:tr>{cell_xml(doc, l, widths[0], list_left)}{cell_xml(doc, r, widths[1], False)}</w:tr>" for l, r in rows)
    return f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>{none}</w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>'


def lines_of(text):
    """A paragraph's text as the lines it prints (a <br> or two spaces and a newline break it)."""
    return [l.strip() for l in re.split(r"\s*\n\s*|<br>", text.replace("**", "")) if l.strip()]


def letterhead(doc):
    """Replaces the top `Số:` and place paragraphs with the letterhead table."""
    top = [i for i, t in enumerate(doc.texts[:4]) if t and (t.startswith("Số:") or PLACE.match(t))]
    if not top:
        return
    number, place = "", ""
    for i in top:
        t = " ".join(doc.texts[i].split()) if NUMBER_AND_PLACE.match(" ".join(doc.texts[i].split())) else doc.texts[i]
        m = NUMBER_AND_PLACE.match(t)
        if m:
            number, place = m.group(1), m.group(2)
        elif t.startswith("Số:"):
            number = t
        else:
            place = t
    table = borderless(doc, [([], NATIONAL), ([number] if number else [], [place] if place else [])])
    for i in reversed(top):
        del doc.body[i], doc.texts[i]
    doc.body.insert(top[0], table)
    doc.texts.insert(top[0], None)


def is_signer_line(text):
    plain = text.replace("**", "").replace("*", "").strip()
    letters = [c for c in plain if c.isalpha()]
    return bool(letters) and (all(c.isupper() for c in letters) or NAME.match(plain))


def signature(doc):
    """Replaces `Nơi nhận`, its lines and the signer paragraphs after them with one borderless row."""
    start = next((i for i, t in enumerate(doc.texts) if t and t.replace("*", "").startswith("Nơi nhận")), None)
    if start is None:
        return
    end = start + 1
    recipients = lines_of(doc.texts[start].replace("*", ""))
    while end < len(doc.texts) and doc.texts[end] and (md.BULLET_RE.match(doc.texts[end]) or doc.texts[end].startswith("Để ")):
        recipients.append(doc.texts[end])
        end += 1
    signer = []
    while end < len(doc.texts) and doc.texts[end] and is_signer_line(doc.texts[end]):
        signer.extend(lines_of(doc.texts[end]))
        name = NAME.match(doc.texts[end].replace("*", "").strip()) and not doc.texts[end].replace("*", "").isupper()
        end += 1
        if name:
            break
    if not signer:
        return
    table = borderless(doc, [(recipients, signer)], list_left=True)
    del doc.body[start:end], doc.texts[start:end]
    doc.body.insert(start, table)
    doc.texts.insert(start, None)


def convert(seed):
    text = seed.read_text(encoding="utf-8")
    lines = text.split("\n")
    doc = Recorder()
    if md.is_markdown(text):
        md.convert_markdown(doc, lines)
    else:
        md.convert_plain(doc, lines)
    letterhead(doc)
    signature(doc)
    target = OUT / (seed.stem + ".docx")
    doc.docx(target)
    return target


def main(argv):
    pdf = bool(argv) and argv[0] == "--pdf"
    argv = argv[1:] if pdf else argv
    seeds = [Path(a) for a in argv] or sorted((ROOT / "corpus/seeds").glob("*.txt"))
    made = [convert(s) for s in seeds]
    for t in made:
        print(t)
    if pdf:
        subprocess.run(["sh", str(ROOT / "scripts/make_pdf.sh"), *map(str, made)], check=True, env={"OUT": "corpus/pdf-layout", "PATH": "/usr/bin:/bin"})


if __name__ == "__main__":
    main(sys.argv[1:])
