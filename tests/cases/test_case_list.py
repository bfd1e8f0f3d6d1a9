"""The case list: filters scoped to the user's communes, keyset pages that
neither repeat nor skip, and the same number of queries for any number of cases."""

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from cases.models import Case
from cases.templatetags.case_clock import case_clock
from tests.registry.factories import ChildFactory

NOW = timezone.now()
HOUR = datetime.timedelta(hours=1)


def bulk_cases(n, *, group, caseworker, **fields):
    """`n` cases in one INSERT (children in another): cheap enough for 200."""
    children = ChildFactory._meta.model.objects.bulk_create(
        ChildFactory.build_batch(n, residential_group=group)
    )
    defaults = {
        "level": "ho_tro",
        "status": "planning",
        "received_at": NOW - 24 * HOUR,
        "status_changed_at": NOW - 24 * HOUR,
        "due_at": NOW + 48 * HOUR,
    }
    return Case.objects.bulk_create(
        Case(
            commune=group.commune,
            residential_group=group,
            child=child,
            caseworker=caseworker,
            **(defaults | fields),
        )
        for child in children
    )


def listing(client, user, **query):
    client.force_login(user)
    response = client.get(reverse("cases:case_list"), query)
    assert response.status_code == 200
    return response


def pks(response) -> set[int]:
    return {c.pk for c in response.context["cases"]}


@pytest.fixture
def mixed(cast, places):
    """One case per filter value, in commune A, and one in the other commune."""
    return {
        "a_planning": bulk_cases(1, group=places.group_a, caseworker=cast.officer)[0],
        "b_emergency": bulk_cases(
            1,
            group=places.group_b,
            caseworker=cast.officer,
            status="emergency",
            level="can_thiep",
            due_at=NOW + 3 * HOUR,
        )[0],
        "a_overdue": bulk_cases(
            1,
            group=places.group_a,
            caseworker=cast.chairman,  # any user can hold a case in the data
            status="awaiting_approval",
            level="phong_ngua",
            due_at=NOW - HOUR,
        )[0],
        "a_closed": bulk_cases(
            1,
            group=places.group_a,
            caseworker=cast.officer,
            status="closed",
            due_at=None,
        )[0],
        "other": bulk_cases(
            1,
            group=places.other_group,
            caseworker=cast.other_officer,
            due_at=NOW - HOUR,
        )[0],
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"a_planning", "b_emergency", "a_overdue", "a_closed"}),
        ({"status": "emergency"}, {"b_emergency"}),
        ({"status": "closed"}, {"a_closed"}),
        ({"overdue": "on"}, {"a_overdue"}),
        ({"level": "phong_ngua"}, {"a_overdue"}),
        ({"level": "can_thiep", "status": "emergency"}, {"b_emergency"}),
    ],
)
def test_each_filter_narrows_the_list(client, cast, mixed, query, expected):
    response = listing(client, cast.officer, **query)
    assert pks(response) == {mixed[name].pk for name in expected}


def test_group_and_caseworker_filters(client, cast, places, mixed):
    by_group = listing(client, cast.chairman, group=places.group_b.pk)
    assert pks(by_group) == {mixed["b_emergency"].pk}
    by_worker = listing(client, cast.chairman, caseworker=cast.officer.pk)
    assert pks(by_worker) == {
        mixed[n].pk for n in ("a_planning", "b_emergency", "a_closed")
    }


@pytest.mark.parametrize(
    "query",
    [
        lambda cast, places: {"group": places.other_group.pk},
        lambda cast, places: {"caseworker": cast.other_officer.pk},
        lambda cast, places: {"group": places.other_group.pk, "status": "planning"},
    ],
)
def test_another_communes_group_or_caseworker_leaks_nothing(
    client, cast, places, mixed, query
):
    response = listing(client, cast.officer, **query(cast, places))
    assert mixed["other"].pk not in pks(response)
    assert response.context["form"].errors  # refused as a choice, not applied
    assert places.other_group.name not in response.text
    assert cast.other_officer.full_name not in response.text


def test_the_choices_are_the_users_communes_only(client, cast, places, mixed):
    form = listing(client, cast.officer).context["form"]
    assert set(form.fields["group"].queryset) == {places.group_a, places.group_b}
    assert set(form.fields["caseworker"].queryset) == {cast.officer}


def test_the_other_commune_sees_only_its_own(client, cast, mixed):
    assert pks(listing(client, cast.other_officer)) == {mixed["other"].pk}


def test_keyset_pages_neither_repeat_nor_skip(client, cast, places):
    # Ties on the deadline, cases without one, and closed cases mixed together.
    stamps = itertools.cycle(
        [NOW - HOUR, NOW + HOUR, NOW + HOUR, None, NOW + 30 * HOUR]
    )
    for _ in range(122):
        bulk_cases(
            1, group=places.group_a, caseworker=cast.officer, due_at=next(stamps)
        )
    expected = [
        c.pk
        for c in sorted(
            Case.objects.all(),
            key=lambda c: (c.due_at is None, c.due_at or NOW, c.pk),
        )
    ]
    seen, query = [], {}
    for _ in range(10):
        response = listing(client, cast.officer, **query)
        seen += [c.pk for c in response.context["cases"]]
        cursor = response.context["cursor"]
        if cursor is None:
            break
        query = {"after": cursor}
    assert seen == expected


def test_a_damaged_cursor_starts_from_the_top(client, cast, places):
    bulk_cases(3, group=places.group_a, caseworker=cast.officer)
    for after in ("garbage", "2026-06-01T00:00:00|x", "2026-06-01T00:00:00|1"):
        assert len(pks(listing(client, cast.officer, after=after))) == 3


# The same bound for any number of cases: no query per row. (Session, user,
# scope, the two filter choices read and validated, the page, unread count,
# the session saved on every request.)
MAX_QUERIES = 12


@pytest.mark.parametrize("n", [1, 25, 200])
def test_the_query_count_does_not_grow_with_the_cases(
    client, cast, places, n, django_assert_max_num_queries
):
    half = n // 2
    bulk_cases(n - half, group=places.group_a, caseworker=cast.officer)
    bulk_cases(half, group=places.group_b, caseworker=cast.officer, status="received")
    client.force_login(cast.officer)
    url = reverse("cases:case_list")
    query = {"group": places.group_a.pk, "caseworker": cast.officer.pk}
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url)
    assert len(response.context["cases"]) == min(n, 50)
    with django_assert_max_num_queries(MAX_QUERIES):
        client.get(url, query)


def test_the_query_count_is_exactly_the_same_for_1_25_and_200(client, cast, places):
    client.force_login(cast.officer)
    url = reverse("cases:case_list")
    counts = []
    for total in (1, 25, 200):
        bulk_cases(
            total - Case.objects.count(), group=places.group_a, caseworker=cast.officer
        )
        with CaptureQueriesContext(connection) as queries:
            client.get(url, {"status": "planning"})
        counts.append(len(queries))
    assert counts[0] == counts[1] == counts[2] <= MAX_QUERIES


def test_the_12_hour_steps_show_a_countdown(client, cast, places):
    bulk_cases(
        1,
        group=places.group_a,
        caseworker=cast.officer,
        status="initial_assessment",
        due_at=NOW + 5 * HOUR,
    )
    bulk_cases(1, group=places.group_a, caseworker=cast.officer, status="planning")
    response = listing(client, cast.officer)
    assert response.text.count("data-countdown") == 1
    assert "js/countdown.js" in response.text
    assert "<script>" not in response.text  # the CSP allows no inline script


@pytest.mark.parametrize(
    ("due_in", "text", "overdue"),
    [
        (
            5 * HOUR + datetime.timedelta(minutes=12, seconds=30),
            "5 h 12 min left",
            False,
        ),
        (-datetime.timedelta(hours=2, minutes=3), "overdue by 2 h 3 min", True),
    ],
)
def test_the_countdown_text(due_in, text, overdue):
    case = Case(status="emergency", due_at=NOW + due_in)
    with translation.override("en"):
        clock = case_clock(case, NOW)
    assert clock.text == text
    assert clock.overdue is overdue
    assert datetime.datetime.fromisoformat(clock.deadline) == (NOW + due_in).replace(
        microsecond=0
    )


def test_no_countdown_outside_the_12_hour_steps():
    assert case_clock(Case(status="planning", due_at=NOW), NOW) is None
    assert case_clock(Case(status="received", due_at=None), NOW) is None
