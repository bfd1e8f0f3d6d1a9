"""The assessments of a case: Mẫu 02 (initial), Mẫu 03 (detailed), Mẫu 06
(review), the needs meeting, follow-up visits and the separation decision.

Each write is checked (who, which step), saved whole or not at all, and lands on
the timeline. Recording Mẫu 02 or Mẫu 06 moves the case on as its conclusion says.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role
from accounts.scope import user_scope
from cases.casework.events import case_event
from cases.casework.moves import ConflictError, case_transition
from cases.models import (
    DETAILED_SECTIONS,
    Case,
    CaseStatus,
    DetailedAssessment,
    FollowUp,
    NeedsMeeting,
    RiskAnswer,
    RiskAssessment,
    RiskCriterion,
    RiskForm,
    RiskLevel,
    Separation,
)
from cases.models.steps import MAX_SEPARATION

S = CaseStatus
# Where each form may be filled in.
RISK_FORM_STEPS = {
    RiskForm.INITIAL: frozenset({S.RECEIVED, S.INITIAL_ASSESSMENT}),
    RiskForm.FINAL: frozenset({S.REVIEW}),
}
CONCLUSIONS = {
    RiskForm.INITIAL: {
        RiskAssessment.Conclusion.EMERGENCY: S.EMERGENCY,
        RiskAssessment.Conclusion.NO_EMERGENCY: S.DETAILED_ASSESSMENT,
    },
    # Closing is the chairman's decision (Đ30.1.b): the review only proposes it.
    RiskForm.FINAL: {
        RiskAssessment.Conclusion.CLOSE: None,
        RiskAssessment.Conclusion.CONTINUE: S.PLANNING,
    },
}
DETAILED_STEPS = frozenset(
    {S.EMERGENCY, S.SEPARATION, S.DETAILED_ASSESSMENT, S.PLANNING, S.REVIEW}
)
FOLLOW_UP_STEPS = frozenset({S.EMERGENCY, S.SEPARATION, S.IN_PROGRESS, S.REVIEW})


def is_caseworker(user, case: Case) -> bool:
    """The officers of the case's commune do the casework."""
    return case.commune_id in user_scope(user).communes_for(Role.OFFICER)


def _require_caseworker(user, case: Case) -> None:
    if not is_caseworker(user, case):
        raise PermissionDenied


def _locked(case: Case) -> Case:
    """The case row, locked: its step cannot change under a write that checked it,
    and two first saves of a one-per-case record queue instead of colliding."""
    return Case.objects.select_for_update().get(pk=case.pk)


def criteria_for(form: str) -> list[RiskCriterion]:
    return list(RiskCriterion.objects.filter(form=form, active=True))


def suggests_emergency(criteria, answers: dict[int, str]) -> bool:
    """DOMAIN.md §5.4: suggest an emergency when a flagged question is High. A
    suggestion only: the caseworker's conclusion decides."""
    return any(
        c.suggests_emergency and answers.get(c.pk) == RiskLevel.HIGH for c in criteria
    )


def level_counts(answers: dict[int, str]) -> dict[str, int]:
    """Mẫu 06 "Tổng số: Cao … Trung bình … Thấp …": a count per level."""
    values = list(answers.values())
    return {level: values.count(level) for level in RiskLevel.values}


@transaction.atomic
def risk_assessment_record(
    *,
    actor,
    case: Case,
    form: str,
    answers: dict[int, str],
    conclusion: str,
    notes: str = "",
    request=None,
) -> RiskAssessment:
    """Save a Mẫu 02 or Mẫu 06 and move the case as the conclusion says."""
    _require_caseworker(actor, case)
    case = _locked(case)
    if case.status not in RISK_FORM_STEPS[form]:
        raise ValidationError(
            {"form": [_("This assessment does not belong to the case's current step.")]}
        )
    criteria = criteria_for(form)
    missing = [c for c in criteria if answers.get(c.pk) not in RiskLevel.values]
    if missing:
        raise ValidationError({"answers": [_("Rate every question.")]})
    if conclusion not in CONCLUSIONS[form]:
        raise ValidationError({"conclusion": [_("Choose a conclusion.")]})
    counts = level_counts({c.pk: answers[c.pk] for c in criteria})
    assessment = RiskAssessment.objects.create(
        case=case,
        commune_id=case.commune_id,
        form=form,
        assessed_by=actor,
        high_count=counts[RiskLevel.HIGH],
        medium_count=counts[RiskLevel.MEDIUM],
        low_count=counts[RiskLevel.LOW],
        emergency_suggested=suggests_emergency(criteria, answers),
        conclusion=conclusion,
        notes=notes,
    )
    RiskAnswer.objects.bulk_create(
        RiskAnswer(assessment=assessment, criterion=c, level=answers[c.pk])
        for c in criteria
    )
    case_event(
        actor=actor,
        case=case,
        action=f"assessment.{form}",
        note=assessment.get_conclusion_display(),
        request=request,
        obj=assessment,
    )
    if case.status == S.RECEIVED:
        case = case_transition(actor=actor, case=case, to=S.INITIAL_ASSESSMENT)
    target = CONCLUSIONS[form][conclusion]
    if target:
        case_transition(actor=actor, case=case, to=target)
    return assessment


def _changes(current: DetailedAssessment, fields: dict) -> list[tuple[str, str]]:
    """What the other person saved that differs from what this one sent."""
    changed = []
    for name, value in fields.items():
        theirs = getattr(current, name)
        if theirs != value:
            label = DetailedAssessment._meta.get_field(name).verbose_name
            changed.append((str(label), str(theirs)))
    return changed


@transaction.atomic
def detailed_assessment_save(
    *, actor, case: Case, fields: dict, version: int | None, request=None
) -> DetailedAssessment:
    """Create or update Mẫu 03. Two people editing at once: the second is refused
    with what the first changed (optimistic locking on `version`)."""
    _require_caseworker(actor, case)
    case = _locked(case)
    if case.status not in DETAILED_STEPS:
        raise ValidationError(
            {"status": [_("The detailed assessment is written after the initial one.")]}
        )
    allowed = {name for name, _letter in DETAILED_SECTIONS} | {
        "caregiver_is_perpetrator"
    }
    fields = {k: v for k, v in fields.items() if k in allowed}
    if fields.get("caregiver_is_perpetrator"):
        fields["caregiver_views"] = ""  # Đ27.1.h: not asked of the perpetrator
    current = DetailedAssessment.objects.select_for_update().filter(case=case).first()
    if current is None:
        current = DetailedAssessment(
            case=case, commune_id=case.commune_id, updated_by=actor, **fields
        )
        action = "assessment.m03"
    else:
        if version != current.version:
            raise ConflictError(
                _("Someone else saved this assessment while you were writing."),
                changes=_changes(current, fields),
            )
        for name, value in fields.items():
            setattr(current, name, value)
        current.updated_by = actor
        current.version += 1
        action = "assessment.m03.edited"
    current.full_clean(exclude=["case"])
    current.save()
    case_event(actor=actor, case=case, action=action, request=request, obj=current)
    return current


@transaction.atomic
def needs_meeting_record(*, actor, case: Case, fields: dict, request=None):
    """The minutes of the meeting that decides the measures (Đ27.2)."""
    _require_caseworker(actor, case)
    case = _locked(case)
    if case.status not in DETAILED_STEPS:
        raise ValidationError(
            {"status": [_("The meeting is held once the child has been assessed.")]}
        )
    meeting = NeedsMeeting(
        case=case, commune_id=case.commune_id, recorded_by=actor, **fields
    )
    meeting.full_clean(exclude=["case"])
    meeting.save()
    case_event(
        actor=actor, case=case, action="meeting.recorded", request=request, obj=meeting
    )
    return meeting


@transaction.atomic
def followup_record(*, actor, case: Case, fields: dict, request=None) -> FollowUp:
    """A visit while the plan runs or under review (Đ29.2)."""
    _require_caseworker(actor, case)
    case = _locked(case)
    if case.status not in FOLLOW_UP_STEPS:
        raise ValidationError(
            {"status": [_("Visits are recorded while the child is being helped.")]}
        )
    if fields.get("visited_on") and fields["visited_on"] > timezone.localdate():
        raise ValidationError({"visited_on": [_("The visit cannot be in the future.")]})
    visit = FollowUp(case=case, commune_id=case.commune_id, visited_by=actor, **fields)
    visit.full_clean(exclude=["case"])
    visit.save()
    case_event(
        actor=actor, case=case, action="followup.recorded", request=request, obj=visit
    )
    return visit


@transaction.atomic
def separation_decide(*, actor, case: Case, fields: dict, request=None) -> Separation:
    """The chairman's temporary-separation decision (Đ32, Mẫu 07): at most 15
    days; the case enters the separation step."""
    starts_at = fields.get("starts_at") or timezone.now()
    ends_at = fields.get("ends_at")
    if ends_at is None or ends_at <= starts_at or ends_at - starts_at > MAX_SEPARATION:
        raise ValidationError(
            {"ends_at": [_("A temporary separation lasts at most 15 days.")]}
        )
    case = case_transition(actor=actor, case=case, to=S.SEPARATION, via="separation")
    separation = Separation(
        case=case,
        commune_id=case.commune_id,
        decided_by=actor,
        **{**fields, "starts_at": starts_at},
    )
    separation.full_clean(exclude=["case"])
    separation.save()
    # The decision's own end is the step's deadline (≤ 15 days, Đ32.3).
    case.due_at = separation.ends_at
    case.save(update_fields=["due_at"])
    case_event(
        actor=actor,
        case=case,
        action="separation.decided",
        request=request,
        obj=separation,
    )
    return separation
