"""The lists behind the dashboard's numbers: what is overdue, the open cases,
the year's incident reports, the children in special circumstances without
support on record. Live, from visible_to(user), with the annex's definitions.

Children's names show only to those allowed to read them (can_see_names); the
view writes an audit row for every list opened (DESIGN.md §3).
"""

import datetime
import uuid
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet, Window
from django.http import Http404
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.scope import COMMUNE_WIDE_ROLES, user_scope
from cases.models import ABUSE_KINDS, Case, IncidentReport
from registry.models import Child, Commune, ResidentialGroup
from reports.dashboard.figures import DROWNING, overdue_sets
from reports.dashboard.periods import year_to_date
from reports.indicators.children import child_conditions, children_on
from reports.indicators.incidents import received_in
from reports.indicators.period import VIETNAM

LIST_LIMIT = 500
LISTS: dict[str, Promise] = {
    "overdue": _("Overdue"),
    "open_cases": _("Open cases"),
    "incidents": _("Incident reports this year"),
    "unsupported": _("Children in special circumstances without support on record"),
}
INCIDENT_FILTERS = {
    "abuse": Q(kind__in=ABUSE_KINDS),
    "injury": ~Q(kind__in=ABUSE_KINDS),
    "drowning": Q(kind=DROWNING),
}


def can_see_names(user, commune_id: int) -> bool:
    """Children's names: the commune's officers and chairman (DOMAIN.md §15)."""
    return commune_id in user_scope(user).communes_for(*COMMUNE_WIDE_ROLES)


def drill_group(commune: Commune, code: str) -> ResidentialGroup | None:
    """Gatekeeper: the commune's group by public id; 404 for any other."""
    if not code:
        return None
    try:
        wanted = uuid.UUID(code)
    except ValueError:
        raise Http404 from None
    group = ResidentialGroup.objects.filter(commune=commune, code=wanted).first()
    if group is None:
        raise Http404
    return group


@dataclass
class Section:
    title: Promise | str
    kind: str  # "reports", "cases", "referrals" or "children": how rows are shown
    rows: list
    total: int


def _capped(queryset: QuerySet, *order) -> tuple[list, int]:
    rows = list(
        queryset.annotate(n_all=Window(Count("pk"))).order_by(*order)[:LIST_LIMIT]
    )
    return rows, (rows[0].n_all if rows else 0)


def _in_group(queryset: QuerySet, group) -> QuerySet:
    return queryset if group is None else queryset.filter(residential_group=group)


def overdue(user, commune, group, now, what="") -> list[Section]:
    reports, cases, referrals = overdue_sets(commune.pk, now, user=user)
    if group is not None:
        referrals = referrals.filter(case__residential_group=group)
    return [
        Section(
            _("Reports not triaged in time"),
            "reports",
            *_capped(
                _in_group(reports, group).select_related("residential_group", "child"),
                "triage_due_at",
                "pk",
            ),
        ),
        Section(
            _("Case steps past their deadline"),
            "cases",
            *_capped(
                _in_group(cases, group).select_related("residential_group", "child"),
                "due_at",
                "pk",
            ),
        ),
        Section(
            _("Referrals past their due date"),
            "referrals",
            *_capped(referrals.select_related("case__child"), "due_on", "pk"),
        ),
    ]


def open_cases(user, commune, group, now, what="") -> list[Section]:
    cases = Case.objects.visible_to(user).open().filter(commune=commune)
    rows = _capped(
        _in_group(cases, group).select_related("residential_group", "child"),
        F("due_at").asc(nulls_last=True),
        "pk",
    )
    return [Section(_("Open cases"), "cases", *rows)]


def incidents(user, commune, group, now, what="") -> list[Section]:
    period = year_to_date(now.astimezone(VIETNAM).date())
    reports = received_in(commune.pk, period) & IncidentReport.objects.visible_to(user)
    if what in INCIDENT_FILTERS:
        reports = reports.filter(INCIDENT_FILTERS[what])
    rows = _capped(
        _in_group(reports, group).select_related("residential_group", "child"),
        "-received_at",
        "-pk",
    )
    return [Section(_("Incident reports this year"), "reports", *rows)]


def unsupported(user, commune, group, now, what="") -> list[Section]:
    """hcdb.total children not in hcdb.supported, on today's figures."""
    period = year_to_date(now.astimezone(VIETNAM).date())
    conditions = child_conditions(commune.pk, period)
    children = children_on(commune.pk, period).filter(
        conditions["hcdb"] & ~conditions["hcdb_supported"]
    ) & Child.objects.visible_to(user)
    rows = _capped(
        _in_group(children, group).select_related("residential_group"),
        "full_name",
        "pk",
    )
    return [Section(LISTS["unsupported"], "children", *rows)]


BUILDERS = {
    "overdue": overdue,
    "open_cases": open_cases,
    "incidents": incidents,
    "unsupported": unsupported,
}


def drill_list(
    user, list_name: str, commune, group, now: datetime.datetime, what: str = ""
) -> list[Section]:
    """The sections of list `list_name` (404 for an unknown one)."""
    if list_name not in BUILDERS:
        raise Http404
    return BUILDERS[list_name](user, commune, group, now, what)
