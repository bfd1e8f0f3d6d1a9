"""The dashboards' periods, in Vietnam's local days: the year to date, the same
days last year (the trend), and the months of the charts."""

import datetime

from reports.indicators.period import Period

CHART_MONTHS = 12


def year_to_date(today: datetime.date) -> Period:
    return Period(datetime.date(today.year, 1, 1), today)


def same_period_last_year(today: datetime.date) -> Period:
    try:
        day = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        day = datetime.date(today.year - 1, 2, 28)
    return Period(datetime.date(day.year, 1, 1), day)


def chart_span(today: datetime.date) -> Period:
    """The last CHART_MONTHS months, this one included (to today)."""
    month = today.year * 12 + today.month - 1 - (CHART_MONTHS - 1)
    return Period(datetime.date(month // 12, month % 12 + 1, 1), today)


def next_month(first_day: datetime.date) -> datetime.date:
    return (first_day + datetime.timedelta(days=32)).replace(day=1)


def month_starts(span: Period) -> list[datetime.date]:
    """The first day of every month of `span` (which starts on one)."""
    days, day = [], span.date_from
    while day <= span.date_to:
        days.append(day)
        day = next_month(day)
    return days


def month_end(first_day: datetime.date) -> datetime.date:
    return next_month(first_day) - datetime.timedelta(days=1)
