"""Reads of the dashboard: one commune's page, from its rollups.

A page costs the same few queries whatever the commune's size: the user's
communes, the rollup rows (year, last year, groups, months), the plan and its
targets, and the three short live lists of what is overdue.
"""

import datetime
import html
import uuid
from dataclasses import dataclass

from django.db.models import Count, Q, Window
from django.http import Http404
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.scope import COMMUNE_WIDE_ROLES, user_scope
from registry.models import Commune
from reports.dashboard import charts
from reports.dashboard.cards import Card, build_cards, display
from reports.dashboard.figures import DROWNING, overdue_sets
from reports.dashboard.periods import (
    chart_span,
    month_starts,
    same_period_last_year,
    year_to_date,
)
from reports.indicators.period import VIETNAM
from reports.models import DashboardRollup
from reports.plans.selectors import plan_of_year
from reports.plans.targets import targets_vs_actual

Kind = DashboardRollup.Kind
WORKLIST_ROWS = 5
# The table by residential group: (code, label, list behind the number, filter).
GROUP_COLUMNS: tuple[tuple[str, Promise, str, str], ...] = (
    ("children.total", gettext_lazy("Children"), "", ""),
    ("hcdb.total", gettext_lazy("In special circumstances"), "", ""),
    ("hcdb.supported_pct", gettext_lazy("Supported"), "unsupported", ""),
    ("disabled.total", gettext_lazy("With disabilities"), "", ""),
    ("disabled.reached_pct", gettext_lazy("Reached by services"), "", ""),
    ("under6.insured_pct", gettext_lazy("Under 6 with a card"), "", ""),
    ("abuse.reports", gettext_lazy("Abuse reports"), "incidents", "abuse"),
    ("injury.reports", gettext_lazy("Injuries"), "incidents", "injury"),
    ("injury.reports.duoi_nuoc", gettext_lazy("Drownings"), "incidents", "drowning"),
    ("cases.open_at_end", gettext_lazy("Open cases"), "open_cases", ""),
)


def dashboard_communes(user) -> list[Commune]:
    """The communes whose dashboard the user may open: where they are an officer
    or the chairman (one query)."""
    ids = user_scope(user).communes_for(*COMMUNE_WIDE_ROLES)
    if not ids:
        return []
    return list(Commune.objects.filter(pk__in=ids).order_by("name"))


def dashboard_commune_get(user, code: str = "") -> tuple[Commune | None, list[Commune]]:
    """Gatekeeper: the commune asked for by its public id (the first by name when
    none is asked), and all of the user's; 404 for any other commune, so that
    another commune's existence does not show. (None, []) for a user with none."""
    communes = dashboard_communes(user)
    if not code:
        return (communes[0] if communes else None), communes
    try:
        wanted = uuid.UUID(code)
    except ValueError:
        raise Http404 from None
    for commune in communes:
        if commune.code == wanted:
            return commune, communes
    raise Http404


@dataclass
class Worklist:
    """What is overdue now (live): the first rows of each kind and their counts."""

    triage: list
    triage_total: int
    cases: list
    cases_total: int
    referrals: list
    referrals_total: int

    @property
    def total(self) -> int:
        return self.triage_total + self.cases_total + self.referrals_total


def _first_rows(queryset, order: tuple[str, ...], limit: int) -> tuple[list, int]:
    """The first `limit` rows and the count of all, in one query."""
    rows = list(queryset.annotate(n_all=Window(Count("pk"))).order_by(*order)[:limit])
    return rows, (rows[0].n_all if rows else 0)


def worklist(user, commune_id: int, now: datetime.datetime, limit: int = WORKLIST_ROWS):
    reports, cases, referrals = overdue_sets(commune_id, now, user=user)
    triage = _first_rows(
        reports.select_related("residential_group"), ("triage_due_at", "pk"), limit
    )
    steps = _first_rows(
        cases.select_related("residential_group"), ("due_at", "pk"), limit
    )
    sent = _first_rows(referrals.select_related("case"), ("due_on", "pk"), limit)
    return Worklist(*triage, *steps, *sent)


@dataclass
class GroupCell:
    display: str
    url: str


@dataclass
class GroupLine:
    name: str
    cells: list[GroupCell]

    @property
    def html(self) -> SafeString:
        """The row, joined here: a template loop costs about a millisecond per
        group, and a commune has up to 30 (province.ProvinceTable.body_html)."""
        cells = []
        for cell in self.cells:
            text = html.escape(cell.display)
            if cell.url:
                text = f'<a href="{html.escape(cell.url)}">{text}</a>'
            cells.append(f'<td class="text-end">{text}</td>')
        row = f'<th scope="row">{html.escape(self.name)}</th>{"".join(cells)}'
        return mark_safe(row)  # noqa: S308 - every text is escaped


def group_lines(commune: Commune, rows: list[DashboardRollup]) -> list[GroupLine]:
    """The table by residential group, each number linked to its list."""
    base = {
        name: reverse("dashboard:list", args=[name])
        for name in ("unsupported", "incidents", "open_cases")
    }
    lines = []
    for row in sorted(rows, key=lambda r: r.residential_group.name):
        cells = []
        for code, _label, list_name, what in GROUP_COLUMNS:
            value = row.values.get(code)
            url = ""
            if list_name and value:
                url = f"{base[list_name]}?commune={commune.code}&group={row.residential_group.code}"
                url += f"&what={what}" if what else ""
            cells.append(
                GroupCell(display(value, is_percent=code.endswith("_pct")), url)
            )
        lines.append(GroupLine(row.residential_group.name, cells))
    return lines


@dataclass
class Dashboard:
    commune: Commune
    communes: list[Commune]
    year: DashboardRollup | None
    computed_at: datetime.datetime | None
    cards: list[Card]
    plan: object | None
    targets: list
    groups: list[GroupLine]
    charts: list[SafeString]
    worklist: Worklist
    group_labels: tuple = tuple(label for _code, label, _list, _what in GROUP_COLUMNS)


def _rollups(commune: Commune, today: datetime.date) -> list[DashboardRollup]:
    year = year_to_date(today)
    last = same_period_last_year(today)
    return list(
        DashboardRollup.objects.filter(commune=commune)
        .filter(
            Q(kind=Kind.YEAR, date_from=year.date_from)
            | Q(kind=Kind.LAST_YEAR, date_from=last.date_from, residential_group=None)
            | Q(kind=Kind.MONTH, date_from__gte=chart_span(today).date_from)
        )
        .select_related("residential_group")
        .defer("province_values")
        .order_by("date_from")
    )


class RollupFigures:
    """A year's figures as the rollup stored them (Annex.values(), plus the
    "deadlines.*" counts): what reports.plans.targets reads of an annex, its
    values(), without the annex."""

    def __init__(self, values: dict):
        self._values = values

    def values(self) -> dict:
        return self._values


def _targets(commune: Commune, year: int, row: DashboardRollup | None):
    """The plan of the year (adopted, else the draft) and its targets against
    the year's figures; two queries, one without a plan."""
    plan = plan_of_year(commune.pk, year)
    if plan is None:
        return None, []
    return plan, targets_vs_actual(plan, RollupFigures(row.values) if row else None)


def dashboard_for(user, commune: Commune, communes: list, now) -> Dashboard:
    """The dashboard of `commune` (already gated) as of `now`."""
    today = now.astimezone(VIETNAM).date()
    rows = _rollups(commune, today)
    year = next(
        (r for r in rows if r.kind == Kind.YEAR and not r.residential_group), None
    )
    last = next((r for r in rows if r.kind == Kind.LAST_YEAR), None)
    plan, targets = _targets(commune, today.year, year)
    return Dashboard(
        commune=commune,
        communes=communes,
        year=year,
        computed_at=min((r.computed_at for r in rows), default=None),
        cards=build_cards(
            year.values if year else {}, last.values if last else None, targets
        ),
        plan=plan,
        targets=targets,
        groups=group_lines(commune, [r for r in rows if r.residential_group]),
        charts=month_charts(today, [r for r in rows if r.kind == Kind.MONTH]),
        worklist=worklist(user, commune.pk, now),
    )


def _month_label(day: datetime.date) -> str:
    return f"{day.month:02d}/{day.year % 100:02d}"


def month_charts(
    today: datetime.date, months: list[DashboardRollup]
) -> list[SafeString]:
    """The 12-month charts: incidents by kind, cases opened and closed. A month
    not computed yet shows as zero."""
    by_month = {row.date_from: row.values for row in months}
    days = month_starts(chart_span(today))
    values = [by_month.get(day, {}) for day in days]
    labels = [_month_label(day) for day in days]

    def figure(code):
        return tuple(v.get(code, 0) for v in values)

    drowning = figure(f"injury.reports.{DROWNING}")
    injuries = tuple(
        a - b for a, b in zip(figure("injury.reports"), drowning, strict=True)
    )
    incidents = charts.bar_chart(
        title=_("Incident reports by month"),
        categories=labels,
        series=[
            charts.Series(_("Abuse"), figure("abuse.reports")),
            charts.Series(_("Drowning"), drowning),
            charts.Series(_("Other injuries"), injuries),
        ],
    )
    cases = charts.bar_chart(
        title=_("Cases opened and closed by month"),
        categories=labels,
        series=[
            charts.Series(_("Opened"), figure("cases.received")),
            charts.Series(_("Closed"), figure("cases.closed")),
        ],
        stacked=False,
    )
    return [incidents, cases]
