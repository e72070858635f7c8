#!/usr/bin/env python3
"""Builds the spreadsheet fixtures of fixtures/sheet/: one workbook written
as .xlsx with openpyxl, then converted to .ods by LibreOffice, so that the
two files hold the same content (merged cells across columns and rows, dates,
a time, numbers) in each format's own encoding.

Usage: python3 scripts/make_sheet_fixtures.py   (needs openpyxl and soffice)
Outputs: fixtures/sheet/merged_values.xlsx, fixtures/sheet/merged_values.ods
"""

import datetime as dt
import pathlib
import shutil
import subprocess
import tempfile

from openpyxl import Workbook

OUT = pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "sheet"
NAME = "merged_values"


def annex(ws):
    """A plan annex: a title across the columns, a lead merged down three
    rows, an empty row, a total merged across two columns, a 2x2 block."""
    ws.append(["PHỤ LỤC: NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026"])
    ws.merge_cells("A1:E1")
    ws.append(["STT", "Nội dung", "Chủ trì", "Thời hạn", "Kinh phí (triệu đồng)"])
    ws.append([1, "Rà soát thủ tục hành chính", "Sở Nội vụ", dt.date(2026, 1, 7), 5280])
    ws.append([2, "Số hóa hồ sơ\nlưu trữ", None, dt.date(2026, 3, 31), 12.5])
    ws.append([3, "Họp giao ban", None, dt.datetime(2026, 12, 31, 10, 30), 0.1 + 0.2])
    ws.merge_cells("C3:C5")
    ws.append([])
    ws.append(["Tổng cộng", None, "Ghi chú chung", None, 5292.8])
    ws.merge_cells("A7:B7")
    ws.append([None, None, None, None, -1234567.25])
    ws.merge_cells("C7:D8")
    for row in range(3, 6):
        ws.cell(row=row, column=4).number_format = "dd/mm/yyyy"
    ws.cell(row=5, column=4).number_format = "dd/mm/yyyy hh:mm"


def schedule(ws):
    """A second sheet: times of day, one merge across two rows. (No booleans:
    LibreOffice converts an xlsx TRUE into a `=TRUE()` formula with value 1.)"""
    ws.append(["Cuộc họp", "Giờ", "Kết quả"])
    ws.append(["Giao ban tháng", dt.time(8, 30), "Đã xong"])
    ws.append([None, dt.time(14, 0), "Chưa"])
    ws.merge_cells("A2:A3")
    for row in range(2, 4):
        ws.cell(row=row, column=2).number_format = "hh:mm"


def main():
    wb = Workbook()
    ws = wb.active
    ws.title = "Nhiệm vụ"
    annex(ws)
    schedule(wb.create_sheet("Lịch họp"))
    OUT.mkdir(parents=True, exist_ok=True)
    xlsx = OUT / f"{NAME}.xlsx"
    wb.save(xlsx)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
             "--convert-to", "ods", "--outdir", tmp, str(xlsx)],
            check=True, capture_output=True,
        )
        shutil.copy(pathlib.Path(tmp) / f"{NAME}.ods", OUT / f"{NAME}.ods")
    print(f"wrote {xlsx} and {OUT / (NAME + '.ods')}")


if __name__ == "__main__":
    main()
