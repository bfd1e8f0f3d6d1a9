"""Writes of cases: opening from a report and moving through NĐ 56's steps.

Every move is checked against cases/workflow.py, locked, given its legal
deadline (working days from the admin-kept calendar) and written to the
timeline (CaseEvent) and the audit log.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from accounts.scope import user_scope
from accounts.services import audit_record
from cases import services as report_services
from cases import workflow
from cases.models import (
    Case,
    CaseEvent,
    CaseStatus,
    DetailedAssessment,
    IncidentReport,
    Referral,
)
from registry.selectors import working_calendar

# Steps only the chairman decides (NĐ 56 Điều 28.4 approval, Điều 30.1.b closure,
# Điều 32 separation).
CHAIRMAN_STEPS = frozenset(
    {CaseStatus.IN_PROGRESS, CaseStatus.CLOSED, CaseStatus.SEPARATION}
)


class ConflictError(ValidationError):
    """Someone else changed the case since the page was opened. `changes` lists
    what they changed: (field label, their value), for the page to show."""

    def __init__(self, message, changes=()):
        super().__init__(message)
        self.changes = list(changes)


S = CaseStatus
ANY = "*"
# Moves that only the step's own service makes, because they carry content: the
# plan is submitted (Đ28.1), approved or sent back (Đ28.4), a separation decided
# (Đ32). Keyed by (from, to); ANY matches every origin.
MOVES_BY_STEP: dict[tuple[str, str], frozenset[str]] = {
    (ANY, S.AWAITING_APPROVAL): frozenset({"plan"}),
    (S.AWAITING_APPROVAL, S.IN_PROGRESS): frozenset({"approval", "return"}),
    (S.AWAITING_APPROVAL, S.PLANNING): frozenset({"return"}),
    (ANY, S.SEPARATION): frozenset({"separation"}),
}


def step_owners(old: str, to: str) -> frozenset[str] | None:
    """The services allowed to make this move, or None if the generic form may."""
    return MOVES_BY_STEP.get((old, to)) or MOVES_BY_STEP.get((ANY, to))


def _missing_before(case: Case, to: str) -> str:
    """Why the case cannot leave its step yet: the step's record is missing.
    Only records of the current episode count: a reopened case starts again
    (received_at is reset on reopening)."""
    status = case.status
    episode = case.received_at
    if (
        status == S.INITIAL_ASSESSMENT
        and to != S.CLOSED
        and not case.risk_assessments.filter(
            form="m02", assessed_at__gte=episode
        ).exists()
    ):
        return _("Record the initial risk assessment (Form 02) first.")
    if status == S.DETAILED_ASSESSMENT and to == S.PLANNING:
        detailed = DetailedAssessment.objects.filter(
            case=case, updated_at__gte=episode
        ).first()
        if detailed is None or not detailed.is_complete:
            return _("Write the detailed assessment (Form 03) first.")
    if (
        status == S.REVIEW
        and not case.risk_assessments.filter(
            form="m06", assessed_at__gte=case.status_changed_at
        ).exists()
    ):
        return _("Record the review (Form 06) first.")
    return ""


def can_move_case(user, case: Case, to: str) -> bool:
    """Officers move the case; the chairman takes the decisions that are theirs."""
    scope = user_scope(user)
    if case.status == CaseStatus.AWAITING_APPROVAL and to == CaseStatus.PLANNING:
        # The chairman sends the plan back (Đ28.4).
        return case.commune_id in scope.communes_for(Role.CHAIRMAN)
    if to in CHAIRMAN_STEPS and not (
        to == CaseStatus.CLOSED and case.status == CaseStatus.RECEIVED
    ):
        return case.commune_id in scope.communes_for(Role.CHAIRMAN)
    return case.commune_id in scope.communes_for(Role.OFFICER)


def _deadline(status: str, *, entered_at, received_at):
    days_off, extra = working_calendar()
    return workflow.due_at(
        status,
        entered_at=entered_at,
        received_at=received_at,
        days_off=days_off,
        extra_working_days=extra,
    )


@transaction.atomic
def case_open(
    *, actor: User, report: IncidentReport, level: str, caseworker: User | None = None
) -> Case:
    """Open a case from a report of a registered child; the report is referred.
    One report makes one case: a second click or a second officer is refused."""
    report = IncidentReport.objects.select_for_update().get(pk=report.pk)
    if report.cases.exists():
        raise ValidationError(
            {"report": [_("A case was already opened from this report.")]}
        )
    if report.status in (
        IncidentReport.Status.DUPLICATE,
        IncidentReport.Status.DISMISSED,
    ):
        raise ValidationError(
            {"report": [_("A dismissed or duplicate report cannot open a case.")]}
        )
    if report.child_id is None:
        raise ValidationError(
            {
                "child": [
                    _(
                        "Link the report to the child in the registry before opening a case."
                    )
                ]
            }
        )
    now = timezone.now()
    case = Case(
        commune_id=report.commune_id,
        residential_group_id=report.residential_group_id,
        child_id=report.child_id,
        level=level,
        caseworker=caseworker or actor,
        received_at=report.received_at,
        status_changed_at=now,
    )
    case.due_at = _deadline(
        CaseStatus.RECEIVED, entered_at=now, received_at=report.received_at
    )
    case.full_clean()
    case.save()
    case.reports.add(report)
    if report.status in (IncidentReport.Status.NEW, IncidentReport.Status.IN_REVIEW):
        report_services.incident_triage(actor=actor, report=report, status="referred")
    CaseEvent.objects.create(
        case=case, commune_id=case.commune_id, actor=actor, new_status=case.status
    )
    audit_record(actor=actor, action="case.opened", obj=case)
    return case


@transaction.atomic
def case_transition(
    *,
    actor: User,
    case: Case,
    to: str,
    version: int | None = None,
    note: str = "",
    via: str = "",
) -> Case:
    """Move the case to the next step; refused if illegal, not the actor's to take,
    based on an old version of the page, or before the step's record exists.

    `via` names the step service making a move that carries content (MOVES_BY_STEP).
    """
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if version is not None and version != locked.version:
        raise ConflictError(
            _(
                "Someone else moved this case while you were reading it. Look again first."
            ),
            changes=[(str(_("step")), locked.get_status_display())],
        )
    if not workflow.can_transition(locked.status, to):
        raise ValidationError(
            {"status": [_("This step cannot follow the current one.")]}
        )
    if not can_move_case(actor, locked, to):
        raise PermissionDenied
    owners = step_owners(locked.status, to)
    if owners is not None and via not in owners:
        raise ValidationError({"status": [_("Use the form of this step.")]})
    missing = _missing_before(locked, to)
    if missing:
        raise ValidationError({"status": [missing]})
    if to == CaseStatus.CLOSED and not note.strip():
        raise ValidationError({"note": [_("Give the reason for closing the case.")]})
    now = timezone.now()
    old = locked.status
    if old == CaseStatus.CLOSED:
        # Reopened on new information: its 12-hour clock starts again.
        locked.received_at = now
        locked.closed_reason = ""
    # Mẫu 03 falls inside the plan's 5 working days (DOMAIN.md §5.2 step 2): the
    # planning clock keeps the start of the detailed assessment.
    window_start = (
        locked.status_changed_at
        if (old, to) == (S.DETAILED_ASSESSMENT, S.PLANNING)
        else now
    )
    locked.status = to
    locked.status_changed_at = now
    locked.due_at = _deadline(
        to, entered_at=window_start, received_at=locked.received_at
    )
    if to == CaseStatus.CLOSED:
        locked.closed_reason = note[:250]
    locked.version += 1
    locked.save()
    CaseEvent.objects.create(
        case=locked,
        commune_id=locked.commune_id,
        actor=actor,
        action="moved",
        old_status=old,
        new_status=to,
        note=note[:5000],
    )
    audit_record(actor=actor, action="case.moved", obj=locked, detail={"to": to})
    if to == S.CLOSED:
        _withdraw_open_referrals(actor, locked)
    return locked


def _withdraw_open_referrals(actor, case: Case) -> None:
    """A closed case asks nothing more of partners: its open referrals end."""
    withdrawn = Referral.objects.filter(
        case=case, status__in=[Referral.Status.SENT, Referral.Status.ACKNOWLEDGED]
    ).update(status=Referral.Status.CANCELLED)
    if withdrawn:
        CaseEvent.objects.create(
            case=case,
            commune_id=case.commune_id,
            actor=actor,
            action="referral.withdrawn",
            note=_("Open referrals withdrawn: the case is closed."),
        )
