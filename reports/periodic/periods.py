"""Data periods and deadlines of each kind of report (NĐ 09/2019 Điều 12, DOMAIN.md
§7, §9.1). Pure: the profile carries the commune's configured values."""

import datetime
from dataclasses import dataclass

from reports.models import ReportKind


@dataclass(frozen=True)
class Period:
    data_from: datetime.date
    data_to: datetime.date
    due_on: datetime.date


def period_for(kind: str, year: int, profile, *, event_on=None) -> Period:
    """The period of the `year` report of `kind`. The forum's comes from its date."""
    start = datetime.date(
        year - 1, profile.period_start_month, profile.period_start_day
    )
    if kind == ReportKind.SIX_MONTH:
        end = datetime.date(year, 6, profile.six_month_end_day)
        return Period(start, end, end + datetime.timedelta(profile.six_month_due_days))
    if kind == ReportKind.ANNUAL:
        end = datetime.date(year, 12, profile.annual_end_day)
        return Period(start, end, end + datetime.timedelta(profile.annual_due_days))
    if kind == ReportKind.ACTION_MONTH:
        due = datetime.date(
            year, profile.action_month_due_month, profile.action_month_due_day
        )
        return Period(datetime.date(year, 6, 1), datetime.date(year, 6, 30), due)
    if kind == ReportKind.FORUM:
        if event_on is None:
            raise ValueError("a forum report needs the forum's date")
        due = event_on + datetime.timedelta(profile.forum_due_days)
        return Period(event_on, event_on, due)
    raise ValueError(kind)


def closing_on(day: datetime.date, profile) -> list[tuple[str, int]]:
    """The (kind, year) of the periods whose data end on `day`: beat prepares their
    drafts the next morning."""
    kinds = (ReportKind.SIX_MONTH, ReportKind.ANNUAL, ReportKind.ACTION_MONTH)
    return [
        (kind, day.year)
        for kind in kinds
        if period_for(kind, day.year, profile).data_to == day
    ]


def period_label(kind: str, period: Period) -> str:
    """ "từ ngày 15/12/2024 đến ngày 14/6/2025" for titles and sentences."""
    return f"từ ngày {period.data_from:%d/%m/%Y} đến ngày {period.data_to:%d/%m/%Y}"
