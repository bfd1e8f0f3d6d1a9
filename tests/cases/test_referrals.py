"""Referrals to partner organisations: the officer sends, only the partner it
was sent to acknowledges and records the outcome, and partners see only their
referrals, never the case's narrative."""

import datetime
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEntry, Notification, Role
from cases import referral_selectors
from cases.casework import moves as case_services
from cases.casework import referrals as services
from cases.models import (
    Case,
    CaseEvent,
    DetailedAssessment,
    PlanItem,
    Referral,
    SupportPlan,
)
from tests.cases.factories import submit
from tests.conftest import CAST
from tests.factories import user_with_role
from tests.registry.factories import ChildFactory

NARRATIVE = "Vết bầm tím do cha đánh bằng roi mây"
ASSESSMENT = "Gia đình nợ nần, mẹ bỏ đi từ năm ngoái"
CHILD = "Đinh Thị Hoa"


def _in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def _open_case(cast, places, *, status="in_progress", group=None, **child) -> Case:
    """A case of group A put straight into `status` (the steps have their tests)."""
    group = group or places.group_a
    child = ChildFactory(residential_group=group, **child)
    report = submit(
        cast.leader_a if group == places.group_a else cast.leader_b,
        group,
        child=child,
        child_name="",
        child_state=NARRATIVE,
    )
    case = case_services.case_open(actor=cast.officer, report=report, level="can_thiep")
    Case.objects.filter(pk=case.pk).update(status=status)
    case.refresh_from_db()
    return case


@pytest.fixture
def police(places):
    return user_with_role(
        Role.PARTNER, commune=places.commune, username="police", organisation="police"
    )


@pytest.fixture
def case(cast, places):
    case = _open_case(cast, places, full_name=CHILD)
    DetailedAssessment.objects.create(
        case=case, commune=places.commune, family=ASSESSMENT, updated_by=cast.officer
    )
    return case


def _send(actor, case, organisation="health_station", **fields) -> Referral:
    data = {"request": "Khám sức khỏe cho trẻ", "due_on": _in_days(3)} | fields
    return services.referral_send(
        actor=actor, case=case, organisation=organisation, **data
    )


@pytest.fixture
def health(cast, case):
    return _send(cast.officer, case)


@pytest.fixture
def police_referral(cast, case):
    return _send(cast.officer, case, "police", request="Xác minh nơi ở của trẻ")


# --- Services ---


def test_sending_tells_only_the_partners_of_that_organisation_without_the_name(
    cast, case, police
):
    referral = _send(cast.officer, case)
    assert referral.status == "sent"
    notified = Notification.objects.filter(kind="referral.sent")
    assert [n.user for n in notified] == [cast.partner]
    assert case.reference in notified[0].title
    assert CHILD not in notified[0].title
    assert notified[0].url == reverse("cases:referral_detail", args=[referral.code])
    event = CaseEvent.objects.get(case=case, action="referral.sent")
    assert event.actor == cast.officer
    assert event.note
    assert AuditEntry.objects.filter(
        action="referral.sent", object_id=str(referral.code)
    ).exists()


@pytest.mark.parametrize("member", ["chairman", "partner", "leader_a", "other_officer"])
def test_only_the_communes_officer_sends(cast, case, member):
    with pytest.raises(PermissionDenied):
        _send(getattr(cast, member), case)
    assert not Referral.objects.exists()


@pytest.mark.parametrize(
    ("status", "allowed"),
    [
        ("received", False),
        ("initial_assessment", False),
        ("emergency", True),
        ("separation", True),
        ("detailed_assessment", False),
        ("planning", False),
        ("awaiting_approval", False),
        ("in_progress", True),
        ("review", True),
        ("closed", False),
    ],
)
def test_services_are_referred_only_in_the_steps_where_they_run(
    cast, places, status, allowed
):
    case = _open_case(cast, places, status=status)
    if allowed:
        assert _send(cast.officer, case).status == "sent"
    else:
        with pytest.raises(ValidationError):
            _send(cast.officer, case)
        assert not Referral.objects.exists()


def test_a_due_date_in_the_past_is_refused(cast, case):
    with pytest.raises(ValidationError) as error:
        _send(cast.officer, case, due_on=_in_days(-1))
    assert "due_on" in error.value.message_dict
    assert not Referral.objects.exists()
    assert _send(cast.officer, case, due_on=_in_days(0)).due_on == _in_days(0)


def _plan_item(case, officer, status="approved") -> PlanItem:
    plan = SupportPlan.objects.create(
        case=case,
        commune_id=case.commune_id,
        revision=case.plans.count() + 1,
        status=status,
        goal="Trẻ an toàn",
        drafted_by=officer,
    )
    return PlanItem.objects.create(
        plan=plan,
        commune_id=case.commune_id,
        service="ct_a",
        description="Khám và điều trị vết thương",
        start_on=_in_days(0),
        expected_end_on=_in_days(10),
        organisation="health_station",
    )


def test_the_plan_row_must_be_one_of_the_cases_current_plan(cast, places, case):
    row = _plan_item(case, cast.officer)
    assert _send(cast.officer, case, plan_item=row).plan_item == row
    other_case = _open_case(cast, places, group=places.group_b)
    with pytest.raises(ValidationError):
        _send(cast.officer, case, plan_item=_plan_item(other_case, cast.officer))
    with pytest.raises(ValidationError):
        _send(
            cast.officer, case, plan_item=_plan_item(case, cast.officer, "superseded")
        )
    assert Referral.objects.count() == 1


def test_only_the_partner_it_was_sent_to_acknowledges(cast, case, health, police):
    for someone in (cast.officer, cast.chairman, police):
        with pytest.raises(PermissionDenied):
            services.referral_acknowledge(actor=someone, referral=health)
    referral = services.referral_acknowledge(actor=cast.partner, referral=health)
    assert referral.status == "acknowledged"
    assert referral.acknowledged_by == cast.partner
    told = Notification.objects.get(kind="referral.acknowledged")
    assert told.user == case.caseworker
    assert CHILD not in told.title
    with pytest.raises(ValidationError):
        services.referral_acknowledge(actor=cast.partner, referral=health)


def test_a_referral_is_not_done_until_acknowledged(cast, case, health):
    with pytest.raises(ValidationError):
        services.referral_complete(
            actor=cast.partner, referral=health, outcome="Đã khám"
        )
    health.refresh_from_db()
    assert health.status == "sent"
    services.referral_acknowledge(actor=cast.partner, referral=health)
    with pytest.raises(ValidationError):
        services.referral_complete(actor=cast.partner, referral=health, outcome="  ")
    with pytest.raises(PermissionDenied):
        services.referral_complete(actor=cast.officer, referral=health, outcome="Xong")
    referral = services.referral_complete(
        actor=cast.partner, referral=health, outcome="Đã khám, sức khỏe ổn định"
    )
    assert referral.status == "done"
    assert referral.completed_at is not None
    assert Notification.objects.get(kind="referral.done").user == case.caseworker
    assert list(
        CaseEvent.objects.filter(case=case, action__startswith="referral.")
        .order_by("pk")
        .values_list("action", flat=True)
    ) == ["referral.sent", "referral.acknowledged", "referral.done"]


def test_the_officer_withdraws_an_open_referral_with_a_reason(cast, case, health):
    with pytest.raises(PermissionDenied):
        services.referral_cancel(actor=cast.partner, referral=health, reason="x")
    with pytest.raises(ValidationError):
        services.referral_cancel(actor=cast.officer, referral=health, reason=" ")
    referral = services.referral_cancel(
        actor=cast.officer, referral=health, reason="Gia đình đã chuyển đi"
    )
    assert referral.status == "cancelled"
    assert Notification.objects.filter(
        kind="referral.cancelled", user=cast.partner
    ).exists()
    with pytest.raises(ValidationError):
        services.referral_acknowledge(actor=cast.partner, referral=health)
    with pytest.raises(ValidationError):
        services.referral_cancel(actor=cast.officer, referral=health, reason="again")


# --- Scope over the cast ---

# A referral to the health station and one to the police, in commune A.
SEES_HEALTH = {"officer", "chairman", "partner"}
SEES_POLICE = {"officer", "chairman", "police"}
# other_officer's own commune has no referral: an empty list.
LIST = {"officer", "chairman", "partner", "police", "other_officer"}


@pytest.mark.parametrize("member", [*CAST, "police"])
def test_partners_see_only_their_referrals(
    client, cast, health, police_referral, police, member
):
    user = police if member == "police" else getattr(cast, member)
    client.force_login(user)
    for referral, seers in ((health, SEES_HEALTH), (police_referral, SEES_POLICE)):
        url = reverse("cases:referral_detail", args=[referral.code])
        assert client.get(url).status_code == (200 if member in seers else 404)
    guessed = reverse("cases:referral_detail", args=[uuid.uuid4()])
    assert client.get(guessed).status_code == 404
    listing = client.get(reverse("cases:referral_list"))
    assert listing.status_code == (200 if member in LIST else 403)
    if listing.status_code == 200:
        shown = set(listing.context["rows"])
        assert (health in shown) is (member in SEES_HEALTH)
        assert (police_referral in shown) is (member in SEES_POLICE)


ACKNOWLEDGE = dict.fromkeys(CAST, 404) | {
    "officer": 403,
    "chairman": 403,
    "partner": 302,
}


@pytest.mark.parametrize("member", CAST)
def test_acknowledging_by_role(client, cast, health, member):
    client.force_login(getattr(cast, member))
    url = reverse("cases:referral_acknowledge", args=[health.code])
    assert client.post(url).status_code == ACKNOWLEDGE[member]
    health.refresh_from_db()
    assert (health.status == "acknowledged") is (member == "partner")


COMPLETE_OR_CANCEL = dict.fromkeys(CAST, 404) | {"officer": 403, "chairman": 403}


@pytest.mark.parametrize("member", CAST)
def test_recording_the_outcome_and_withdrawing_by_role(client, cast, health, member):
    services.referral_acknowledge(actor=cast.partner, referral=health)
    client.force_login(getattr(cast, member))
    complete = reverse("cases:referral_complete", args=[health.code])
    cancel = reverse("cases:referral_cancel", args=[health.code])
    expected = COMPLETE_OR_CANCEL | {"partner": 302}
    assert client.post(complete, {"outcome": "Đã khám"}).status_code == expected[member]
    expected = COMPLETE_OR_CANCEL | {"officer": 302, "partner": 403}
    assert client.post(cancel, {"reason": "Thôi"}).status_code == expected[member]
    health.refresh_from_db()
    final = {"partner": "done", "officer": "cancelled"}
    assert health.status == final.get(member, "acknowledged")


SEND = dict.fromkeys(CAST, 404) | {"officer": 302, "chairman": 403}


@pytest.mark.parametrize("member", CAST)
def test_sending_from_the_case_page_by_role(client, cast, case, member):
    client.force_login(getattr(cast, member))
    response = client.post(
        reverse("cases:referral_send", args=[case.code]),
        {
            "organisation": "health_station",
            "request": "Khám sức khỏe",
            "due_on": _in_days(2).isoformat(),
        },
    )
    assert response.status_code == SEND[member]
    assert Referral.objects.exists() is (member == "officer")
    if response.status_code == 302:
        assert response.url == reverse("cases:case_detail", args=[case.code])


def test_a_refused_send_says_why_and_saves_nothing(client, cast, places):
    case = _open_case(cast, places, status="planning")
    client.force_login(cast.officer)
    url = reverse("cases:referral_send", args=[case.code])
    data = {"organisation": "police", "request": "Xác minh", "due_on": _in_days(1)}
    response = client.post(url, data, follow=True)
    assert not Referral.objects.exists()
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    response = client.post(url, data | {"due_on": ""}, follow=True)
    assert not Referral.objects.exists()
    assert len(list(response.context["messages"])) == 1


def test_a_health_station_user_acknowledges_and_reports_through_the_pages(
    client, cast, health
):
    client.force_login(cast.partner)
    detail = reverse("cases:referral_detail", args=[health.code])
    page = client.get(detail)
    assert page.context["can_acknowledge"]
    assert not page.context["can_cancel"]
    client.post(reverse("cases:referral_acknowledge", args=[health.code]))
    page = client.get(detail)
    assert page.context["can_complete"]
    response = client.post(
        reverse("cases:referral_complete", args=[health.code]), {"outcome": ""}
    )
    assert response.url == detail
    health.refresh_from_db()
    assert health.status == "acknowledged"
    client.post(
        reverse("cases:referral_complete", args=[health.code]),
        {"outcome": "Đã khám, cấp thuốc"},
    )
    health.refresh_from_db()
    assert health.status == "done"
    assert "Đã khám, cấp thuốc" in client.get(detail).text


# --- What the pages show ---


def test_partner_pages_show_the_child_and_the_request_but_no_narrative(
    client, cast, case, health
):
    client.force_login(cast.partner)
    pages = [
        client.get(reverse("cases:referral_list")).text,
        client.get(reverse("cases:referral_detail", args=[health.code])).text,
    ]
    for text in pages:
        assert CHILD in text
        assert "Khám sức khỏe cho trẻ" in text
        assert NARRATIVE not in text
        assert ASSESSMENT not in text
        assert "Người báo tin" not in text  # the informant
    assert reverse("cases:case_detail", args=[case.code]) not in pages[1]


def test_the_list_puts_open_referrals_first_by_due_date(cast, case, monkeypatch):
    late = _send(cast.officer, case, due_on=_in_days(9))
    soon = _send(cast.officer, case, due_on=_in_days(1))
    done = _send(cast.officer, case, due_on=_in_days(0))
    services.referral_acknowledge(actor=cast.partner, referral=done)
    services.referral_complete(actor=cast.partner, referral=done, outcome="Xong")
    monkeypatch.setattr(referral_selectors, "PAGE_SIZE", 2)
    first, cursor = referral_selectors.referrals_for_partner(cast.partner)
    assert first == [soon, late]
    rest, end = referral_selectors.referrals_for_partner(cast.partner, after=cursor)
    assert (rest, end) == ([done], None)


def test_an_overdue_referral_is_marked(client, cast, health):
    Referral.objects.filter(pk=health.pk).update(due_on=_in_days(-2))
    client.force_login(cast.partner)
    rows = client.get(reverse("cases:referral_list")).context["rows"]
    assert rows[0].overdue


def test_the_partner_list_has_a_constant_number_of_queries(
    client, cast, places, case, health, django_assert_max_num_queries
):
    client.force_login(cast.partner)
    url = reverse("cases:referral_list")
    client.get(url)  # warm the session
    with django_assert_max_num_queries(10) as few:
        client.get(url)
    for n in range(19):
        other = _open_case(cast, places, group=places.group_b)
        _send(cast.officer, other, due_on=_in_days(n))
    with django_assert_max_num_queries(len(few)):
        response = client.get(url)
    assert len(response.context["rows"]) == 20


def _case_partial(user, case) -> str:
    request = RequestFactory().get("/")
    request.user = user
    context = referral_selectors.referrals_context(user, case) | {"case": case}
    return render_to_string("cases/_referrals.html", context, request=request)


def test_the_case_partial_lists_referrals_and_offers_the_form_to_the_officer(
    cast, case, health
):
    row = _plan_item(case, cast.officer)
    officer = _case_partial(cast.officer, case)
    assert reverse("cases:referral_detail", args=[health.code]) in officer
    assert reverse("cases:referral_send", args=[case.code]) in officer
    assert row.description in officer
    chairman = _case_partial(cast.chairman, case)
    assert reverse("cases:referral_detail", args=[health.code]) in chairman
    assert reverse("cases:referral_send", args=[case.code]) not in chairman
