"""The holes a review found, each closed: the generic move cannot take a step's
own move, adjustments return to the plan in force, first saves and stale pages
conflict, deadlines follow the law, a reopened case starts its records again, one
report opens one case, closing withdraws referrals, reminders skip moved cases."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases.casework import assessments, plans, referrals
from cases.casework.moves import ConflictError, case_open, case_transition
from cases.casework.reminders import send_case_reminders
from cases.models import Case, Referral, SupportPlan
from tests.cases import steps
from tests.cases.factories import submit
from tests.registry.factories import ChildFactory

pytestmark = pytest.mark.django_db


def _submitted(cast, places):
    case = steps.open_case(cast, places)
    return steps.planned(cast, steps.detailed(cast, steps.initial(cast, case)))


def test_the_chairman_cannot_send_a_plan_back_through_the_generic_move(cast, places):
    case = _submitted(cast, places)
    with pytest.raises(ValidationError, match="biểu mẫu"):
        case_transition(actor=cast.chairman, case=case, to="planning", note="x")
    plans.plan_return(actor=cast.chairman, case=case, note="Thiếu kinh phí")
    case.refresh_from_db()
    assert case.status == "planning"
    assert plans.open_plan(case).status == "draft"  # the caseworker can rework it


def test_a_returned_adjustment_leaves_the_plan_in_force_running(cast, places):
    case = steps.approved(cast, places)
    running_due = case.due_at
    plans.plan_adjust(actor=cast.officer, case=case, reason="Trẻ chuyển trường")
    case = steps.planned_again(cast, case)
    plans.plan_return(actor=cast.chairman, case=case, note="Chưa cần điều chỉnh")
    case.refresh_from_db()
    assert case.status == "in_progress"
    assert case.due_at == running_due
    statuses = set(SupportPlan.objects.values_list("revision", "status"))
    assert statuses == {(1, "approved"), (2, "draft")}


def test_two_first_drafts_of_a_plan_conflict(cast, places):
    case = steps.detailed(cast, steps.initial(cast, steps.open_case(cast, places)))
    plans.plan_save(
        actor=cast.officer,
        case=case,
        goal="Bản thứ nhất",
        items=steps.rows(),
        version=0,
    )
    with pytest.raises(ConflictError) as caught:
        plans.plan_save(
            actor=cast.officer,
            case=case,
            goal="Bản thứ hai",
            items=steps.rows(2),
            version=0,
        )
    assert "Bản thứ nhất" in [value for _label, value in caught.value.changes]
    assert SupportPlan.objects.get().items.count() == 1


def test_approving_from_a_stale_page_is_refused(cast, places):
    case = _submitted(cast, places)
    read_version = case.version
    plans.plan_return(actor=cast.chairman, case=case, note="Sửa lại")
    case.refresh_from_db()
    steps.planned_again(cast, case)
    with pytest.raises(ConflictError):
        plans.plan_approve(actor=cast.chairman, case=case, version=read_version)


def test_a_separation_is_due_when_its_decision_ends(cast, places):
    case = steps.initial(
        cast, steps.open_case(cast, places), conclusion="emergency", level="cao"
    )
    start = timezone.now()
    assessments.separation_decide(
        actor=cast.chairman,
        case=case,
        fields={
            "reason": "Nguy hiểm",
            "separated_from": "Bố",
            "shelter": "Nhà bà",
            "carer": "Bà nội",
            "starts_at": start,
            "ends_at": start + datetime.timedelta(days=3),
        },
    )
    case.refresh_from_db()
    assert case.due_at == start + datetime.timedelta(days=3)


def test_planning_shares_the_detailed_assessments_5_working_days(cast, places):
    monday = datetime.datetime(2026, 6, 1, 2, tzinfo=datetime.UTC)
    with time_machine.travel(monday, tick=False):
        case = steps.initial(cast, steps.open_case(cast, places))
    with time_machine.travel(monday + datetime.timedelta(days=3), tick=False):
        case = steps.detailed(cast, case)  # Thursday
    assert timezone.localtime(case.due_at).date() == datetime.date(2026, 6, 8)


def test_a_reopened_case_needs_a_new_initial_assessment(cast, places):
    case = steps.initial(cast, steps.open_case(cast, places))
    case = case_transition(actor=cast.chairman, case=case, to="closed", note="Ổn")
    case = case_transition(
        actor=cast.officer, case=case, to="received", note="Tái diễn"
    )
    case = case_transition(actor=cast.officer, case=case, to="initial_assessment")
    with pytest.raises(ValidationError, match="02"):
        case_transition(actor=cast.officer, case=case, to="detailed_assessment")


def test_one_report_opens_one_case(cast, places):
    child = ChildFactory(residential_group=places.group_a)
    report = submit(cast.leader_a, places.group_a, child=child, child_name="")
    case_open(actor=cast.officer, report=report, level="ho_tro")
    with pytest.raises(ValidationError):
        case_open(actor=cast.officer, report=report, level="ho_tro")
    assert Case.objects.count() == 1


def test_closing_a_case_withdraws_its_open_referrals(cast, places):
    case = steps.approved(cast, places)
    referral = referrals.referral_send(
        actor=cast.officer,
        case=case,
        organisation="health_station",
        request="Khám sức khỏe",
        due_on=timezone.localdate() + datetime.timedelta(days=3),
    )
    case = case_transition(actor=cast.officer, case=case, to="review")
    case = steps.final_review(cast, case)
    case_transition(actor=cast.chairman, case=case, to="closed", note="An toàn")
    referral.refresh_from_db()
    assert referral.status == Referral.Status.CANCELLED
    with pytest.raises(ValidationError):
        referrals.referral_acknowledge(actor=cast.partner, referral=referral)


def test_a_reminder_is_not_sent_for_a_step_the_case_has_left(cast, places, monkeypatch):
    from cases.casework import reminders

    case = steps.open_case(cast, places)
    late = case.due_at + datetime.timedelta(minutes=1)
    scan = reminders._due_cases

    def scan_then_move(now, people):
        due = list(scan(now, people))
        # The case moves on between the scan and the claim.
        Case.objects.filter(pk=case.pk).update(status="initial_assessment")
        return due

    monkeypatch.setattr(reminders, "_due_cases", scan_then_move)
    assert send_case_reminders(late) == 0
    monkeypatch.undo()
    case.refresh_from_db()
    assert send_case_reminders(late) == 1  # the step it is in now is still due
