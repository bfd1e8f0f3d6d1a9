"""What the case page shows: each step's records and the next action(s) for the
person looking, so that the page always says what to do now."""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cases import workflow
from cases.casework import plans
from cases.casework.assessments import is_caseworker
from cases.casework.moves import can_move_case, step_owners
from cases.models import Case, CaseStatus, DetailedAssessment, RiskForm

S = CaseStatus


@dataclass(frozen=True)
class Action:
    label: str
    url: str
    post: bool = False  # a button that posts, else a link to the step's form
    reason: bool = False  # the post needs a reason typed in
    disabled: bool = False


@dataclass
class CasePage:
    case: Case
    detailed: DetailedAssessment | None
    plan: object | None
    approved: object | None
    requirements: list = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    moves: list[tuple[str, str]] = field(default_factory=list)


def _url(name: str, case: Case, **kwargs) -> str:
    return reverse(f"cases:{name}", kwargs={"code": case.code, **kwargs})


def _caseworker_actions(case, detailed, plan) -> list[Action]:
    status = case.status
    if status in (S.RECEIVED, S.INITIAL_ASSESSMENT):
        return [
            Action(
                _("Record the initial risk assessment (Form 02)"),
                _url("risk_assessment", case, form_code=RiskForm.INITIAL),
            )
        ]
    if status in (S.EMERGENCY, S.SEPARATION, S.DETAILED_ASSESSMENT) and not (
        detailed and detailed.is_complete
    ):
        return [
            Action(_("Write the detailed assessment (Form 03)"), _url("detailed", case))
        ]
    if status == S.DETAILED_ASSESSMENT and not case.meetings.exists():
        return [Action(_("Record the needs meeting"), _url("needs_meeting", case))]
    if status == S.PLANNING or (status == S.IN_PROGRESS and plan is not None):
        actions = [Action(_("Draft the plan (Form 04)"), _url("plan_edit", case))]
        if plan is not None and plan.status == plan.Status.DRAFT:
            actions.append(
                Action(
                    _("Submit the plan to the chairman"),
                    _url("plan_submit", case),
                    post=True,
                )
            )
        return actions
    if status == S.IN_PROGRESS:
        return [
            Action(_("Record a follow-up visit"), _url("followup", case)),
            Action(
                _("Adjust the plan"), _url("plan_adjust", case), post=True, reason=True
            ),
        ]
    if status == S.REVIEW:
        return [
            Action(
                _("Record the review (Form 06)"),
                _url("risk_assessment", case, form_code=RiskForm.FINAL),
            ),
            Action(_("Record a follow-up visit"), _url("followup", case)),
        ]
    return []


def _chairman_actions(case, requirements) -> list[Action]:
    if case.status == S.AWAITING_APPROVAL:
        return [
            Action(
                _("Approve the plan (Form 05)"),
                _url("plan_approve", case),
                post=True,
                disabled=not all(r.met for r in requirements),
            ),
            Action(
                _("Send the plan back"),
                _url("plan_return", case),
                post=True,
                reason=True,
            ),
        ]
    if case.status == S.EMERGENCY:
        return [
            Action(
                _("Decide a temporary separation (Form 07)"), _url("separation", case)
            )
        ]
    return []


def case_page(user, case: Case) -> CasePage:
    detailed = DetailedAssessment.objects.filter(case=case).first()
    plan = plans.open_plan(case)
    page = CasePage(
        case=case, detailed=detailed, plan=plan, approved=plans.approved_plan(case)
    )
    if case.status == S.AWAITING_APPROVAL:
        page.requirements = plans.approval_requirements(case, plan)
    if is_caseworker(user, case):
        page.actions += _caseworker_actions(case, detailed, plan)
    if can_move_case(user, case, S.IN_PROGRESS):  # the chairman of the commune
        page.actions += _chairman_actions(case, page.requirements)
    page.moves = sorted(
        (status, CaseStatus(status).label)
        for status in workflow.CASE_MOVES[case.status]
        if step_owners(case.status, status) is None
        and can_move_case(user, case, status)
    )
    return page
