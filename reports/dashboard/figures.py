"""The dashboard's figures that the annex does not give per commune and period:
by residential group, by month, and what is overdue.

Each one is counted with the annex's own querysets and conditions
(reports.indicators: children_on, child_conditions, received_in, the case
steps), grouped in SQL instead of computed once per group or month, so a
group's or a month's figure is the annex's figure for that group or month
(tests/reports/test_dashboard_rollups.py compares them).
"""

import datetime

from django.db.models import (
    Count,
    DateField,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, TruncMonth

from cases.models import (
    ABUSE_KINDS,
    Case,
    CaseEvent,
    CaseStatus,
    IncidentReport,
    Referral,
    Severity,
)
from reports.dashboard.periods import month_starts
from reports.indicators import codes
from reports.indicators.children import child_conditions, children_on
from reports.indicators.figures import percent
from reports.indicators.incidents import received_in
from reports.indicators.period import VIETNAM, Period

# Per group: figure code -> key of child_conditions() (None: every child).
GROUP_CHILDREN = {
    "children.total": None,
    "under6.total": "under6",
    "under6.insured": "under6_insured",
    "hcdb.total": "hcdb",
    "hcdb.supported": "hcdb_supported",
    "disabled.total": "disabled",
    "disabled.reached": "disabled_reached",
}
GROUP_PERCENTS = ("under6.insured", "hcdb.supported", "disabled.reached")
DROWNING = "duoi_nuoc"
INJURY = ~Q(kind__in=ABUSE_KINDS)
# Per group and per month: incident reports (received_in) by figure code.
REPORT_COUNTS = {
    "abuse.reports": Q(kind__in=ABUSE_KINDS),
    "injury.reports": INJURY,
    "injury.deaths": INJURY & Q(severity=Severity.DEATH),
    f"injury.reports.{DROWNING}": Q(kind=DROWNING),
}
DEADLINE_CODES = (
    "deadlines.overdue_triage",
    "deadlines.overdue_cases",
    "deadlines.overdue_referrals",
)


def _by_group(rows, key: str = "residential_group_id") -> dict[int, dict]:
    return {row.pop(key): row for row in rows}


def group_figures(commune_id: int, period: Period) -> dict[int, dict]:
    """{group id: {code: value}} for the groups with children, reports or
    cases; a group missing from it has zeros."""
    conditions = child_conditions(commune_id, period)
    children = _by_group(
        children_on(commune_id, period)
        .order_by()
        .values("residential_group_id")
        .annotate(
            **{
                f"c{i}": Count("pk", filter=conditions[key] if key else None)
                for i, key in enumerate(GROUP_CHILDREN.values())
            }
        )
    )
    reports = _by_group(
        received_in(commune_id, period)
        .order_by()
        .values("residential_group_id")
        .annotate(
            **{
                f"r{i}": Count("pk", filter=q)
                for i, q in enumerate(REPORT_COUNTS.values())
            }
        )
    )
    cases = _by_group(_case_counts(commune_id, period))
    found = {}
    for group_id in children.keys() | reports.keys() | cases.keys():
        values = {}
        row = children.get(group_id, {})
        for i, code in enumerate(GROUP_CHILDREN):
            values[code] = row.get(f"c{i}", 0)
        row = reports.get(group_id, {})
        for i, code in enumerate(REPORT_COUNTS):
            values[code] = row.get(f"r{i}", 0)
        row = cases.get(group_id, {})
        values["cases.received"] = row.get("received", 0)
        values["cases.open_at_end"] = row.get("open", 0)
        found[group_id] = with_percents(values)
    return found


def empty_group() -> dict:
    values = dict.fromkeys(GROUP_CHILDREN, 0) | dict.fromkeys(REPORT_COUNTS, 0)
    return with_percents(values | {"cases.received": 0, "cases.open_at_end": 0})


def with_percents(values: dict) -> dict:
    """The "_pct" of each figure whose indicator has a denominator (figures.percent)."""
    for code in GROUP_PERCENTS:
        denominator = values[codes.INDICATORS[code].percent_of]
        values[f"{code}_pct"] = percent(values[code], denominator)
    return values


def _case_counts(commune_id: int, period: Period) -> QuerySet:
    """cases.received and cases.open_at_end by group, as casework._cases counts
    them for the commune: the last step entered before the end decides."""
    last_step = (
        CaseEvent.objects.filter(case=OuterRef("pk"), at__lt=period.end)
        .exclude(new_status="")
        .order_by("-at", "-pk")
        .values("new_status")[:1]
    )
    return (
        Case.objects.filter(commune_id=commune_id, created_at__lt=period.end)
        .annotate(step=Coalesce(Subquery(last_step), F("status")))
        .order_by()
        .values("residential_group_id")
        .annotate(
            received=Count("pk", filter=Q(created_at__gte=period.start)),
            open=Count("pk", filter=~Q(step=CaseStatus.CLOSED)),
        )
    )


def _month(field: str) -> TruncMonth:
    return TruncMonth(field, tzinfo=VIETNAM, output_field=DateField())


def month_figures(commune_id: int, span: Period) -> dict[datetime.date, dict]:
    """{first day of the month: {code: value}} for every month of `span` (which
    starts on a first day): incident reports by kind (abuse.reports.<form>,
    injury.reports.<kind>, and their totals), cases opened and closed."""
    months = {day: _empty_month() for day in month_starts(span)}
    reports = (
        received_in(commune_id, span)
        .annotate(month=_month("received_at"))
        .order_by()
        .values("month", "kind")
        .annotate(n=Count("pk"))
    )
    for row in reports:
        values = months[row["month"]]
        total = "abuse.reports" if row["kind"] in ABUSE_KINDS else "injury.reports"
        values[total] += row["n"]
        values[f"{total}.{row['kind']}"] += row["n"]
    opened = (
        Case.objects.filter(
            commune_id=commune_id, created_at__gte=span.start, created_at__lt=span.end
        )
        .annotate(month=_month("created_at"))
        .order_by()
        .values("month")
        .annotate(n=Count("pk"))
    )
    for row in opened:
        months[row["month"]]["cases.received"] = row["n"]
    # cases.closed: each case once per month, as the annex counts it per period.
    closed = (
        CaseEvent.objects.filter(
            commune_id=commune_id,
            new_status=CaseStatus.CLOSED,
            at__gte=span.start,
            at__lt=span.end,
        )
        .annotate(month=_month("at"))
        .order_by()
        .values("month")
        .annotate(n=Count("case", distinct=True))
    )
    for row in closed:
        months[row["month"]]["cases.closed"] = row["n"]
    return months


def _empty_month() -> dict:
    values = {"abuse.reports": 0, "injury.reports": 0}
    values |= {f"abuse.reports.{cell}": 0 for cell, _label in codes.ABUSE_FORMS}
    values |= {f"injury.reports.{cell}": 0 for cell, _label in codes.INJURY_KINDS}
    return values | {"cases.received": 0, "cases.closed": 0}


def overdue_sets(
    commune_id: int, now: datetime.datetime, *, user=None
) -> tuple[QuerySet, QuerySet, QuerySet]:
    """What is overdue in the commune at `now`, as the deadline page counts it
    (cases.selectors.deadline_board): reports not triaged in time, open cases
    past their step's deadline, open referrals past their due date (not of a
    closed case). From visible_to(user) when a user reads them."""
    today = now.astimezone(VIETNAM).date()
    reports = IncidentReport.objects
    cases = Case.objects
    referrals = Referral.objects
    if user is not None:
        reports = reports.visible_to(user)
        cases = cases.visible_to(user)
        referrals = referrals.visible_to(user)
    return (
        reports.open().filter(commune_id=commune_id, triage_due_at__lt=now),
        cases.open().filter(commune_id=commune_id, due_at__lt=now),
        referrals.open()
        .filter(commune_id=commune_id, due_on__lt=today)
        .exclude(case__status=CaseStatus.CLOSED),
    )


def overdue_counts(commune_id: int, now: datetime.datetime) -> dict[str, int]:
    """The "deadlines.*" figures of the rollup: overdue at the refresh."""
    counts = {
        code: queryset.count()
        for code, queryset in zip(
            DEADLINE_CODES, overdue_sets(commune_id, now), strict=True
        )
    }
    return counts | {"deadlines.overdue": sum(counts.values())}
