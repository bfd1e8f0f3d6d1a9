"""Cases and referrals (section VII): the NĐ 56/2017 steps taken in the period,
read from the case timeline (CaseEvent) and the step records, and the cases
still open at the end. Five queries, plus the holiday calendar when plans were
approved.
"""

import datetime

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from cases import workflow
from cases.models import (
    Case,
    CaseEvent,
    CaseStatus,
    Referral,
    RiskAssessment,
    RiskForm,
    SupportPlan,
)
from registry.selectors import working_calendar
from reports.indicators.figures import Figure
from reports.indicators.period import VIETNAM, Period

# Điều 26.3: the emergency decision comes within 12 hours of receipt.
EMERGENCY_LIMIT = datetime.timedelta(
    hours=workflow.TIME_LIMITS[CaseStatus.INITIAL_ASSESSMENT].hours
)


def _within(period: Period, field: str) -> Q:
    return Q(**{f"{field}__gte": period.start, f"{field}__lt": period.end})


def _cases(commune_id: int, period: Period) -> dict[str, int]:
    """Opened in the period, and open at its end (the last step entered before
    the end was not "closed": a case closed and reopened since counts right)."""
    last_step = (
        CaseEvent.objects.filter(case=OuterRef("pk"), at__lt=period.end)
        .exclude(new_status="")
        .order_by("-at", "-pk")
        .values("new_status")[:1]
    )
    return (
        Case.objects.filter(commune_id=commune_id)
        .annotate(step=Coalesce(Subquery(last_step), F("status")))
        .order_by()
        .aggregate(
            received=Count("pk", filter=_within(period, "created_at")),
            open_at_end=Count(
                "pk",
                filter=Q(created_at__lt=period.end) & ~Q(step=CaseStatus.CLOSED),
            ),
        )
    )


def _moves(commune_id: int, period: Period) -> dict[str, int]:
    """Emergency moves (and those within 12 hours of receipt), closures."""
    emergency = Q(new_status=CaseStatus.EMERGENCY)
    in_time = Q(at__lte=F("case__received_at") + EMERGENCY_LIMIT)
    return (
        CaseEvent.objects.filter(_within(period, "at"), commune_id=commune_id)
        .order_by()
        .aggregate(
            emergency=Count("pk", filter=emergency),
            emergency_12h=Count("pk", filter=emergency & in_time),
            closed=Count("case", distinct=True, filter=Q(new_status=CaseStatus.CLOSED)),
        )
    )


def _assessed(commune_id: int, period: Period) -> int:
    return (
        RiskAssessment.objects.filter(
            _within(period, "assessed_at"),
            commune_id=commune_id,
            form=RiskForm.INITIAL,
        )
        .values("case")
        .distinct()
        .count()
    )


def approval_deadline(submitted_at: datetime.datetime, calendar) -> datetime.datetime:
    """The end of the 2nd working day after submission (NĐ 56 Điều 28.4), counted
    in Vietnam's local days, as the workflow's own table sets it."""
    days_off, extra = calendar
    local = submitted_at.astimezone(VIETNAM)
    return workflow.due_at(
        CaseStatus.AWAITING_APPROVAL,
        entered_at=local,
        received_at=local,
        days_off=days_off,
        extra_working_days=extra,
    )


def _plans(commune_id: int, period: Period) -> dict[str, int]:
    """Plans approved in the period, and approved on time. A plan approved with
    no submission time on record is not counted as on time."""
    approvals = list(
        SupportPlan.objects.filter(
            _within(period, "approved_at"), commune_id=commune_id
        ).values_list("submitted_at", "approved_at")
    )
    if not approvals:
        return {"approved": 0, "on_time": 0}
    calendar = working_calendar()
    on_time = sum(
        1
        for submitted, approved in approvals
        if submitted is not None and approved <= approval_deadline(submitted, calendar)
    )
    return {"approved": len(approvals), "on_time": on_time}


def _referrals(commune_id: int, period: Period) -> dict[str, int]:
    return (
        Referral.objects.filter(commune_id=commune_id)
        .order_by()
        .aggregate(
            sent=Count("pk", filter=_within(period, "sent_at")),
            done=Count(
                "pk",
                filter=_within(period, "completed_at") & Q(status=Referral.Status.DONE),
            ),
        )
    )


def case_figures(commune_id: int, period: Period) -> dict[str, Figure]:
    cases = _cases(commune_id, period)
    moves = _moves(commune_id, period)
    plans = _plans(commune_id, period)
    referrals = _referrals(commune_id, period)
    return {
        "cases.received": Figure(cases["received"]),
        "cases.assessed": Figure(_assessed(commune_id, period)),
        "cases.emergency": Figure(moves["emergency"]),
        "cases.emergency_12h": Figure(moves["emergency_12h"]),
        "cases.plans_approved": Figure(plans["approved"]),
        "cases.plans_on_time": Figure(plans["on_time"]),
        "cases.closed": Figure(moves["closed"]),
        "cases.open_at_end": Figure(cases["open_at_end"]),
        "referrals.sent": Figure(referrals["sent"]),
        "referrals.done": Figure(referrals["done"]),
    }
