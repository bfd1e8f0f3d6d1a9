"""The step pages through the browser's eyes: who may open them, and a case taken
from report to approval by posting the forms as the officer and chairman do."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import Case, DetailedAssessment, RiskCriterion, SupportPlan
from tests.cases import steps
from tests.conftest import CAST

pytestmark = pytest.mark.django_db

CASEWORKER_PAGE = dict.fromkeys(CAST, 404) | {"officer": 200, "chairman": 403}


@pytest.fixture
def emergency_case(cast, places):
    return steps.initial(
        cast, steps.open_case(cast, places), conclusion="emergency", level="cao"
    )


@pytest.mark.parametrize("member", CAST)
@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("risk_assessment", {"form_code": "m02"}),
        ("detailed", {}),
        ("needs_meeting", {}),
        ("followup", {}),
        ("plan_edit", {}),
    ],
)
def test_caseworker_forms_by_role(client, cast, emergency_case, member, name, kwargs):
    client.force_login(getattr(cast, member))
    url = reverse(f"cases:{name}", kwargs={"code": emergency_case.code, **kwargs})
    assert client.get(url).status_code == CASEWORKER_PAGE[member]


@pytest.mark.parametrize("member", CAST)
def test_the_separation_form_is_the_chairmans(client, cast, emergency_case, member):
    client.force_login(getattr(cast, member))
    url = reverse("cases:separation", args=[emergency_case.code])
    expected = dict.fromkeys(CAST, 404) | {"officer": 403, "chairman": 200}
    assert client.get(url).status_code == expected[member]


@pytest.mark.parametrize("member", CAST)
@pytest.mark.parametrize(
    "name", ["plan_submit", "plan_approve", "plan_return", "plan_adjust"]
)
def test_plan_actions_outside_the_commune_are_404(client, cast, places, member, name):
    case = steps.planned(
        cast, steps.detailed(cast, steps.initial(cast, steps.open_case(cast, places)))
    )
    client.force_login(getattr(cast, member))
    response = client.post(
        reverse(f"cases:{name}", args=[case.code]), {"reason": "x", "version": 1}
    )
    if member in {"officer", "chairman"}:
        assert response.status_code in (302, 403)
    else:
        assert response.status_code == 404
    case.refresh_from_db()
    if member != "chairman" or name not in {"plan_approve", "plan_return"}:
        assert case.status == "awaiting_approval"


def _post_assessment(client, case, form_code, conclusion, level="thap"):
    data = {f"q{c.pk}": level for c in RiskCriterion.objects.filter(form=form_code)} | {
        "conclusion": conclusion,
        "notes": "",
    }
    return client.post(
        reverse("cases:risk_assessment", args=[case.code, form_code]), data
    )


def test_from_report_to_approval_through_the_forms(client, cast, places):
    case = steps.open_case(cast, places)
    client.force_login(cast.officer)
    page = client.get(reverse("cases:case_detail", args=[case.code]))
    assert reverse("cases:risk_assessment", args=[case.code, "m02"]) in page.text
    _post_assessment(client, case, "m02", "no_emergency")
    detailed = {**steps.DETAILED, "learning": "", "community": "", "risk_factors": ""}
    client.post(reverse("cases:detailed", args=[case.code]), detailed)
    client.post(
        reverse("cases:needs_meeting", args=[case.code]),
        {
            "held_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "chaired_by": "Chủ tịch",
            "participants": "Các bên",
            "decisions": "Khám sức khỏe",
        },
    )
    client.post(
        reverse("cases:case_move", args=[case.code]),
        {"to": "planning", "version": Case.objects.get().version, "note": ""},
    )
    today = timezone.localdate()
    plan = {
        "goal": "Trẻ an toàn",
        "items-TOTAL_FORMS": "2",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "30",
        "items-0-service": "ct_a",
        "items-0-description": "Khám sức khỏe",
        "items-0-start_on": today.isoformat(),
        "items-0-expected_end_on": (today + datetime.timedelta(days=14)).isoformat(),
        "items-0-organisation": "health_station",
        "items-0-budget_vnd": "500000",
    }
    response = client.post(reverse("cases:plan_edit", args=[case.code]), plan)
    assert response.status_code == 302, response.context["formset"].errors
    client.post(reverse("cases:plan_submit", args=[case.code]))
    case.refresh_from_db()
    assert case.status == "awaiting_approval"
    client.force_login(cast.chairman)
    page = client.get(reverse("cases:case_detail", args=[case.code]))
    assert "✔" in page.text
    assert "✘" not in page.text
    client.post(
        reverse("cases:plan_approve", args=[case.code]), {"version": case.version}
    )
    case.refresh_from_db()
    assert case.status == "in_progress"
    assert SupportPlan.objects.get().items.get().budget_vnd == 500_000


def test_a_bad_plan_row_saves_nothing_and_says_why(client, cast, places):
    case = steps.detailed(cast, steps.initial(cast, steps.open_case(cast, places)))
    client.force_login(cast.officer)
    today = timezone.localdate()
    response = client.post(
        reverse("cases:plan_edit", args=[case.code]),
        {
            "goal": "Trẻ an toàn",
            "items-TOTAL_FORMS": "1",
            "items-INITIAL_FORMS": "0",
            "items-MIN_NUM_FORMS": "0",
            "items-MAX_NUM_FORMS": "30",
            "items-0-service": "ct_a",
            "items-0-description": "Khám",
            "items-0-start_on": today.isoformat(),
            "items-0-expected_end_on": (today - datetime.timedelta(days=1)).isoformat(),
            "items-0-budget_vnd": "0",
        },
    )
    assert response.status_code == 200
    assert "alert-danger" in response.text
    assert not SupportPlan.objects.exists()


def test_approve_stays_disabled_while_a_document_is_missing(client, cast, places):
    case = steps.initial(cast, steps.open_case(cast, places))
    steps.detailed(cast, case)
    case.meetings.all().delete()
    case.refresh_from_db()
    case = steps.planned(cast, case)
    client.force_login(cast.chairman)
    page = client.get(reverse("cases:case_detail", args=[case.code]))
    assert "✘" in page.text
    assert "disabled>" in page.text
    client.post(
        reverse("cases:plan_approve", args=[case.code]), {"version": case.version}
    )
    case.refresh_from_db()
    assert case.status == "awaiting_approval"


def test_the_second_writer_sees_the_conflict_and_the_first_ones_text(
    client, cast, emergency_case
):
    case = emergency_case
    steps_fields = {
        **steps.DETAILED,
        "learning": "",
        "community": "",
        "risk_factors": "",
    }
    client.force_login(cast.officer)
    client.post(reverse("cases:detailed", args=[case.code]), steps_fields)
    version = DetailedAssessment.objects.get().version
    first = {**steps_fields, "family": "Người thứ nhất viết", "version": version}
    second = {**steps_fields, "family": "Người thứ hai viết", "version": version}
    client.post(reverse("cases:detailed", args=[case.code]), first)
    response = client.post(reverse("cases:detailed", args=[case.code]), second)
    assert response.status_code == 200
    assert "Người thứ nhất viết" in response.text  # what the other person saved
    assert "Người thứ hai viết" in response.text  # what this person typed, kept
    assert DetailedAssessment.objects.get().family == "Người thứ nhất viết"


def test_section_h_is_marked_to_hide_and_not_shown_for_a_perpetrator(
    client, cast, emergency_case
):
    client.force_login(cast.officer)
    form = client.get(reverse("cases:detailed", args=[emergency_case.code]))
    assert 'data-hide-when="id_caregiver_is_perpetrator"' in form.text
    fields = {**steps.DETAILED, "caregiver_is_perpetrator": "on"}
    client.post(reverse("cases:detailed", args=[emergency_case.code]), fields)
    page = client.get(reverse("cases:case_detail", args=[emergency_case.code]))
    assert steps.DETAILED["caregiver_views"] not in page.text
