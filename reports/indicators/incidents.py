"""Flows from the incident reports: abuse (section V) and injuries (section VI).

A report counts in the period it was received (received_at, Vietnam local
day): every report lands in exactly one period, even one about something that
happened long before, and a report issued for a period is never contradicted by
a late report of an older event. Reports marked duplicate or dismissed do not
count; reports not yet triaged do. One query per section.
"""

from django.db.models import (
    BigIntegerField,
    Case,
    Count,
    F,
    Func,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import TruncDate

from cases.models import ABUSE_KINDS, IncidentReport, Severity
from reports.indicators import codes
from reports.indicators.figures import Figure
from reports.indicators.period import VIETNAM, Period

NOT_COUNTED = (IncidentReport.Status.DUPLICATE, IncidentReport.Status.DISMISSED)
# A report names a registered child whose record was not deleted as a mistake;
# otherwise the report's own description of the child is all there is.
REGISTERED = Q(child__isnull=False, child__deleted_at__isnull=True)


class AgeInYears(Func):
    """Whole years between two dates (PostgreSQL AGE), as Child.age_on counts."""

    template = "EXTRACT(YEAR FROM AGE(%(expressions)s))::integer"
    output_field = IntegerField()


def received_in(commune_id: int, period: Period) -> QuerySet:
    return IncidentReport.objects.filter(
        commune_id=commune_id,
        received_at__gte=period.start,
        received_at__lt=period.end,
    ).exclude(status__in=NOT_COUNTED)


def _child_key() -> Case:
    """One key per child: the registry id, or minus the report id for a child
    known only from the report (who may or may not be the same as another)."""
    return Case(
        When(REGISTERED, then=F("child_id")),
        default=Value(0) - F("pk"),
        output_field=BigIntegerField(),
    )


def _child_age() -> Case:
    occurred_on = TruncDate("occurred_at", tzinfo=VIETNAM)
    return Case(
        When(REGISTERED, then=AgeInYears(occurred_on, F("child__birth_date"))),
        default=F("child_age"),
        output_field=IntegerField(),
    )


def _child_sex() -> Case:
    return Case(When(REGISTERED, then=F("child__sex")), default=F("child_sex"))


def _age_band(cell: str) -> Q:
    if cell == "khong_ro":
        # Unknown, or an age outside childhood written on a report.
        in_any = Q()
        for low, high in codes.BAND_LIMITS.values():
            in_any |= Q(age__gte=low, age__lt=high)
        return Q(age__isnull=True) | ~in_any
    low, high = codes.BAND_LIMITS[cell]
    return Q(age__gte=low, age__lt=high)


def _sex(cell: str) -> Q:
    if cell == "khong_ro":
        return Q(sex__isnull=True) | ~Q(sex__in=["nam", "nu"])
    return Q(sex=cell)


def abuse_figures(commune_id: int, period: Period) -> dict[str, Figure]:
    reports = received_in(commune_id, period).filter(kind__in=ABUSE_KINDS)
    children = Count("key", distinct=True)
    aggregates = {"reports": Count("pk"), "children": children}
    for cell, _label in codes.ABUSE_FORMS:
        aggregates[f"reports_{cell}"] = Count("pk", filter=Q(kind=cell))
        aggregates[f"form_{cell}"] = Count("key", distinct=True, filter=Q(kind=cell))
    for cell, _label in codes.SEX:
        aggregates[f"sex_{cell}"] = Count("key", distinct=True, filter=_sex(cell))
    for cell, _label in codes.AGE_BANDS_UNKNOWN:
        aggregates[f"age_{cell}"] = Count("key", distinct=True, filter=_age_band(cell))
    found = (
        reports.annotate(key=_child_key(), sex=_child_sex(), age=_child_age())
        .order_by()
        .aggregate(**aggregates)
    )

    def cells(prefix, choices):
        return {cell: found[f"{prefix}_{cell}"] for cell, _label in choices}

    return {
        "abuse.reports": Figure(found["reports"], cells("reports", codes.ABUSE_FORMS)),
        "abuse.children": Figure(found["children"]),
        "abuse.children_form": Figure(
            found["children"], cells("form", codes.ABUSE_FORMS)
        ),
        "abuse.children_sex": Figure(found["children"], cells("sex", codes.SEX)),
        "abuse.children_age": Figure(
            found["children"], cells("age", codes.AGE_BANDS_UNKNOWN)
        ),
    }


def injury_figures(commune_id: int, period: Period) -> dict[str, Figure]:
    reports = received_in(commune_id, period).exclude(kind__in=ABUSE_KINDS)
    death = Q(severity=Severity.DEATH)
    aggregates = {"reports": Count("pk"), "deaths": Count("pk", filter=death)}
    for cell, _label in codes.INJURY_KINDS:
        aggregates[f"reports_{cell}"] = Count("pk", filter=Q(kind=cell))
        aggregates[f"deaths_{cell}"] = Count("pk", filter=death & Q(kind=cell))
    found = reports.order_by().aggregate(**aggregates)

    def cells(prefix):
        return {cell: found[f"{prefix}_{cell}"] for cell, _label in codes.INJURY_KINDS}

    return {
        "injury.reports": Figure(found["reports"], cells("reports")),
        "injury.deaths": Figure(found["deaths"], cells("deaths")),
        "injury.deaths_drowning": Figure(found["deaths_duoi_nuoc"]),
    }
