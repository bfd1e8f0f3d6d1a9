"""Which children had support on record in a period: the routes that define
"được trợ giúp" (hcdb.supported) and, with two more, "được tiếp cận dịch vụ"
(disabled.reached). Each route is a subquery of child ids, for `pk__in`.

Nothing in the data says "supported" outright, so these are the facts that do
exist (docs/indicators.md gives the reasoning):

* ke_hoach: a case of the child with an approved support plan (NĐ 56 Điều
  28.4) in force during the period;
* chien_dich: support from a campaign given in the period;
* tro_giup: support written on a special circumstance in force on date_to;
* giay_xac_nhan (disabled only): a disability certificate issued by date_to;
* di_hoc (disabled only): the child attends school.
"""

import operator
from functools import reduce

from django.db.models import Q, QuerySet

from campaigns.models import Support
from cases.models import CaseStatus, SupportPlan
from registry.models import Child, SpecialCircumstance
from reports.indicators.period import Period

IN_SCHOOL = (
    Child.School.PRESCHOOL,
    Child.School.PRIMARY,
    Child.School.LOWER_SECONDARY,
    Child.School.UPPER_SECONDARY,
)


def circumstances_in_force(commune_id: int, period: Period) -> QuerySet:
    """Special circumstances identified by date_to and not resolved by then (the
    resolution day itself no longer counts)."""
    return SpecialCircumstance.objects.filter(
        commune_id=commune_id, identified_on__lte=period.date_to
    ).filter(Q(resolved_on__isnull=True) | Q(resolved_on__gt=period.date_to))


def plan_in_force(commune_id: int, period: Period) -> QuerySet:
    """Children with an approved plan (or one since adjusted) on a case that was
    still open at some point of the period."""
    closed_before = Q(
        case__status=CaseStatus.CLOSED, case__status_changed_at__lt=period.start
    )
    return (
        SupportPlan.objects.filter(
            commune_id=commune_id,
            status__in=[SupportPlan.Status.APPROVED, SupportPlan.Status.SUPERSEDED],
            approved_at__lt=period.end,
        )
        .exclude(closed_before)
        .values("case__child_id")
    )


def campaign_support(commune_id: int, period: Period) -> QuerySet:
    return Support.objects.filter(
        commune_id=commune_id,
        given_on__range=(period.date_from, period.date_to),
    ).values("child_id")


def recorded_support(commune_id: int, period: Period) -> QuerySet:
    return (
        circumstances_in_force(commune_id, period)
        .exclude(support_received="")
        .values("child_id")
    )


def support_routes(commune_id: int, period: Period) -> dict[str, Q]:
    """The hcdb.supported routes, by cell code, as conditions on Child."""
    return {
        "ke_hoach": Q(pk__in=plan_in_force(commune_id, period)),
        "chien_dich": Q(pk__in=campaign_support(commune_id, period)),
        "tro_giup": Q(pk__in=recorded_support(commune_id, period)),
    }


def reach_routes(commune_id: int, period: Period) -> dict[str, Q]:
    """The disabled.reached routes, by cell code, as conditions on Child."""
    certificate = Q(disability_certificate_date__lte=period.date_to) | (
        Q(disability_certificate_date__isnull=True)
        & ~Q(disability_certificate_number="")
    )
    return {
        "giay_xac_nhan": certificate,
        "di_hoc": Q(school__in=IN_SCHOOL),
        **support_routes(commune_id, period),
    }


def any_of(conditions: dict[str, Q]) -> Q:
    return reduce(operator.or_, conditions.values())
