"""The support plan (Mẫu 04) and its approval (Mẫu 05): drafting, submitting,
the chairman's decision, returning it, and adjustments (NĐ 56 Điều 28-29).

The chairman approves only when the documents of Điều 28.2 are there.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.casework.assessments import is_caseworker
from cases.casework.events import case_event
from cases.casework.moves import ConflictError, can_move_case, case_transition
from cases.models import (
    Case,
    CaseStatus,
    DetailedAssessment,
    PlanItem,
    RiskForm,
    SupportPlan,
)

S = CaseStatus
P = SupportPlan.Status
ITEM_FIELDS = (
    "service",
    "description",
    "start_on",
    "expected_end_on",
    "organisation",
    "person",
    "provider",
    "budget_vnd",
)


@dataclass(frozen=True)
class Requirement:
    label: str
    met: bool


def open_plan(case: Case) -> SupportPlan | None:
    """The plan being written or waiting for the chairman, if any."""
    return case.plans.filter(status__in=[P.DRAFT, P.SUBMITTED]).first()


def approved_plan(case: Case) -> SupportPlan | None:
    return case.plans.filter(status=P.APPROVED).order_by("-revision").first()


def _has_document(case: Case, kind: str, subject_id: int) -> bool:
    from reports.models import GeneratedDocument  # reports builds on cases

    return (
        GeneratedDocument.objects.filter(
            commune_id=case.commune_id, kind=kind, subject_id=subject_id
        )
        .exclude(status=GeneratedDocument.Status.FAILED)
        .exists()
    )


def approval_requirements(case: Case, plan: SupportPlan | None) -> list[Requirement]:
    """The documents Điều 28.2 asks for before the chairman approves. Only the
    current episode's records count (a reopened case starts again)."""
    episode = case.received_at
    detailed = DetailedAssessment.objects.filter(
        case=case, updated_at__gte=episode
    ).first()
    return [
        Requirement(
            gettext_lazy(
                "a) Intake report and initial risk assessment (Forms 01 and 02)"
            ),
            _has_document(case, "case_intake", case.pk)
            and case.risk_assessments.filter(
                form=RiskForm.INITIAL, assessed_at__gte=episode
            ).exists(),
        ),
        Requirement(
            gettext_lazy(
                "b) Detailed assessment (Form 03) and the minutes of the needs meeting"
            ),
            detailed is not None
            and detailed.is_complete
            and case.meetings.filter(created_at__gte=episode).exists(),
        ),
        Requirement(
            gettext_lazy("c) Draft approval decision with the plan (Form 05)"),
            plan is not None
            and plan.status == P.SUBMITTED
            and plan.items.exists()
            and _has_document(case, "case_approval", plan.pk),
        ),
    ]


def _clean_items(items: list[dict]) -> list[dict]:
    if not items:
        raise ValidationError({"items": [_("Add at least one service or task.")]})
    for number, item in enumerate(items, 1):
        if item["expected_end_on"] < item["start_on"]:
            raise ValidationError(
                {
                    "items": [
                        _("Row %(n)s: the expected end is before the start.")
                        % {"n": number}
                    ]
                }
            )
    return items


@transaction.atomic
def plan_save(
    *,
    actor,
    case: Case,
    goal: str,
    items: list[dict],
    version: int | None = None,
    request=None,
) -> SupportPlan:
    """Write the draft plan (Mẫu 04) whole: its goal and every row, replaced."""
    if not is_caseworker(actor, case):
        raise PermissionDenied
    case = Case.objects.select_for_update().get(pk=case.pk)
    plan = open_plan(case)
    if plan is None:
        if case.status != S.PLANNING:
            raise ValidationError(
                {"status": [_("The plan is drafted in the planning step.")]}
            )
        revision = (case.plans.aggregate(top=Max("revision"))["top"] or 0) + 1
        plan = SupportPlan(
            case=case, commune_id=case.commune_id, revision=revision, drafted_by=actor
        )
    elif plan.status != P.DRAFT:
        raise ValidationError(
            {"status": [_("The plan is waiting for the chairman; it cannot change.")]}
        )
    else:
        plan.version += 1
    # The page carries the version it read, 0 when there was no plan yet: any
    # difference means someone else saved in between.
    read = plan.version - 1 if plan.pk else 0
    if version is not None and version != read:
        raise ConflictError(
            _("Someone else saved this plan while you were writing."),
            changes=[(str(_("goal of the plan")), plan.goal)],
        )
    plan.goal = goal
    plan.full_clean(exclude=["case"], validate_constraints=False)
    plan.save()
    plan.items.all().delete()
    rows = [
        PlanItem(
            plan=plan, commune_id=case.commune_id, **{k: i[k] for k in ITEM_FIELDS}
        )
        for i in _clean_items(items)
    ]
    for row in rows:
        row.full_clean(exclude=["plan"])
    PlanItem.objects.bulk_create(rows)
    case_event(
        actor=actor,
        case=case,
        action="plan.saved",
        note=_("revision %(n)s") % {"n": plan.revision},
        request=request,
        obj=plan,
    )
    return plan


@transaction.atomic
def plan_adjust(*, actor, case: Case, reason: str, request=None) -> SupportPlan:
    """Start an adjustment of the plan in force (Đ29.2): a new draft revision with
    the same rows, to be approved again."""
    if not is_caseworker(actor, case):
        raise PermissionDenied
    case = Case.objects.select_for_update().get(pk=case.pk)
    current = approved_plan(case)
    if case.status != S.IN_PROGRESS or current is None or open_plan(case):
        raise ValidationError(
            {"status": [_("Only a plan being carried out can be adjusted.")]}
        )
    if not reason.strip():
        raise ValidationError({"reason": [_("Say why the plan is adjusted.")]})
    plan = SupportPlan.objects.create(
        case=case,
        commune_id=case.commune_id,
        revision=current.revision + 1,
        goal=current.goal,
        adjustment_reason=reason,
        drafted_by=actor,
    )
    PlanItem.objects.bulk_create(
        PlanItem(
            plan=plan,
            commune_id=case.commune_id,
            **{k: getattr(i, k) for k in ITEM_FIELDS},
        )
        for i in current.items.all()
    )
    case_event(
        actor=actor, case=case, action="plan.adjusting", note=reason, request=request
    )
    return plan


@transaction.atomic
def plan_submit(
    *, actor, case: Case, version: int | None = None, request=None
) -> SupportPlan:
    """Send the draft to the chairman with the documents of Đ28.2 rendered: the
    intake report (Mẫu 01) if the case has none yet, and the draft decision (Mẫu 05)."""
    from cases.casework.documents import case_document_request

    if not is_caseworker(actor, case):
        raise PermissionDenied
    plan = open_plan(case)
    if plan is None or plan.status != P.DRAFT:
        raise ValidationError({"status": [_("There is no draft plan to submit.")]})
    if not plan.items.exists():
        raise ValidationError({"items": [_("Add at least one service or task.")]})
    case = case_transition(
        actor=actor, case=case, to=S.AWAITING_APPROVAL, version=version, via="plan"
    )
    plan.status = P.SUBMITTED
    plan.submitted_at = timezone.now()
    plan.save(update_fields=["status", "submitted_at"])
    case_event(
        actor=actor, case=case, action="plan.submitted", request=request, obj=plan
    )
    if not _has_document(case, "case_intake", case.pk):
        case_document_request(
            actor=actor, case=case, kind="case_intake", request=request
        )
    case_document_request(
        actor=actor,
        case=case,
        kind="case_approval",
        subject=plan,
        request=request,
    )
    return plan


def _plan_end(plan: SupportPlan) -> datetime.datetime | None:
    """The plan's own deadline: the end of its last row's expected end day."""
    last = plan.items.aggregate(last=Max("expected_end_on"))["last"]
    if last is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(last, datetime.time.max))


@transaction.atomic
def plan_approve(
    *, actor, case: Case, version: int | None = None, request=None
) -> SupportPlan:
    """The chairman's approval (Đ28.4), refused while a document of Đ28.2 is missing."""
    if not can_move_case(actor, case, S.IN_PROGRESS):
        raise PermissionDenied
    plan = open_plan(case)
    missing = [r.label for r in approval_requirements(case, plan) if not r.met]
    if missing:
        raise ValidationError(
            {
                "status": [
                    _("The plan cannot be approved yet. Missing: %(list)s")
                    % {"list": "; ".join(str(m) for m in missing)}
                ]
            }
        )
    case = case_transition(
        actor=actor, case=case, to=S.IN_PROGRESS, version=version, via="approval"
    )
    case.plans.filter(status=P.APPROVED).update(status=P.SUPERSEDED)
    plan.status = P.APPROVED
    plan.approved_at = timezone.now()
    plan.approved_by = actor
    plan.save(update_fields=["status", "approved_at", "approved_by"])
    case.due_at = _plan_end(plan)
    case.save(update_fields=["due_at"])
    case_event(
        actor=actor, case=case, action="plan.approved", request=request, obj=plan
    )
    return plan


@transaction.atomic
def plan_return(
    *, actor, case: Case, note: str, version: int | None = None, request=None
) -> SupportPlan:
    """The chairman sends the plan back, with the reason. A first plan goes back
    to planning; an adjustment goes back to the plan in force, which keeps running."""
    plan = open_plan(case)
    if plan is None or plan.status != P.SUBMITTED:
        raise ValidationError({"status": [_("There is no plan waiting for approval.")]})
    if not note.strip():
        raise ValidationError({"note": [_("Say what must change in the plan.")]})
    in_force = approved_plan(case)
    to = S.IN_PROGRESS if in_force else S.PLANNING
    case = case_transition(
        actor=actor, case=case, to=to, version=version, note=note, via="return"
    )
    plan.status = P.DRAFT
    plan.submitted_at = None
    plan.save(update_fields=["status", "submitted_at"])
    if in_force:
        case.due_at = _plan_end(in_force)
        case.save(update_fields=["due_at"])
    return plan
