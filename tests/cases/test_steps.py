"""The content of each step: Mẫu 02/03/06, the meeting, the plan and its approval
under Đ28.2, adjustments, separation, visits, closing and reopening."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.models import AuditEntry
from cases.casework import assessments, plans
from cases.casework.moves import ConflictError, case_transition
from cases.models import (
    CaseEvent,
    DetailedAssessment,
    RiskAssessment,
    RiskCriterion,
    SupportPlan,
)
from reports.models import GeneratedDocument
from tests.cases import steps

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(cast, places):
    return steps.open_case(cast, places)


def test_the_initial_assessment_counts_levels_and_only_suggests_an_emergency(
    cast, case
):
    answers = steps.rate_all("m02")
    flagged = RiskCriterion.objects.get(form="m02", section="harm", order=1)
    answers[flagged.pk] = "cao"
    assessments.risk_assessment_record(
        actor=cast.officer,
        case=case,
        form="m02",
        answers=answers,
        conclusion="no_emergency",  # the caseworker decides, not the app
    )
    assessment = RiskAssessment.objects.get(case=case)
    assert (assessment.high_count, assessment.medium_count, assessment.low_count) == (
        1,
        0,
        len(answers) - 1,
    )
    assert assessment.emergency_suggested
    case.refresh_from_db()
    assert case.status == "detailed_assessment"


def test_a_high_rating_on_an_unflagged_question_suggests_nothing(cast, case):
    answers = steps.rate_all("m02")
    unflagged = RiskCriterion.objects.filter(form="m02", suggests_emergency=False)[0]
    answers[unflagged.pk] = "cao"
    assessments.risk_assessment_record(
        actor=cast.officer,
        case=case,
        form="m02",
        answers=answers,
        conclusion="emergency",
    )
    assert not RiskAssessment.objects.get(case=case).emergency_suggested


def test_an_emergency_keeps_the_12_hour_clock_from_receipt(cast, case):
    case = steps.initial(cast, case, conclusion="emergency", level="cao")
    assert case.status == "emergency"
    assert case.due_at == case.received_at + datetime.timedelta(hours=12)


def test_an_unrated_question_saves_nothing(cast, case):
    answers = steps.rate_all("m02")
    answers.popitem()
    with pytest.raises(ValidationError):
        assessments.risk_assessment_record(
            actor=cast.officer,
            case=case,
            form="m02",
            answers=answers,
            conclusion="no_emergency",
        )
    assert not RiskAssessment.objects.exists()
    case.refresh_from_db()
    assert case.status == "received"


def test_criteria_are_data_the_administrator_edits(cast, case):
    RiskCriterion.objects.create(form="m02", section="harm", order=9, question="Mới")
    answers = steps.rate_all("m02")
    assessments.risk_assessment_record(
        actor=cast.officer,
        case=case,
        form="m02",
        answers=answers,
        conclusion="no_emergency",
    )
    assert RiskAssessment.objects.get().answers.count() == len(answers) == 6


def test_the_chairman_does_not_fill_in_the_caseworkers_forms(cast, case):
    with pytest.raises(PermissionDenied):
        assessments.risk_assessment_record(
            actor=cast.chairman,
            case=case,
            form="m02",
            answers=steps.rate_all("m02"),
            conclusion="no_emergency",
        )


def test_a_step_cannot_be_left_before_its_record_exists(cast, case):
    case = case_transition(actor=cast.officer, case=case, to="initial_assessment")
    with pytest.raises(ValidationError, match="02"):
        case_transition(actor=cast.officer, case=case, to="detailed_assessment")
    case = steps.initial(cast, steps.open_case(cast, steps_places(case)))
    with pytest.raises(ValidationError, match="03"):
        case_transition(actor=cast.officer, case=case, to="planning")


def steps_places(case):
    """The places fixture's group, reached from a case (keeps helpers short)."""

    class P:
        group_a = case.residential_group

    return P


def test_section_h_is_not_kept_when_the_caregiver_is_the_perpetrator(cast, case):
    case = steps.initial(cast, case)
    assessments.detailed_assessment_save(
        actor=cast.officer,
        case=case,
        fields={**steps.DETAILED, "caregiver_is_perpetrator": True},
        version=None,
    )
    detailed = DetailedAssessment.objects.get(case=case)
    assert detailed.caregiver_views == ""
    assert detailed.child_views == steps.DETAILED["child_views"]


def test_two_people_editing_the_detailed_assessment_do_not_overwrite(cast, case):
    case = steps.initial(cast, case)
    first = assessments.detailed_assessment_save(
        actor=cast.officer, case=case, fields=steps.DETAILED, version=None
    )
    read_version = first.version
    assessments.detailed_assessment_save(
        actor=cast.officer,
        case=case,
        fields={**steps.DETAILED, "family": "Bố dượng đã rời khỏi nhà"},
        version=read_version,
    )
    with pytest.raises(ConflictError) as caught:
        assessments.detailed_assessment_save(
            actor=cast.officer,
            case=case,
            fields={**steps.DETAILED, "family": "Bản của người thứ hai"},
            version=read_version,
        )
    # The second person is told what the first one saved.
    assert "Bố dượng đã rời khỏi nhà" in [v for _label, v in caught.value.changes]
    assert (
        DetailedAssessment.objects.get(case=case).family == "Bố dượng đã rời khỏi nhà"
    )


def test_a_submitted_plan_asks_for_the_draft_decision(cast, case):
    case = steps.planned(cast, steps.detailed(cast, steps.initial(cast, case)), count=2)
    plan = SupportPlan.objects.get(case=case)
    assert case.status == "awaiting_approval"
    assert plan.status == "submitted"
    assert plan.items.count() == 2
    assert GeneratedDocument.objects.filter(
        kind="case_approval", subject_id=plan.pk
    ).exists()
    assert plan.total_budget == 3_000_000


def test_approval_is_refused_without_the_meeting_minutes(cast, case):
    case = steps.initial(cast, case)
    assessments.detailed_assessment_save(
        actor=cast.officer, case=case, fields=steps.DETAILED, version=None
    )
    case = case_transition(actor=cast.officer, case=case, to="planning")
    case = steps.planned(cast, case)
    requirements = plans.approval_requirements(case, plans.open_plan(case))
    assert [r.met for r in requirements] == [True, False, True]
    with pytest.raises(ValidationError, match="biên bản"):
        plans.plan_approve(actor=cast.chairman, case=case)
    case.refresh_from_db()
    assert case.status == "awaiting_approval"


def test_approval_is_refused_without_the_draft_decision(cast, case):
    case = steps.planned(cast, steps.detailed(cast, steps.initial(cast, case)))
    GeneratedDocument.objects.filter(kind="case_approval").update(status="failed")
    with pytest.raises(ValidationError, match="05"):
        plans.plan_approve(actor=cast.chairman, case=case)


def test_only_the_chairman_approves_and_the_plan_sets_the_next_deadline(cast, places):
    case = steps.open_case(cast, places)
    case = steps.planned(cast, steps.detailed(cast, steps.initial(cast, case)))
    with pytest.raises(PermissionDenied):
        plans.plan_approve(actor=cast.officer, case=case)
    plan = plans.plan_approve(actor=cast.chairman, case=case)
    case.refresh_from_db()
    assert case.status == "in_progress"
    assert plan.status == "approved"
    assert plan.approved_by == cast.chairman
    end = timezone.localdate() + datetime.timedelta(days=30)
    assert timezone.localtime(case.due_at).date() == end


def test_the_approval_cannot_be_taken_through_the_generic_move(cast, case):
    case = steps.planned(cast, steps.detailed(cast, steps.initial(cast, case)))
    with pytest.raises(ValidationError, match="biểu mẫu"):
        case_transition(actor=cast.chairman, case=case, to="in_progress")


def test_the_chairman_sends_the_plan_back_with_a_reason(cast, case):
    case = steps.planned(cast, steps.detailed(cast, steps.initial(cast, case)))
    with pytest.raises(ValidationError):
        plans.plan_return(actor=cast.chairman, case=case, note=" ")
    plans.plan_return(actor=cast.chairman, case=case, note="Thiếu dự toán")
    case.refresh_from_db()
    assert case.status == "planning"
    assert SupportPlan.objects.get(case=case).status == "draft"
    assert CaseEvent.objects.filter(case=case, note="Thiếu dự toán").exists()


def test_an_adjustment_is_a_new_revision_approved_again(cast, places):
    case = steps.approved(cast, places)
    plans.plan_adjust(actor=cast.officer, case=case, reason="Trẻ chuyển trường")
    draft = plans.open_plan(case)
    assert draft.revision == 2
    assert draft.items.count() == 1
    case = steps.planned_again(cast, case)
    assert case.status == "awaiting_approval"
    plans.plan_approve(actor=cast.chairman, case=case)
    statuses = dict(
        SupportPlan.objects.filter(case=case).values_list("revision", "status")
    )
    assert statuses == {1: "superseded", 2: "approved"}


def test_the_review_loops_back_or_proposes_closing(cast, places):
    case = steps.approved(cast, places)
    case = case_transition(actor=cast.officer, case=case, to="review")
    with pytest.raises(ValidationError, match="06"):
        case_transition(actor=cast.chairman, case=case, to="closed", note="Ổn định")
    assessments.risk_assessment_record(
        actor=cast.officer,
        case=case,
        form="m06",
        answers=steps.rate_all("m06"),
        conclusion="close",
    )
    case.refresh_from_db()
    assert case.status == "review"  # closing is the chairman's decision
    with pytest.raises(ValidationError):
        case_transition(actor=cast.chairman, case=case, to="closed")  # no reason
    case = case_transition(
        actor=cast.chairman, case=case, to="closed", note="Trẻ an toàn, ổn định"
    )
    assert case.closed_reason == "Trẻ an toàn, ổn định"
    later = timezone.now() + datetime.timedelta(days=40)
    with time_machine.travel(later, tick=False):
        case = case_transition(
            actor=cast.officer, case=case, to="received", note="Tái diễn"
        )
        assert case.received_at == later
        assert case.due_at == later + datetime.timedelta(hours=12)
        assert case.closed_reason == ""


def test_a_review_still_at_risk_goes_back_to_planning(cast, places):
    case = steps.approved(cast, places)
    case = case_transition(actor=cast.officer, case=case, to="review")
    assessments.risk_assessment_record(
        actor=cast.officer,
        case=case,
        form="m06",
        answers=steps.rate_all("m06", "cao"),
        conclusion="continue",
    )
    case.refresh_from_db()
    assert case.status == "planning"


def test_separation_is_the_chairmans_and_at_most_15_days(cast, case):
    case = steps.initial(cast, case, conclusion="emergency", level="cao")
    start = timezone.now()
    fields = {
        "reason": "Bố dượng đánh trẻ",
        "separated_from": "Bố dượng",
        "shelter": "Nhà bà ngoại",
        "carer": "Bà ngoại",
        "starts_at": start,
        "ends_at": start + datetime.timedelta(days=16),
    }
    with pytest.raises(ValidationError, match="15"):
        assessments.separation_decide(actor=cast.chairman, case=case, fields=fields)
    fields["ends_at"] = start + datetime.timedelta(days=15)
    with pytest.raises(PermissionDenied):
        assessments.separation_decide(actor=cast.officer, case=case, fields=fields)
    assessments.separation_decide(actor=cast.chairman, case=case, fields=fields)
    case.refresh_from_db()
    assert case.status == "separation"


def test_a_visit_cannot_be_in_the_future(cast, places):
    case = steps.approved(cast, places)
    with pytest.raises(ValidationError):
        assessments.followup_record(
            actor=cast.officer,
            case=case,
            fields={
                "visited_on": timezone.localdate() + datetime.timedelta(days=1),
                "child_state": "Ổn",
            },
        )
    assessments.followup_record(
        actor=cast.officer,
        case=case,
        fields={"visited_on": timezone.localdate(), "child_state": "Ổn"},
    )
    assert case.followups.count() == 1


def test_every_step_is_on_the_timeline_and_in_the_audit_log(cast, places):
    case = steps.approved(cast, places)
    actions = list(CaseEvent.objects.filter(case=case).values_list("action", flat=True))
    for expected in (
        "assessment.m02",
        "assessment.m03",
        "meeting.recorded",
        "plan.saved",
        "plan.submitted",
        "document.case_approval",
        "plan.approved",
    ):
        assert expected in actions
    assert AuditEntry.objects.filter(
        action="case.plan.approved", user=cast.chairman
    ).exists()
