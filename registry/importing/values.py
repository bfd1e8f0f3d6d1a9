"""Turning the cells of one row into the fields the registry services take.

Only the cells the row fills are returned: an empty cell leaves the child's
current value alone on an update (docs/import-format.md), and takes the
model's default for a new child.
"""

import datetime
import re
import unicodedata
import uuid
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl.utils.datetime import from_excel

from batochild.lib.text import fold_compact, normalize
from registry.importing.columns import BY_FIELD, VOCABULARY, accepted_words, key
from registry.models import Commune, EthnicGroup, ResidentialGroup
from registry.validators import validate_personal_id_format

_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_AGE = re.compile(r"^(\d{1,2})(?:tuoi|t)?$")
# Excel serial numbers accepted in a date column: 1910-2099. Smaller numbers
# are more likely a year or an age typed in the wrong column.
_SERIALS = (3654, 73051)
MAX_ESTIMATED_AGE = 15  # Luật Trẻ em Điều 1: children are under 16


class CellError(ValueError):
    """A cell's value cannot be read; the message says what to write instead."""


@dataclass
class Lookups:
    """The commune's residential groups and the ethnic groups, read once per file."""

    groups: dict[str, ResidentialGroup]
    ethnic_groups: dict[str, EthnicGroup]

    @classmethod
    def for_commune(cls, commune: Commune) -> "Lookups":
        groups: dict[str, ResidentialGroup] = {}
        for group in ResidentialGroup.objects.filter(commune=commune).order_by("pk"):
            for name in (group.name, group.legacy_name):
                if name:
                    groups.setdefault(group_key(name), group)
        ethnic: dict[str, EthnicGroup] = {}
        for ethnic_group in EthnicGroup.objects.all():
            for k in filter(None, ethnic_group.match_keys.split("|")):
                ethnic.setdefault(k, ethnic_group)
        return cls(groups, ethnic)


def group_key(name: str) -> str:
    """ "Tổ dân phố 1", "TDP 1" and "Tổ 1" are the same group."""
    k = key(name)
    for prefix in ("todanpho", "tdp"):
        if k.startswith(prefix):
            return "to" + k[len(prefix) :]
    return k


@dataclass
class ParsedRow:
    number: int
    fields: dict = field(default_factory=dict)
    code: uuid.UUID | None = None
    errors: list[dict] = field(default_factory=list)

    def add_error(self, column_field: str | None, message: str) -> None:
        header = BY_FIELD[column_field].header if column_field in BY_FIELD else ""
        self.errors.append({"column": header, "message": str(message)})


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return normalize(str(value))


def parse_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    if is_number and _SERIALS[0] <= value <= _SERIALS[1]:
        return from_excel(value).date()
    text = _text(value)
    match = _DMY.match(text)
    parts = (match.group(3), match.group(2), match.group(1)) if match else None
    if parts is None and (match := _YMD.match(text)):
        parts = match.groups()
    try:
        if parts is None:
            raise ValueError(text)
        return datetime.date(*map(int, parts))
    except ValueError:
        raise CellError(
            _("“%(value)s” is not a date: write it as dd/mm/yyyy, e.g. 05/09/2015.")
            % {"value": text}
        ) from None


def parse_age(value) -> int:
    """Whole years; "5", "5 tuổi" and "5t" all read 5."""
    match = _AGE.match(key(_text(value)))
    if match is None or int(match.group(1)) > MAX_ESTIMATED_AGE:
        raise CellError(
            _("The estimated age must be a whole number of years from 0 to %(max)s.")
            % {"max": MAX_ESTIMATED_AGE}
        )
    return int(match.group(1))


def estimated_birth_date(age: int) -> datetime.date:
    """Mẫu 01 allows an estimated age: 1 July of the estimated birth year (as the
    child form does), but never a day still to come."""
    today = timezone.localdate()
    return min(datetime.date(today.year - age, 7, 1), today)


def parse_personal_id(value) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        # A number cell drops the leading 0 of every province code (001-096).
        number = str(int(value)).zfill(12)
    else:
        number = re.sub(r"[\s.\-]", "", _text(value))
    try:
        # child_validate leaves the format to the database's check constraint,
        # whose message means nothing to an officer: check it here first.
        validate_personal_id_format(number)
    except ValidationError as exc:
        raise CellError(exc.messages[0]) from None
    return number


def parse_choice(column_field: str, value):
    if isinstance(value, bool) and column_field == "birth_registered":
        return value
    found = VOCABULARY[column_field].get(key(_text(value)))
    if found is None:
        raise CellError(
            _("“%(value)s” is not accepted here. Write one of: %(words)s.")
            % {"value": _text(value), "words": accepted_words(column_field)}
        )
    return found


def parse_code(value) -> uuid.UUID:
    try:
        return uuid.UUID(_text(value))
    except ValueError:
        raise CellError(
            _(
                "“%(value)s” is not a child code from this application. "
                "Leave “Mã trẻ” empty for a child not yet in the registry."
            )
            % {"value": _text(value)}
        ) from None


def _lookup(table: dict, value, k: str, message: str):
    found = table.get(k)
    if found is None:
        raise CellError(message % {"value": _text(value)})
    return found


def _cell(column_field: str, value, lookups: Lookups):
    """The model value of one non-empty cell; raises CellError."""
    if column_field == "code":
        return parse_code(value)
    if column_field in ("birth_date", "insurance_expiry"):
        return parse_date(value)
    if column_field == "estimated_age":
        return parse_age(value)
    if column_field == "personal_id":
        return parse_personal_id(value)
    if column_field in VOCABULARY:
        return parse_choice(column_field, value)
    if column_field == "ethnic_group":
        return _lookup(
            lookups.ethnic_groups,
            value,
            fold_compact(_text(value)),  # as EthnicGroup.match_keys are made
            _("Unknown ethnic group “%(value)s”."),
        )
    if column_field == "residential_group":
        return _lookup(
            lookups.groups,
            value,
            group_key(_text(value)),
            _("No residential group “%(value)s” in this commune."),
        )
    if column_field == "insurance_card_number":
        return re.sub(r"\s", "", _text(value))
    if column_field == "notes":
        # Line breaks are kept in notes; only the Unicode form is normalised.
        return unicodedata.normalize("NFC", str(value)).strip()
    return _text(value)


def parse_row(number: int, values: dict, lookups: Lookups) -> ParsedRow:
    """The fields of one row, or its errors, column by column."""
    row = ParsedRow(number)
    cells = {}
    for column_field, value in values.items():
        # With a date of birth, an age column is only informative.
        skip = column_field == "estimated_age" and values.get("birth_date") is not None
        if value is None or skip:
            continue
        try:
            cells[column_field] = _cell(column_field, value, lookups)
        except CellError as exc:
            row.add_error(column_field, str(exc))
    row.code = cells.pop("code", None)
    age = cells.pop("estimated_age", None)
    if "birth_date" in cells:
        cells["birth_date_is_estimated"] = False
    elif age is not None:
        cells["birth_date"] = estimated_birth_date(age)
        cells["birth_date_is_estimated"] = True
    row.fields = cells
    return row
