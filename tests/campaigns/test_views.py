"""Campaign screens over the whole cast: 200 / 302 / 403 / 404, never another
commune's campaign, and the same number of queries for one row or many."""

import datetime

import pytest
from django.urls import get_resolver, reverse

from accounts.models import AuditEntry
from campaigns.models import Activity, ActivityPhoto, Support, TrainingAttendee
from campaigns.services.activities import consent_record, photo_add
from campaigns.services.forum import forum_participant_add
from tests.campaigns.conftest import photo_file
from tests.campaigns.factories import (
    ActivityFactory,
    AttendeeFactory,
    CampaignFactory,
    SupportFactory,
    TrainingFactory,
)
from tests.conftest import CAST
from tests.registry.factories import ChildFactory

pytestmark = pytest.mark.django_db

READERS = {"officer", "chairman"}
LIST_OK = {"officer", "chairman", "other_officer"}
FORUM_QUERIES = 11
ACTIVITY_QUERIES = 13


@pytest.fixture
def world(cast, places, june):
    """One of everything in Ba Tơ."""
    child = ChildFactory(
        residential_group=places.group_a,
        full_name="Đinh Thị Nhiên",
        classification="hcdb",
        birth_date=datetime.date(2019, 3, 1),
    )
    forum = CampaignFactory(
        commune=places.commune,
        created_by=cast.officer,
        kind="children_forum",
        starts_on=datetime.date(2025, 6, 14),
        ends_on=datetime.date(2025, 6, 14),
    )
    activity = ActivityFactory(campaign=june)
    consent_record(
        actor=cast.officer,
        activity=activity,
        child=child,
        parent_name="Đinh Văn Cha",
        parent_consent_on=datetime.date(2025, 6, 1),
    )
    photo = photo_add(
        actor=cast.officer, activity=activity, file=photo_file(), children=[child]
    )
    participant = forum_participant_add(
        actor=cast.officer,
        campaign=forum,
        child=child,
        consent_by="Đinh Văn Cha",
        consent_on=datetime.date(2025, 6, 1),
    )
    training = TrainingFactory(commune=places.commune, created_by=cast.officer)
    return {
        "campaign": june,
        "forum": forum,
        "child": child,
        "activity": activity,
        "photo": photo,
        "participant": participant,
        "support": SupportFactory(campaign=june, child=child),
        "training": training,
        "attendee": AttendeeFactory(training=training),
    }


LISTS = ["campaign_list", "activity_list", "training_list", "figures"]
CREATE = ["campaign_create", "activity_create", "training_create"]
# (url name, object of the world, query string)
READS = [
    ("campaign_detail", "campaign", ""),
    ("campaign_summary", "campaign", ""),
    ("priority_list", "campaign", ""),
    ("support_list", "campaign", ""),
    ("forum_detail", "forum", ""),
    ("activity_detail", "activity", ""),
    ("photo_file", "photo", ""),
    ("training_detail", "training", ""),
]
WRITES = [
    ("campaign_edit", "campaign", ""),
    ("campaign_activity_create", "campaign", ""),
    ("support_create", "campaign", "child"),
    ("forum_edit", "forum", ""),
    ("participant_add", "forum", "child"),
    ("participant_remove", "participant", ""),
    ("activity_edit", "activity", ""),
    ("activity_delete", "activity", ""),
    ("consent_add", "activity", "child"),
    ("photo_add", "activity", ""),
    ("photo_delete", "photo", ""),
    ("support_delete", "support", ""),
    ("training_edit", "training", ""),
    ("attendee_remove", "attendee", ""),
]


def test_every_url_with_a_code_is_in_the_tables_above():
    """Found from the URL table, so a new page cannot skip the scope tests."""
    (top,) = [
        p
        for p in get_resolver().url_patterns
        if getattr(p, "namespace", "") == "campaigns"
    ]
    with_code = {p.name for p in top.url_patterns if "<uuid:code>" in str(p.pattern)}
    covered = {name for name, _, _ in READS + WRITES} | {"campaign_status"}
    assert with_code == covered


def url(world, name, key, query=""):
    path = reverse(f"campaigns:{name}", args=[world[key].code])
    return path + (f"?child={world['child'].code}" if query else "")


@pytest.mark.parametrize("member", CAST)
@pytest.mark.parametrize("name", LISTS)
def test_list_pages_by_role(client, cast, world, member, name):
    client.force_login(getattr(cast, member))
    response = client.get(reverse(f"campaigns:{name}"))
    assert response.status_code == (200 if member in LIST_OK else 403)


@pytest.mark.parametrize("member", CAST)
@pytest.mark.parametrize("name", CREATE)
def test_create_pages_are_for_officers(client, cast, world, member, name):
    client.force_login(getattr(cast, member))
    response = client.get(reverse(f"campaigns:{name}"))
    expected = 200 if member in {"officer", "other_officer"} else 403
    assert response.status_code == expected


@pytest.mark.parametrize("member", CAST)
@pytest.mark.parametrize(("name", "key", "query"), READS)
def test_read_pages_by_role(client, cast, world, member, name, key, query):
    client.force_login(getattr(cast, member))
    response = client.get(url(world, name, key, query))
    response.close()  # the photo is streamed from an open file
    assert response.status_code == (200 if member in READERS else 404)


@pytest.mark.parametrize("member", CAST)
@pytest.mark.parametrize(("name", "key", "query"), WRITES)
def test_write_pages_by_role(client, cast, world, member, name, key, query):
    """The chairman reads but may not write (403); outside the commune: 404."""
    client.force_login(getattr(cast, member))
    response = client.get(url(world, name, key, query))
    expected = {"officer": 200, "chairman": 403}.get(member, 404)
    assert response.status_code == expected


@pytest.mark.parametrize("member", CAST)
@pytest.mark.parametrize(("name", "key", "query"), WRITES)
def test_nobody_but_the_officer_writes_by_post(
    client, cast, world, member, name, key, query
):
    if member == "officer":
        return
    client.force_login(getattr(cast, member))
    before = AuditEntry.objects.exclude(action__endswith="viewed").count()
    response = client.post(url(world, name, key, query))
    assert response.status_code == (403 if member == "chairman" else 404)
    assert AuditEntry.objects.exclude(action__endswith="viewed").count() == before


@pytest.mark.parametrize("member", CAST)
def test_status_changes_by_role(client, cast, world, member):
    client.force_login(getattr(cast, member))
    response = client.post(
        url(world, "campaign_status", "campaign"), {"status": "finished"}
    )
    expected = {"officer": 302, "chairman": 403}.get(member, 404)
    assert response.status_code == expected
    world["campaign"].refresh_from_db()
    assert (world["campaign"].status == "finished") is (member == "officer")


def test_a_damaged_child_code_is_404(client, cast, world):
    client.force_login(cast.officer)
    base = reverse("campaigns:support_create", args=[world["campaign"].code])
    assert client.get(base).status_code == 404
    assert client.get(base + "?child=not-a-uuid").status_code == 404
    other = ChildFactory(residential_group=world["campaign"].commune.groups.first())
    assert client.get(base + f"?child={other.code}").status_code == 200


def test_a_child_of_another_commune_is_404(client, cast, world, places):
    client.force_login(cast.officer)
    other = ChildFactory(residential_group=places.other_group)
    base = reverse("campaigns:support_create", args=[world["campaign"].code])
    assert client.get(base + f"?child={other.code}").status_code == 404


def test_the_menu_shows_campaigns_to_officers_and_chairmen(client, cast):
    for member in CAST:
        client.force_login(getattr(cast, member))
        names = [i.url_name for i in client.get(reverse("home")).context["nav_items"]]
        assert ("campaigns:campaign_list" in names) is (member in LIST_OK)


# Working the screens ------------------------------------------------------


def test_the_officer_plans_a_campaign_from_the_form(client, cast, places):
    client.force_login(cast.officer)
    page = client.get(reverse("campaigns:campaign_create"))
    assert page.context["form"].initial["starts_on"] == datetime.date(2025, 6, 1)
    response = client.post(
        reverse("campaigns:campaign_create"),
        {
            "kind": "action_month",
            "year": 2025,
            "theme": "Hành động thiết thực, ưu tiên nguồn lực cho trẻ em",
            "starts_on": "2025-06-01",
            "ends_on": "2025-06-30",
            "budget_state": "12000000",
            "budget_mobilised": "0",
            "budget_sponsor": "0",
        },
    )
    assert response.status_code == 302
    detail = client.get(response.url)
    assert "12.000.000" in detail.text  # Vietnamese thousands separator
    assert "Hành động thiết thực" in detail.text


def test_form_errors_come_back_on_the_form(client, cast, places):
    client.force_login(cast.officer)
    response = client.post(
        reverse("campaigns:campaign_create"),
        {
            "kind": "action_month",
            "year": 2025,
            "starts_on": "2025-06-01",
            "ends_on": "2025-07-31",
            "budget_state": "0",
            "budget_mobilised": "0",
            "budget_sponsor": "0",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["ends_on"]


def test_the_officer_records_an_activity_in_the_campaign(client, cast, june):
    client.force_login(cast.officer)
    response = client.post(
        reverse("campaigns:campaign_activity_create", args=[june.code]),
        {
            "category": "communication",
            "sub_kind": "radio_broadcast",
            "title": "Phát thanh về phòng, chống đuối nước",
            "held_on": "2025-06-02",
            "organiser": "radio",
            "sessions": "3",
            "cost": "300000",
            "cost_source": "state",
            **dict.fromkeys(
                [
                    "boys_under_6",
                    "girls_under_6",
                    "boys_6_10",
                    "girls_6_10",
                    "boys_11_15",
                    "girls_11_15",
                    "adults",
                ],
                "0",
            ),
        },
    )
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert activity.campaign == june
    assert activity.sessions == 3


def support_post(client, campaign, child, **extra):
    data = {
        "kind": "gift",
        "value": "300000",
        "source": "state",
        "given_on": "2025-06-01",
    } | extra
    return client.post(
        reverse("campaigns:support_create", args=[campaign.code])
        + f"?child={child.code}",
        data,
    )


def test_giving_twice_asks_for_the_confirmation_on_the_form(client, cast, june, places):
    child = ChildFactory(residential_group=places.group_a, classification="hcdb")
    client.force_login(cast.officer)
    assert support_post(client, june, child).status_code == 302
    again = support_post(client, june, child)
    assert again.status_code == 200
    assert again.context["form"].errors["confirm_repeat"]
    assert 'type="checkbox" name="confirm_repeat"' in again.text
    assert Support.objects.count() == 1
    confirmed = support_post(client, june, child, confirm_repeat="on")
    assert confirmed.status_code == 302
    assert Support.objects.filter(repeat_confirmed=True).count() == 1


def test_the_priority_list_page(client, cast, june, places):
    ChildFactory(
        residential_group=places.group_b, full_name="Bé Hai", classification="nguy_co"
    )
    ChildFactory(
        residential_group=places.group_b, full_name="Bé Một", classification="hcdb"
    )
    client.force_login(cast.officer)
    page = client.get(reverse("campaigns:priority_list", args=[june.code]))
    names = [c.full_name for c in page.context["page"].rows]
    assert names == ["Bé Một", "Bé Hai"]
    assert "support/new/?child=" in page.text
    client.force_login(cast.chairman)
    assert (
        "support/new/?child="
        not in client.get(reverse("campaigns:priority_list", args=[june.code])).text
    )


def test_the_summary_names_no_child(client, cast, world):
    client.force_login(cast.chairman)
    response = client.get(url(world, "campaign_summary", "campaign"))
    assert response.status_code == 200
    assert "Đinh Thị Nhiên" not in response.text
    assert AuditEntry.objects.filter(action="campaign.summary_viewed").count() == 1


def test_a_photo_is_served_only_through_the_view_and_audited(client, cast, world):
    client.force_login(cast.chairman)
    response = client.get(url(world, "photo_file", "photo"))
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert AuditEntry.objects.filter(action="photo.viewed").count() == 1
    response.close()


def test_a_photo_of_a_child_without_consent_is_refused_on_the_form(
    client, cast, world, places
):
    client.force_login(cast.officer)
    response = client.post(
        url(world, "photo_add", "activity"),
        {"file": photo_file(), "shows_children": "on"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["children"]
    assert ActivityPhoto.objects.count() == 1


def test_the_photo_form_offers_only_children_with_consent(client, cast, world, places):
    ChildFactory(residential_group=places.group_a, full_name="Không Đồng Ý")
    client.force_login(cast.officer)
    form = client.get(url(world, "photo_add", "activity")).context["form"]
    assert list(form.fields["children"].queryset) == [world["child"]]


def test_deleting_asks_first(client, cast, world):
    client.force_login(cast.officer)
    confirm = client.get(url(world, "support_delete", "support"))
    assert confirm.status_code == 200
    assert "confirm-delete" in confirm.text
    assert Support.objects.exists()
    assert client.post(url(world, "support_delete", "support")).status_code == 302
    assert not Support.objects.exists()


def test_the_officer_adds_and_removes_attendees(client, cast, world):
    client.force_login(cast.officer)
    page = url(world, "training_detail", "training")
    response = client.post(
        page, {"full_name": "Lê Thị Thu", "kind": "staff", "sex": "nu"}
    )
    assert response.status_code == 302
    assert TrainingAttendee.objects.filter(full_name="Lê Thị Thu").exists()
    client.force_login(cast.chairman)
    assert (
        client.post(page, {"full_name": "X", "kind": "staff", "sex": "nu"}).status_code
        == 403
    )


def test_the_forum_page_shows_the_checks_and_the_search(client, cast, world, places):
    ChildFactory(residential_group=places.group_b, full_name="Hồ Văn Rết")
    client.force_login(cast.officer)
    response = client.get(url(world, "forum_detail", "forum"), {"q": "ho van ret"})
    assert [c.full_name for c in response.context["matches"]] == ["Hồ Văn Rết"]
    checks = {c.code: c.ok for c in response.context["checks"]}
    assert checks["min_children"] is False
    assert checks["one_day"] is True


def test_figures_page_defaults_to_the_half_year(client, cast, world):
    client.force_login(cast.officer)
    response = client.get(reverse("campaigns:figures"))
    figures = response.context["figures"]
    assert (figures.start, figures.end) == (
        datetime.date(2025, 7, 1),
        datetime.date(2025, 7, 15),
    )
    june = client.get(
        reverse("campaigns:figures"), {"start": "2025-06-01", "end": "2025-06-30"}
    )
    assert june.context["figures"].support["count"] == 1


# Query counts ---------------------------------------------------------------


def _many(cast, places, june, n):
    children = ChildFactory.create_batch(
        n, residential_group=places.group_a, classification="hcdb"
    )
    for child in children:
        SupportFactory(campaign=june, child=child)
    for _ in range(n):
        ActivityFactory(campaign=june)
        TrainingFactory(commune=places.commune, created_by=cast.officer)
    CampaignFactory.create_batch(
        n, commune=places.commune, created_by=cast.officer, kind="other"
    )


@pytest.mark.parametrize("n", [1, 12])
@pytest.mark.parametrize(
    ("name", "with_code", "bound"),
    [
        ("campaign_list", False, 9),
        ("activity_list", False, 9),
        ("training_list", False, 9),
        ("campaign_detail", True, 16),
        ("priority_list", True, 12),
        ("support_list", True, 15),
    ],
)
def test_list_pages_take_the_same_queries_for_one_row_or_many(
    client, cast, places, june, django_assert_max_num_queries, n, name, with_code, bound
):
    _many(cast, places, june, n)
    client.force_login(cast.officer)
    address = reverse(f"campaigns:{name}", args=[june.code] if with_code else [])
    with django_assert_max_num_queries(bound):
        response = client.get(address)
    assert response.status_code == 200


@pytest.mark.parametrize("n", [1, 12])
def test_the_forum_page_takes_the_same_queries_for_any_number_of_children(
    client, cast, places, django_assert_max_num_queries, n
):
    forum = CampaignFactory(
        commune=places.commune,
        created_by=cast.officer,
        kind="children_forum",
        starts_on=datetime.date(2025, 6, 14),
        ends_on=datetime.date(2025, 6, 14),
    )
    for child in ChildFactory.create_batch(n, residential_group=places.group_a):
        forum_participant_add(
            actor=cast.officer,
            campaign=forum,
            child=child,
            consent_by="Mẹ",
            consent_on=datetime.date(2025, 6, 1),
        )
    client.force_login(cast.officer)
    with django_assert_max_num_queries(FORUM_QUERIES):
        response = client.get(reverse("campaigns:forum_detail", args=[forum.code]))
    assert len(response.context["participants"]) == n


@pytest.mark.parametrize("n", [1, 8])
def test_the_activity_page_takes_the_same_queries_for_any_number_of_photos(
    client, cast, places, june, django_assert_max_num_queries, n
):
    activity = ActivityFactory(campaign=june)
    for child in ChildFactory.create_batch(n, residential_group=places.group_a):
        consent_record(
            actor=cast.officer,
            activity=activity,
            child=child,
            parent_name="Mẹ",
            parent_consent_on=datetime.date(2025, 6, 1),
            child_consent_on=datetime.date(2025, 6, 1),
        )
        photo_add(
            actor=cast.officer, activity=activity, file=photo_file(), children=[child]
        )
    client.force_login(cast.officer)
    with django_assert_max_num_queries(ACTIVITY_QUERIES):
        response = client.get(
            reverse("campaigns:activity_detail", args=[activity.code])
        )
    assert len(response.context["photos"]) == n
