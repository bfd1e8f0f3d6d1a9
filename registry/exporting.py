"""The .xlsx of the child list: one writer for the import template and the export.

Both use the columns and words of registry/importing/columns.py, so an exported
file imports back unchanged. Workbooks are written with openpyxl's write-only
mode: rows stream to a temporary file instead of building the sheet in memory.
"""

import datetime
import tempfile

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from accounts.models import User
from accounts.services import audit_record
from batochild.lib.text import fold
from registry.importing.columns import BY_FIELD, COLUMNS, LABELS, accepted_words
from registry.models import Child, Commune, ResidentialGroup

SHEET_TITLE = "Danh sách trẻ em"
DATE_FORMAT = "DD/MM/YYYY"
# Headers shown in the file; the importer reads them with or without the hint.
_HINTS = {"birth_date": " (dd/mm/yyyy)", "insurance_expiry": " (dd/mm/yyyy)"}
_WIDTHS = {"code": 38, "full_name": 28, "personal_id": 16, "notes": 40}
# Typed as text, so Excel keeps the leading 0 of the province code.
_TEXT_COLUMNS = ("personal_id", "insurance_card_number")
_LISTS = ("sex", "classification", "birth_registered", "school")
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
# Drop-downs cover as many rows as an import may have.
_LAST_ROW = 10_001


def _letter(field: str) -> str:
    return get_column_letter(COLUMNS.index(BY_FIELD[field]) + 1)


def _new_sheet(workbook: Workbook, groups: list[str]):
    sheet = workbook.create_sheet(SHEET_TITLE)
    for column in COLUMNS:
        dimension = sheet.column_dimensions[_letter(column.field)]
        dimension.width = _WIDTHS.get(column.field, 16)
        if column.field in _TEXT_COLUMNS:
            dimension.number_format = "@"
    sheet.freeze_panes = "C2"
    lists = {f: [w for w in LABELS[f].values() if w] for f in _LISTS}
    lists["residential_group"] = groups
    for field, words in lists.items():
        _add_list(sheet, field, words)
    header = []
    for column in COLUMNS:
        cell = WriteOnlyCell(sheet, value=column.header + _HINTS.get(column.field, ""))
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
        header.append(cell)
    sheet.append(header)
    return sheet


def _add_list(sheet, field: str, words: list[str]) -> None:
    """A drop-down of the accepted words. Excel limits such a list to 255
    characters; a commune with more groups than that gets no drop-down."""
    formula = '"' + ",".join(words) + '"'
    if not words or len(formula) > 255 or any("," in w for w in words):
        return
    validation = DataValidation(type="list", formula1=formula, allow_blank=True)
    letter = _letter(field)
    validation.add(f"{letter}2:{letter}{_LAST_ROW}")
    sheet.data_validations.append(validation)


def _date_cell(sheet, value: datetime.date | None):
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = DATE_FORMAT
    return cell


def _as_text(sheet, value):
    """Strings always go out as text cells: openpyxl would store "=..." as a
    formula, and a name or note from an imported file must never run in Excel."""
    if not isinstance(value, str):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell


def _child_row(sheet, child: Child, today: datetime.date) -> list:
    """One child in the template's columns. An estimated date of birth is
    written as an age in years (its year is all that is known)."""
    estimated = child.birth_date_is_estimated
    values = {
        "code": str(child.code),
        "full_name": child.full_name,
        "birth_date": _date_cell(sheet, None if estimated else child.birth_date),
        "estimated_age": today.year - child.birth_date.year if estimated else None,
        "sex": LABELS["sex"].get(child.sex, ""),
        "ethnic_group": child.ethnic_group.name if child.ethnic_group else None,
        "personal_id": child.personal_id,
        "residential_group": child.residential_group.name,
        "classification": LABELS["classification"].get(child.classification, ""),
        "insurance_card_number": child.insurance_card_number,
        "insurance_expiry": _date_cell(sheet, child.insurance_expiry),
        "birth_registered": LABELS["birth_registered"][child.birth_registered],
        "school": LABELS["school"].get(child.school, ""),
        "notes": child.notes,
    }
    return [_as_text(sheet, values[column.field]) for column in COLUMNS]


def _instructions(workbook: Workbook, commune: Commune, groups: list[str]) -> None:
    sheet = workbook.create_sheet("Hướng dẫn")
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 100
    sheet.append(
        ["Danh sách trẻ em", f"{commune} — nhập ở trang Trẻ em > Nhập từ Excel"]
    )
    sheet.append(["Mã trẻ", "Để trống với trẻ mới; giữ nguyên khi sửa một trẻ đã có."])
    sheet.append(["Ngày sinh", "dd/mm/yyyy, ví dụ 05/09/2015, hoặc ô kiểu ngày."])
    sheet.append(
        ["Tuổi ước lượng", "Chỉ khi không biết ngày sinh (ngày sinh để trống)."]
    )
    for field in _LISTS:
        sheet.append([BY_FIELD[field].header, accepted_words(field)])
    sheet.append(["Dân tộc", "Tên dân tộc, ví dụ Kinh, Hrê (H're)."])
    sheet.append(["Thôn/Tổ dân phố", ", ".join(groups)])
    sheet.append(["Ô trống", "Khi sửa trẻ đã có, ô trống giữ nguyên thông tin cũ."])


def _tempfile():
    # In memory up to 8 MB, then on disk: an export of 50,000 children is fine.
    return tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)


def _group_names(commune: Commune) -> list[str]:
    return list(
        ResidentialGroup.objects.filter(commune=commune, active_to__isnull=True)
        .order_by("name")
        .values_list("name", flat=True)
    )


def template_workbook(*, commune: Commune):
    """The empty list to fill in, with drop-downs and a sheet of instructions."""
    groups = _group_names(commune)
    workbook = Workbook(write_only=True)
    _new_sheet(workbook, groups)
    _instructions(workbook, commune, groups)
    file = _tempfile()
    workbook.save(file)
    file.seek(0)
    return file


def export_filename(commune: Commune, today: datetime.date) -> str:
    return f"tre-em-{slugify(fold(commune.name))}-{today:%Y-%m-%d}.xlsx"


def children_export(
    *, actor: User, commune: Commune, children: QuerySet, request=None
) -> tuple:
    """Write `children` (already scoped and filtered) to an .xlsx; audited with
    the row count only. Returns the open file and the number of rows."""
    today = timezone.localdate()
    workbook = Workbook(write_only=True)
    sheet = _new_sheet(workbook, _group_names(commune))
    count = 0
    rows = children.select_related("residential_group", "ethnic_group").order_by(
        "full_name", "pk"
    )
    for child in rows.iterator(chunk_size=2000):
        sheet.append(_child_row(sheet, child, today))
        count += 1
    file = _tempfile()
    workbook.save(file)
    file.seek(0)
    audit_record(
        actor=actor,
        action="child.exported",
        commune=commune,
        request=request,
        detail={"rows": count},
    )
    return file, count
