"""The personal ID number (số định danh cá nhân, DOMAIN.md §12.4).

12 digits: the province code of the birth registration (3), century and sex (1),
the last two digits of the birth year (2), then 6 random digits. Province codes
of the old 63 provinces stay valid in existing numbers, so the code itself is
not checked against today's provinces.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_TWELVE_DIGITS = re.compile(r"^\d{12}$")
# Century of the birth year → (male digit, female digit); TT 07/2016/TT-BCA Điều 7.
_CENTURY_DIGITS = {
    19: ("0", "1"),
    20: ("2", "3"),
    21: ("4", "5"),
    22: ("6", "7"),
    23: ("8", "9"),
}


def validate_personal_id_format(value: str) -> None:
    if not _TWELVE_DIGITS.match(value or ""):
        raise ValidationError(
            _("The personal ID number must have exactly 12 digits."), code="id_format"
        )


def personal_id_problems(
    value: str, *, birth_date: datetime.date | None, sex: str | None
) -> list[str]:
    """Vietnamese messages for each digit that contradicts the birth date or sex.

    `sex` is "nam", "nu" or anything else for unknown; an estimated birth date
    should not be passed (the year may be off by one).
    """
    if birth_date is None:
        return []
    problems = []
    digits = _CENTURY_DIGITS.get(birth_date.year // 100)
    if digits is not None:
        if sex in ("nam", "nu"):
            expected = digits[0] if sex == "nam" else digits[1]
            if value[3] != expected:
                problems.append(
                    _(
                        "The 4th digit of the personal ID number must be %(digit)s for "
                        "a child of this sex born in %(year)s, not %(found)s."
                    )
                    % {"digit": expected, "year": birth_date.year, "found": value[3]}
                )
        elif value[3] not in digits:
            problems.append(
                _(
                    "The 4th digit of the personal ID number does not match the birth year."
                )
            )
    if value[4:6] != f"{birth_date.year % 100:02d}":
        problems.append(
            _(
                "Digits 5 and 6 of the personal ID number must be %(yy)s, the last two "
                "digits of the birth year %(year)s."
            )
            % {"yy": f"{birth_date.year % 100:02d}", "year": birth_date.year}
        )
    return problems
