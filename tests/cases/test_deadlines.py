"""The deadline page: what is overdue or due within two days, for the officer
and the chairman of the commune only, in a constant number of queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.navigation import items_for
from cases.models import Case, IncidentReport, Referral
from tests.cases.factories import submit
from tests.conftest import CAST
from tests.registry.factories import ChildFactory

HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


def open_case(cast, group, *, status="planning", due_in=None, caseworker=None):
    now = timezone.now()
    return Case.objects.create(
        commune=group.commune,
        residential_group=group,
        child=ChildFactory(residential_group=group),
        level="ho_tro",
        caseworker=caseworker or cast.officer,
        status=status,
        received_at=now - DAY,
        status_changed_at=now - DAY,
        due_at=None if due_in is None else now + due_in,
    )


def refer(case, officer, *, due_in_days, status="sent"):
    return Referral.objects.create(
        case=case,
        commune=case.commune,
        organisation="health_station",
        request="Khám sức khỏe",
        due_on=timezone.localdate() + datetime.timedelta(days=due_in_days),
        status=status,
        sent_by=officer,
        acknowledged_at=None if status == "sent" else timezone.now(),
    )


@pytest.fixture
def board(cast, places):
    """Commune A: late and nearly late items, and some that must not show."""
    in_progress = open_case(cast, places.group_b, status="in_progress")
    late_report = submit(cast.leader_a, places.group_a)
    IncidentReport.objects.filter(pk=late_report.pk).update(
        triage_due_at=timezone.now() - HOUR
    )
    return {
        "overdue_case": open_case(cast, places.group_a, due_in=-2 * HOUR),
        "soon_case": open_case(
            cast, places.group_b, status="emergency", due_in=5 * HOUR
        ),
        "later_case": open_case(cast, places.group_a, due_in=3 * DAY),
        "closed_case": open_case(cast, places.group_a, status="closed"),
        "overdue_referral": refer(in_progress, cast.officer, due_in_days=-1),
        "soon_referral": refer(in_progress, cast.officer, due_in_days=2),
        "done_referral": refer(
            in_progress, cast.officer, due_in_days=-3, status="done"
        ),
        "late_report": late_report,
        "fresh_report": submit(cast.leader_a, places.group_a),
        "other_case": open_case(
            cast, places.other_group, due_in=-HOUR, caseworker=cast.other_officer
        ),
    }


def page(client, user):
    client.force_login(user)
    return client.get(reverse("cases:deadlines"))


def shown(response) -> dict:
    b = response.context["board"]
    return {
        "overdue": {
            *(c.pk for c in b.overdue_cases),
            *(("ref", r.pk) for r in b.overdue_referrals),
            *(("report", r.pk) for r in b.untriaged_reports),
        },
        "soon": {
            *(c.pk for c in b.soon_cases),
            *(("ref", r.pk) for r in b.soon_referrals),
        },
    }


@pytest.mark.parametrize("member", ["officer", "chairman"])
def test_the_officer_and_the_chairman_see_what_is_late_and_nearly_late(
    client, cast, board, member
):
    response = page(client, getattr(cast, member))
    assert response.status_code == 200
    assert shown(response) == {
        "overdue": {
            board["overdue_case"].pk,
            ("ref", board["overdue_referral"].pk),
            ("report", board["late_report"].pk),
        },
        "soon": {board["soon_case"].pk, ("ref", board["soon_referral"].pk)},
    }
    text = response.text
    assert reverse("cases:case_detail", args=[board["overdue_case"].code]) in text
    assert reverse("cases:incident_detail", args=[board["late_report"].code]) in text
    assert board["soon_case"].reference in text
    assert board["later_case"].reference not in text
    # The 12-hour step counts down; the script comes as a file (strict CSP).
    assert text.count("data-countdown") == 1
    assert "js/countdown.js" in text


DEADLINE_PAGE = dict.fromkeys(CAST, 403) | {
    "officer": 200,
    "chairman": 200,
    "other_officer": 200,
}


@pytest.mark.parametrize("member", CAST)
def test_the_deadline_page_by_role(client, cast, board, member):
    user = getattr(cast, member)
    response = page(client, user)
    assert response.status_code == DEADLINE_PAGE[member]
    # The menu offers the page to exactly those who may open it.
    offered = any(item.url_name == "cases:deadlines" for item in items_for(user))
    assert offered is (response.status_code == 200)


def test_another_commune_sees_only_its_own(client, cast, board):
    response = page(client, cast.other_officer)
    assert shown(response) == {"overdue": {board["other_case"].pk}, "soon": set()}
    for name in ("overdue_case", "soon_case"):
        assert board[name].reference not in response.text


def test_an_empty_board_says_so(client, cast, places):
    response = page(client, cast.officer)
    assert response.status_code == 200
    assert not response.context["board"]


def test_the_query_count_does_not_grow(
    client, cast, places, board, django_assert_max_num_queries
):
    client.force_login(cast.officer)
    url = reverse("cases:deadlines")
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    for _ in range(10):
        case = open_case(cast, places.group_a, status="received", due_in=HOUR)
        refer(case, cast.officer, due_in_days=-2)
        refer(case, cast.officer, due_in_days=1)
        report = submit(cast.leader_b, places.group_b)
        IncidentReport.objects.filter(pk=report.pk).update(
            triage_due_at=timezone.now() - HOUR
        )
    with django_assert_max_num_queries(len(few)):
        response = client.get(url)
    assert len(response.context["board"].soon_cases) == 11
