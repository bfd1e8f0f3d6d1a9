"""Reads of referrals: every query starts from Referral.objects.visible_to(user).

A partner reads the referral and the child's name, age and group, never the
case's narrative, assessments or informant (NĐ 56/2017 Điều 24: need-to-know).
"""

import datetime

from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone

from accounts.models import Role
from accounts.scope import COMMUNE_WIDE_ROLES, get_visible_or_404, user_scope
from cases.models import Case, CaseStatus, PlanItem, Referral, SupportPlan
from cases.referral_forms import ReferralForm

PAGE_SIZE = 50
OPEN = (Referral.Status.SENT, Referral.Status.ACKNOWLEDGED)
# Steps where services run: emergency help and separation (Đ31, Đ32), the plan
# being carried out (Đ29) and its review (Đ30).
SERVICE_STEPS = frozenset(
    {
        CaseStatus.EMERGENCY,
        CaseStatus.SEPARATION,
        CaseStatus.IN_PROGRESS,
        CaseStatus.REVIEW,
    }
)
# What a referral page shows; the child comes along for its name, age and group.
RELATED = ("case__child", "case__residential_group", "sent_by", "acknowledged_by")


def current_plan_items(case: Case) -> QuerySet:
    """The rows of the case's plans in force or being written, not replaced ones."""
    return PlanItem.objects.filter(plan__case=case).exclude(
        plan__status=SupportPlan.Status.SUPERSEDED
    )


def is_commune_officer(user, commune_id: int) -> bool:
    """Officers send and withdraw referrals; chairmen only read them."""
    return commune_id in user_scope(user).communes_for(Role.OFFICER)


def can_send_referral(user, case: Case) -> bool:
    """The commune's officer, while the case is in a step where services run."""
    return case.status in SERVICE_STEPS and is_commune_officer(user, case.commune_id)


def is_partner_for(user, referral: Referral) -> bool:
    """The user acts for the organisation the referral was sent to, in its commune."""
    pair = (referral.commune_id, referral.organisation)
    return pair in user_scope(user).partner_organisations


def can_acknowledge_referral(user, referral: Referral) -> bool:
    return referral.status == Referral.Status.SENT and is_partner_for(user, referral)


def can_complete_referral(user, referral: Referral) -> bool:
    return referral.status == Referral.Status.ACKNOWLEDGED and is_partner_for(
        user, referral
    )


def can_cancel_referral(user, referral: Referral) -> bool:
    """The commune's officer withdraws a referral that is still open."""
    return referral.status in OPEN and is_commune_officer(user, referral.commune_id)


def sees_case(user, referral: Referral) -> bool:
    """Officers and chairmen may follow the referral back to its case."""
    return referral.commune_id in user_scope(user).communes_for(*COMMUNE_WIDE_ROLES)


def referral_get_for_user(user, code) -> Referral:
    """Gatekeeper: the referral if `user` may see it, else 404."""
    queryset = Referral.objects.select_related(*RELATED)
    return get_visible_or_404(queryset, user, code=code)


def _mark_overdue(rows: list[Referral]) -> list[Referral]:
    today = timezone.localdate()
    for row in rows:
        row.overdue = row.is_overdue(today)
    return rows


def referrals_for_partner(
    user, *, status: str = "", after: str = ""
) -> tuple[list[Referral], str | None]:
    """The referrals the user may see: open ones first, each part by due date,
    one keyset page at a time. `after` is "<closed 0|1>|<due ISO>|<id>"."""
    queryset = (
        Referral.objects.visible_to(user)
        .select_related(*RELATED)
        .annotate(
            closed=models.Case(
                models.When(status__in=OPEN, then=models.Value(0)),
                default=models.Value(1),
                output_field=models.IntegerField(),
            )
        )
    )
    if status:
        queryset = queryset.filter(status=status)
    if after:
        try:
            closed, due, pk = after.split("|")
            closed, due, pk = int(closed), datetime.date.fromisoformat(due), int(pk)
        except ValueError:
            pass  # a damaged cursor starts from the top
        else:
            queryset = queryset.filter(
                Q(closed__gt=closed)
                | Q(closed=closed, due_on__gt=due)
                | Q(closed=closed, due_on=due, pk__gt=pk)
            )
    rows = list(queryset.order_by("closed", "due_on", "pk")[: PAGE_SIZE + 1])
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    cursor = None
    if more:
        last = rows[-1]
        cursor = f"{last.closed}|{last.due_on.isoformat()}|{last.pk}"
    return _mark_overdue(rows), cursor


def referrals_context(user, case: Case) -> dict:
    """What templates/cases/_referrals.html needs on the case page."""
    referrals = (
        Referral.objects.visible_to(user)
        .filter(case=case)
        .select_related("plan_item", "sent_by", "acknowledged_by")
        .order_by("-sent_at", "-pk")
    )
    can_send = can_send_referral(user, case)
    return {
        "referrals": _mark_overdue(list(referrals)),
        "can_send_referral": can_send,
        "referral_form": (
            ReferralForm(plan_items=current_plan_items(case)) if can_send else None
        ),
    }
