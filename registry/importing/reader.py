"""Reading an .xlsx list: find the header row, map its columns, yield the rows.

Commune lists often start with a title ("DANH SÁCH TRẺ EM …") above the
header, carry a "STT" column, and were typed in several versions of Excel, so
the header is searched in the first rows and unknown columns are ignored (and
listed on the check page).
"""

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from registry.importing.columns import field_of_header

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
MAX_COLUMNS = 60
HEADER_SEARCH_ROWS = 10
# A 5 MB upload must not unpack into gigabytes (a "zip bomb").
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
# What openpyxl raises on files that are not, or not quite, .xlsx workbooks.
BROKEN_FILE_ERRORS = (
    InvalidFileException,
    zipfile.BadZipFile,
    KeyError,
    ValueError,
    TypeError,
    ParseError,
    EOFError,
    OSError,
)


class UnreadableFileError(Exception):
    """The file as a whole cannot be imported; the message says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Mapping:
    sheet: str
    header_row: int
    # column index (0-based) → field
    fields: dict[int, str] = field(default_factory=dict)
    columns: list[dict] = field(default_factory=list)  # for the check page
    ignored: list[dict] = field(default_factory=list)


@dataclass(frozen=True)
class RawRow:
    number: int  # the row number Excel shows
    values: dict  # field → cell value (None when empty)


def check_readable(upload) -> None:
    """Raise UnreadableFileError unless `upload` opens as an .xlsx workbook of sane size."""
    try:
        with zipfile.ZipFile(upload) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise UnreadableFileError(_("The file is too large once unpacked."))
        upload.seek(0)
        workbook = load_workbook(upload, read_only=True, data_only=True)
        workbook.close()
    except BROKEN_FILE_ERRORS as exc:
        raise UnreadableFileError(_not_a_workbook()) from exc
    finally:
        upload.seek(0)


def _not_a_workbook() -> str:
    return _(
        "This file cannot be read as an Excel workbook (.xlsx). Open it in Excel, "
        "choose “Save as” and the type “Excel Workbook (.xlsx)”, then upload it again."
    )


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _find_mapping(sheet, rows: list[tuple]) -> Mapping | None:
    """The first row naming at least two known columns, one of them the name or
    the code, is the header row."""
    for index, values in enumerate(rows):
        found = {
            i: field_of_header(v) for i, v in enumerate(values) if not _is_blank(v)
        }
        known = {f for f in found.values() if f}
        if len(known) >= 2 and known & {"full_name", "code"}:
            return _mapping(sheet.title, index + 1, values, found)
    return None


def _mapping(title: str, row: int, values: tuple, found: dict) -> Mapping:
    mapping = Mapping(sheet=title, header_row=row)
    for i, name in found.items():
        entry = {
            "index": i + 1,
            "letter": get_column_letter(i + 1),
            "header": str(values[i]).strip(),
        }
        if name and name not in mapping.fields.values():
            mapping.fields[i] = name
            mapping.columns.append({**entry, "field": name})
        else:  # unknown, or a second column for the same field
            mapping.ignored.append(entry)
    return mapping


def _sheet_rows(sheet) -> Iterator[tuple]:
    # Some writers store a wrong dimension; without it openpyxl reads every row.
    sheet.reset_dimensions()
    return sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)


def read_rows(file) -> tuple[Mapping, list[RawRow]]:
    """The header mapping and every non-empty data row of the first sheet that
    has a recognisable header. Raises UnreadableFileError."""
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except BROKEN_FILE_ERRORS as exc:
        raise UnreadableFileError(_not_a_workbook()) from exc
    try:
        for sheet in workbook.worksheets:
            if getattr(sheet, "sheet_state", "visible") != "visible":
                continue
            found = _read_sheet(sheet)
            if found is not None:
                return found
    except BROKEN_FILE_ERRORS as exc:
        raise UnreadableFileError(_not_a_workbook()) from exc
    finally:
        workbook.close()
    raise UnreadableFileError(
        _(
            "No header row found. One of the first rows must hold the column names, "
            "with at least “Họ và tên” (or “Mã trẻ”) and one other known column. "
            "Download the template to see them."
        )
    )


def _read_sheet(sheet) -> tuple[Mapping, list[RawRow]] | None:
    rows = _sheet_rows(sheet)
    head = []
    for values in rows:
        head.append(values)
        if len(head) == HEADER_SEARCH_ROWS:
            break
    mapping = _find_mapping(sheet, head)
    if mapping is None:
        return None
    found = []

    def collect(number: int, values: tuple) -> None:
        cells = {f: values[i] for i, f in mapping.fields.items() if i < len(values)}
        if all(_is_blank(v) for v in cells.values()):
            return
        if len(found) >= MAX_ROWS:
            raise UnreadableFileError(
                _("The file has more than %(max)s rows. Split it into smaller files.")
                % {"max": MAX_ROWS}
            )
        found.append(
            RawRow(number, {k: None if _is_blank(v) else v for k, v in cells.items()})
        )

    for number, values in enumerate(head[mapping.header_row :], mapping.header_row + 1):
        collect(number, values)
    for number, values in enumerate(rows, len(head) + 1):
        collect(number, values)
    return mapping, found
