"""The annex as an .xlsx workbook: one sheet, one line per indicator and one
indented line per cell, figures as numbers (not text) so the province can add
communes up. Every string goes out as a text cell, never a formula (as
registry/exporting.py does): labels are data and must not run in Excel.
"""

import io

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from reports.indicators.smallcells import COMPLEMENTARY_MARK, cell_display
from reports.indicators.structure import Annex, Row

SHEET_TITLE = "Biểu số liệu"
HEADERS = ("Mã chỉ tiêu", "Chỉ tiêu", "Số liệu", "Mẫu số", "Tỷ lệ (%)", "Đơn vị")
WIDTHS = {"A": 34, "B": 70, "C": 14, "D": 12, "E": 11, "F": 8}
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


def _text(sheet, value: str, *, bold: bool = False, wrap: bool = False):
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    if bold:
        cell.font = _BOLD
    if wrap:
        cell.alignment = _WRAP
    return cell


def _row_lines(sheet, row: Row, threshold: int | None) -> list[list]:
    unit = _text(sheet, row.unit) if row.unit else None
    lines = [
        [
            _text(sheet, row.code),
            _text(sheet, row.label, wrap=True),
            row.value,
            row.denominator,
            row.percent,
            unit,
        ]
    ]
    for cell in row.cells:
        value = (
            _text(sheet, cell_display(cell, threshold))
            if cell.suppressed
            else cell.value
        )
        lines.append(
            [
                _text(sheet, f"{row.code}.{cell.code}"),
                _text(sheet, f"    - {cell.label}", wrap=True),
                value,
                None,
                None,
                unit,
            ]
        )
    return lines


def annex_workbook(annex: Annex, *, title: str) -> bytes:
    """The workbook's bytes: a title line, the period, then every section."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_TITLE)
    for column, width in WIDTHS.items():
        sheet.column_dimensions[column].width = width
    period = f"Từ ngày {annex.date_from:%d/%m/%Y} đến ngày {annex.date_to:%d/%m/%Y}"
    sheet.append([_text(sheet, title, bold=True)])
    sheet.append([_text(sheet, period)])
    if annex.small_cell_threshold:
        note = (
            f"Số liệu đã ẩn danh: ô có từ 1 đến {annex.small_cell_threshold - 1} "
            f"trẻ em được ghi “< {annex.small_cell_threshold}”; ô ghi "
            f"“{COMPLEMENTARY_MARK}” được ẩn để không suy ra được ô nhỏ."
        )
        sheet.append([_text(sheet, note)])
    sheet.append([])
    sheet.append([_text(sheet, header, bold=True) for header in HEADERS])
    for section in annex.sections:
        sheet.append([None, _text(sheet, section.title, bold=True)])
        for row in section.rows:
            for line in _row_lines(sheet, row, annex.small_cell_threshold):
                sheet.append(line)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
