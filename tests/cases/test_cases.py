"""Opening a case from a report and moving it through NĐ 56's steps."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from cases.casework import moves as case_services
from cases.models import Case, CaseEvent
from tests.cases import steps
from tests.cases.factories import submit
from tests.conftest import CAST
from tests.registry.factories import ChildFactory

MONDAY_9AM = datetime.datetime(2026, 6, 1, 2, tzinfo=datetime.UTC)  # 9:00 in Vietnam


@pytest.fixture
def case(cast, places):
    with time_machine.travel(MONDAY_9AM, tick=False):
        child = ChildFactory(residential_group=places.group_a)
        report = submit(cast.leader_a, places.group_a, child=child, child_name="")
        return case_services.case_open(
            actor=cast.officer, report=report, level="can_thiep"
        )


def test_opening_a_case_refers_the_report_and_starts_the_12_hour_clock(case):
    report = case.reports.get()
    assert report.status == "referred"
    assert case.status == "received"
    assert case.due_at == case.received_at + datetime.timedelta(hours=12)
    assert CaseEvent.objects.filter(case=case).count() == 1


def test_a_report_without_a_registry_child_cannot_become_a_case(cast, places):
    report = submit(cast.leader_a, places.group_a)
    with pytest.raises(ValidationError):
        case_services.case_open(actor=cast.officer, report=report, level="ho_tro")
    assert not Case.objects.exists()


def _move(actor, case, to, **kw):
    return case_services.case_transition(actor=actor, case=case, to=to, **kw)


def test_the_plan_gets_5_working_days_and_approval_2(cast, case):
    with time_machine.travel(MONDAY_9AM, tick=False):
        case = steps.detailed(cast, steps.initial(cast, case))
        assert case.status == "planning"
        assert case.due_at.date() == datetime.date(2026, 6, 8)
    with time_machine.travel(
        datetime.datetime(2026, 6, 5, 2, tzinfo=datetime.UTC), tick=False
    ):
        case = steps.planned(cast, case)  # Friday
        assert case.due_at.date() == datetime.date(2026, 6, 9)  # Tuesday


def test_only_the_chairman_approves_and_closes(cast, places):
    case = steps.approved(cast, places)
    assert case.status == "in_progress"
    case = _move(cast.officer, case, "review")
    steps.final_review(cast, case)
    with pytest.raises(PermissionDenied):
        _move(cast.officer, case, "closed", note="Ổn định")
    with pytest.raises(ValidationError):
        _move(cast.chairman, case, "closed")  # a reason is required
    case = _move(cast.chairman, case, "closed", note="Trẻ đã an toàn, ổn định")
    assert case.status == "closed"
    assert case.due_at is None


def test_illegal_steps_are_refused(cast, case):
    with pytest.raises(ValidationError):
        _move(cast.officer, case, "in_progress")


def test_a_stale_page_cannot_overwrite_a_newer_move(cast, case):
    _move(cast.officer, case, "initial_assessment", version=1)
    with pytest.raises(case_services.ConflictError):
        _move(cast.officer, case, "emergency", version=1)


def test_overdue_is_derived_from_the_deadline(cast, case):
    later = MONDAY_9AM + datetime.timedelta(hours=13)
    assert not case.is_overdue(MONDAY_9AM)
    assert case.is_overdue(later)
    assert list(Case.objects.visible_to(cast.officer).overdue(later)) == [case]


CASE_PAGE = dict.fromkeys(CAST, 404) | {"officer": 200, "chairman": 200}


@pytest.mark.parametrize("member", CAST)
def test_case_pages_by_role(client, cast, case, member):
    client.force_login(getattr(cast, member))
    detail = client.get(reverse("cases:case_detail", args=[case.code]))
    assert detail.status_code == CASE_PAGE[member]
    listing = client.get(reverse("cases:case_list"))
    assert listing.status_code == (
        200 if member in {"officer", "chairman", "other_officer"} else 403
    )
    if listing.status_code == 200:
        assert (case in listing.context["cases"]) is (member != "other_officer")


def test_the_case_list_has_a_constant_number_of_queries(
    client, cast, places, case, django_assert_max_num_queries
):
    client.force_login(cast.officer)
    with django_assert_max_num_queries(10) as few:
        client.get(reverse("cases:case_list"))
    for _ in range(10):
        child = ChildFactory(residential_group=places.group_b)
        report = submit(cast.leader_b, places.group_b, child=child, child_name="")
        case_services.case_open(actor=cast.officer, report=report, level="ho_tro")
    with django_assert_max_num_queries(len(few)):
        client.get(reverse("cases:case_list"))


def test_the_officer_opens_and_moves_a_case_through_the_pages(client, cast, places):
    child = ChildFactory(residential_group=places.group_a)
    report = submit(cast.leader_a, places.group_a, child=child, child_name="")
    client.force_login(cast.officer)
    response = client.post(
        reverse("cases:case_open", args=[report.code]), {"level": "ho_tro"}
    )
    case = Case.objects.get()
    assert response.url == reverse("cases:case_detail", args=[case.code])
    client.post(
        reverse("cases:case_move", args=[case.code]),
        {"to": "initial_assessment", "version": 1, "note": ""},
    )
    case.refresh_from_db()
    assert case.status == "initial_assessment"
