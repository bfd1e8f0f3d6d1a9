"""Dates of an annex: Vietnam local days for flows, ages for stocks.

Flows count what happened between `date_from` and `date_to` inclusive, in
Vietnam's local days: a report received at 23:30 on the last day counts, one at
00:10 the next day does not. Vietnam has kept UTC+7 without summer time since
1975, but the zone is named rather than assumed so the rule reads as it is meant.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
CHILD_AGE_LIMIT = 16  # "Trẻ em là người dưới 16 tuổi." (Luật Trẻ em Điều 1)


@dataclass(frozen=True)
class Period:
    date_from: datetime.date
    date_to: datetime.date

    def __post_init__(self):
        if self.date_to < self.date_from:
            raise ValueError("date_to is before date_from")

    @property
    def start(self) -> datetime.datetime:
        """The first instant of `date_from`, local time."""
        return datetime.datetime.combine(self.date_from, datetime.time(), VIETNAM)

    @property
    def end(self) -> datetime.datetime:
        """The first instant after `date_to` (exclusive bound), local time."""
        next_day = self.date_to + datetime.timedelta(days=1)
        return datetime.datetime.combine(next_day, datetime.time(), VIETNAM)

    def latest_birth_date(self, years: int) -> datetime.date:
        """The latest birth date of a child who is `years` old or more on `date_to`.

        "birth_date <= this" selects exactly those children (the age grows with
        the day, never shrinks), so age bands are plain date ranges in SQL.
        Someone born on 29 February has their birthday on 1 March in other years
        (as registry.upkeep reads it).
        """
        day = self.date_to
        try:
            return day.replace(year=day.year - years)
        except ValueError:  # 29 February, and `years` ago had none
            return datetime.date(day.year - years, 2, 28)


def local_day(moment: datetime.datetime) -> datetime.date:
    return moment.astimezone(VIETNAM).date()
