"""Writes of the dashboards' rollups (reports.models.DashboardRollup).

For one commune, on `today` (Vietnam's local day):

* the year to date (1 January to today): the whole annex (compute_annex, the
  periodic reports' own engine) plus what is overdue now, and the same figures
  de-identified for the province; and each residential group's figures;
* the same period last year (1 January to the same day), for the trend,
  computed again once a day;
* each of the last 12 months: incident reports by kind, cases opened and closed.

Beat refreshes every commune every REFRESH_SECONDS, one task per commune, so a
province of 300 communes is spread over the workers; a page never computes.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from registry.models import Commune, ResidentialGroup
from reports.dashboard.figures import (
    empty_group,
    group_figures,
    month_figures,
    overdue_counts,
)
from reports.dashboard.periods import (
    chart_span,
    month_end,
    same_period_last_year,
    year_to_date,
)
from reports.dashboard.province import PROVINCE_CODES
from reports.indicators.annex import compute_annex
from reports.indicators.period import VIETNAM, Period
from reports.models import DashboardRollup

# Beat's "refresh-dashboards" entry (batochild/settings/base.py) runs this
# often; a test keeps the two equal. The page says how old its figures are.
REFRESH_SECONDS = 900
Kind = DashboardRollup.Kind


def _commune_row(commune, kind, annex, now, extra: dict) -> DashboardRollup:
    return DashboardRollup(
        commune=commune,
        residential_group=None,
        kind=kind,
        date_from=annex.date_from,
        date_to=annex.date_to,
        values=annex.values() | extra,
        province_values=_for_province(annex, extra) if kind == Kind.YEAR else {},
        computed_at=now,
    )


def _for_province(annex, extra: dict) -> dict:
    """The province view's codes only: a short value that PostgreSQL keeps in
    the row (not TOASTed), so 300 communes read in a millisecond. As counted:
    the commune's own de-identification hides cells of its breakdowns (a
    drowning count among the injuries), the province view hides the small
    counts of its own table, the communes side by side."""
    values = annex.values() | extra
    return {code: values[code] for code in PROVINCE_CODES}


def _last_year_is_fresh(commune_id: int, period: Period, today) -> bool:
    """Last year's figures change little: computed once a day is enough."""
    start_of_today = datetime.datetime.combine(today, datetime.time(), VIETNAM)
    return DashboardRollup.objects.filter(
        commune_id=commune_id,
        residential_group=None,
        kind=Kind.LAST_YEAR,
        date_from=period.date_from,
        date_to=period.date_to,
        computed_at__gte=start_of_today,
    ).exists()


def _annex(commune, period: Period):
    return compute_annex(
        commune=commune, date_from=period.date_from, date_to=period.date_to
    )


def rollup_refresh_commune(
    *, commune_id: int, now: datetime.datetime | None = None
) -> list[DashboardRollup]:
    """Compute and store the rollups of one commune as of `now`; returns them.

    The figures are computed first and written in one short transaction, so a
    reader sees either the old rows or the new ones.
    """
    now = now or timezone.now()
    today = now.astimezone(VIETNAM).date()
    commune = Commune.objects.get(pk=commune_id)
    year = year_to_date(today)
    rows = [
        _commune_row(
            commune,
            Kind.YEAR,
            _annex(commune, year),
            now,
            overdue_counts(commune_id, now),
        )
    ]
    last_year = same_period_last_year(today)
    if not _last_year_is_fresh(commune_id, last_year, today):
        rows.append(
            _commune_row(commune, Kind.LAST_YEAR, _annex(commune, last_year), now, {})
        )
    rows += _group_rows(commune, year, now)
    rows += _month_rows(commune, today, now)
    _store(rows)
    return rows


def _group_rows(commune, year: Period, now) -> list[DashboardRollup]:
    """A row for every group of the commune, zeros for a group with nothing."""
    groups = group_figures(commune.pk, year)
    ids = ResidentialGroup.objects.filter(commune=commune).values_list("pk", flat=True)
    return [
        DashboardRollup(
            commune=commune,
            residential_group_id=group_id,
            kind=Kind.YEAR,
            date_from=year.date_from,
            date_to=year.date_to,
            values=groups.get(group_id) or empty_group(),
            computed_at=now,
        )
        for group_id in ids
    ]


def _month_rows(commune, today: datetime.date, now) -> list[DashboardRollup]:
    return [
        DashboardRollup(
            commune=commune,
            kind=Kind.MONTH,
            date_from=first_day,
            date_to=min(month_end(first_day), today),
            values=values,
            computed_at=now,
        )
        for first_day, values in month_figures(commune.pk, chart_span(today)).items()
    ]


@transaction.atomic
def _store(rows: list[DashboardRollup]) -> None:
    DashboardRollup.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["commune", "residential_group", "kind", "date_from"],
        update_fields=[
            "date_to",
            "values",
            "province_values",
            "computed_at",
        ],
    )


def communes_to_refresh() -> list[int]:
    """Every commune: each commune's figures age by the day (children's ages,
    deadlines), so none is skipped."""
    return list(Commune.objects.order_by("pk").values_list("pk", flat=True))
