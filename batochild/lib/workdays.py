"""Working days for legal deadlines (NĐ 56/2017: plans within 5 working days,
approval within 2).

A working day is Monday to Friday, not a day off, plus any Saturday that an
official swap turns into a working day ("làm bù"). The calendar itself is data
(registry.PublicHoliday, kept by the admin); these functions are pure.
"""

import datetime
from collections.abc import Collection


def is_working_day(
    day: datetime.date,
    *,
    days_off: Collection[datetime.date] = (),
    extra_working_days: Collection[datetime.date] = (),
) -> bool:
    if day in extra_working_days:
        return True
    return day.weekday() < 5 and day not in days_off


def add_working_days(
    start: datetime.datetime,
    days: int,
    *,
    days_off: Collection[datetime.date] = (),
    extra_working_days: Collection[datetime.date] = (),
) -> datetime.datetime:
    """The end of the `days`-th working day after `start` (23:59:59, start's zone).

    The day of `start` itself does not count, as deadlines "trong 05 ngày làm việc"
    run from the next day.
    """
    day = start.date()
    remaining = days
    while remaining > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(
            day, days_off=days_off, extra_working_days=extra_working_days
        ):
            remaining -= 1
    end = datetime.datetime.combine(day, datetime.time(23, 59, 59))
    return end.replace(tzinfo=start.tzinfo)
