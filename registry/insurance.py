"""Health-insurance card validity for children under 6 (DOMAIN.md §14.1).

Luật BHYT Điều 16.3.d: the card is valid until the child is 72 months old; if
the child is 72 months old before the school year starts, until 30 September
of that year. NĐ 146/2018 Điều 13.2 details it: born before 30/9 → until 30/9 of
the year the child turns 72 months; born after → until the last day of the
month the child turns 72 months. The officer can still edit the computed date.
"""

import calendar
import datetime


def sixth_birthday(birth_date: datetime.date) -> datetime.date:
    try:
        return birth_date.replace(year=birth_date.year + 6)
    except ValueError:  # 29 February
        return datetime.date(birth_date.year + 6, 3, 1)


def under_six_card_expiry(birth_date: datetime.date) -> datetime.date:
    """The last day an under-6 card is valid for a child born on `birth_date`."""
    turns_six = sixth_birthday(birth_date)
    if (birth_date.month, birth_date.day) <= (9, 30):
        return datetime.date(turns_six.year, 9, 30)
    last_day = calendar.monthrange(turns_six.year, turns_six.month)[1]
    return datetime.date(turns_six.year, turns_six.month, last_day)
