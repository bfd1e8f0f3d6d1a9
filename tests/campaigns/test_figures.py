"""The numbers for reports, on a known dataset with exact expected figures."""

import datetime
from decimal import Decimal

import pytest

from campaigns.figures import figures_for
from campaigns.models import ForumParticipant
from tests.campaigns.factories import (
    ActivityFactory,
    AttendeeFactory,
    CampaignFactory,
    SupportFactory,
    TrainingFactory,
)
from tests.registry.factories import ChildFactory, SpecialCircumstanceFactory

pytestmark = pytest.mark.django_db

D = datetime.date
HALF_YEAR = {"start": D(2025, 1, 1), "end": D(2025, 6, 30)}


@pytest.fixture
def dataset(cast, places, june):
    """Ba Tơ's first half of 2025, plus rows that must not count: outside the
    range, cancelled, or of the other commune."""
    ba_to, officer = places.commune, cast.officer

    def campaign(**fields):
        return CampaignFactory(commune=ba_to, created_by=officer, **fields)

    forum = campaign(
        kind="children_forum",
        starts_on=D(2025, 6, 14),
        ends_on=D(2025, 6, 14),
        budget_state=3_000_000,
    )
    campaign(
        kind="other",
        starts_on=D(2025, 3, 1),
        ends_on=D(2025, 3, 5),
        budget_state=1_000_000,
        status="cancelled",
    )
    autumn = campaign(
        kind="mid_autumn",
        starts_on=D(2025, 9, 20),
        ends_on=D(2025, 10, 6),
        budget_sponsor=4_000_000,
    )
    other = CampaignFactory(commune=places.other_commune, created_by=cast.other_officer)

    ActivityFactory(
        campaign=june,
        sub_kind="radio_broadcast",
        held_on=D(2025, 6, 3),
        sessions=4,
        cost=400_000,
        cost_source="state",
    )
    ActivityFactory(
        campaign=june,
        sub_kind="meeting",
        held_on=D(2025, 6, 10),
        girls_11_15=20,
        boys_11_15=15,
        adults=40,
        cost=600_000,
        cost_source="mobilised",
    )
    ActivityFactory(
        campaign=june,
        category="participation",
        sub_kind="life_skills",
        held_on=D(2025, 6, 20),
        girls_6_10=10,
        boys_6_10=12,
        cost=1_000_000,
        cost_source="sponsor",
    )
    ActivityFactory(
        campaign=None,
        commune=ba_to,
        created_by=officer,
        category="hazard_check",
        sub_kind="inspection",
        held_on=D(2025, 5, 15),
        adults=5,
    )
    ActivityFactory(
        campaign=autumn,
        category="recreation",
        sub_kind="festival",
        held_on=D(2025, 9, 20),
        girls_under_6=30,
    )
    ActivityFactory(campaign=other, held_on=D(2025, 6, 5), sessions=9, cost=9_000_000)

    a = ChildFactory(residential_group=places.group_a, classification="hcdb", sex="nu")
    b = ChildFactory(
        residential_group=places.group_b, classification="nguy_co", sex="nam"
    )
    c = ChildFactory(residential_group=places.group_a, sex="nam")
    SpecialCircumstanceFactory(child=c)
    SupportFactory(
        campaign=june, child=a, value=300_000, source="state", given_on=D(2025, 6, 1)
    )
    SupportFactory(
        campaign=june,
        child=a,
        kind="cash",
        value=500_000,
        source="sponsor",
        given_on=D(2025, 6, 15),
        repeat_confirmed=True,
    )
    SupportFactory(
        campaign=june,
        child=b,
        kind="scholarship",
        value=1_000_000,
        source="mobilised",
        given_on=D(2025, 6, 20),
    )
    SupportFactory(
        campaign=june,
        child=c,
        kind="insurance_card",
        value=700_000,
        source="state",
        given_on=D(2025, 6, 25),
    )
    SupportFactory(campaign=autumn, child=b, value=200_000, given_on=D(2025, 9, 20))
    SupportFactory(
        campaign=other,
        child=ChildFactory(residential_group=places.other_group),
        value=999_000,
    )

    girls = ChildFactory.create_batch(18, residential_group=places.group_a, sex="nu")
    boys = ChildFactory.create_batch(12, residential_group=places.group_b, sex="nam")
    ForumParticipant.objects.bulk_create(
        ForumParticipant(
            campaign=forum,
            commune=ba_to,
            child=child,
            consent_by="Mẹ",
            consent_on=D(2025, 6, 1),
            added_by=officer,
        )
        for child in girls + boys
    )

    first = TrainingFactory(
        commune=ba_to, created_by=officer, held_on=D(2025, 5, 20), hours=Decimal("7.5")
    )
    AttendeeFactory.create_batch(2, training=first, kind="staff", sex="nu")
    AttendeeFactory(training=first, kind="collaborator", sex="nam")
    second = TrainingFactory(
        commune=ba_to, created_by=officer, held_on=D(2025, 6, 12), hours=4
    )
    AttendeeFactory(training=second, kind="collaborator", sex="nu")
    AttendeeFactory(training=second, kind="partner", sex="nam")
    AttendeeFactory(
        training=TrainingFactory(
            commune=ba_to, created_by=officer, held_on=D(2025, 10, 1)
        )
    )


def by_code(rows, *keys):
    return {row["code"]: tuple(row[k] for k in keys) for row in rows}


def test_the_half_year_figures(cast, places, dataset):
    f = figures_for(cast.officer, commune=places.commune, **HALF_YEAR)

    assert [c["kind"] for c in f.campaigns] == ["action_month", "children_forum"]
    assert f.budget == {
        "state": 13_000_000,
        "mobilised": 5_000_000,
        "sponsor": 2_000_000,
    }

    assert f.activities == {
        "count": 4,
        "sessions": 7,
        "children": 57,
        "adults": 45,
        "cost": 2_000_000,
    }
    assert by_code(
        f.activities_by_category, "count", "sessions", "children", "adults", "cost"
    ) == {
        "communication": (2, 5, 35, 40, 1_000_000),
        "resources": (0, 0, 0, 0, 0),
        "participation": (1, 1, 22, 0, 1_000_000),
        "summer": (0, 0, 0, 0, 0),
        "recreation": (0, 0, 0, 0, 0),
        "hazard_check": (1, 1, 0, 5, 0),
        "movement": (0, 0, 0, 0, 0),
    }
    assert f.activities_by_category[0]["code"] == "communication"
    assert by_code(f.activities_by_kind, "count", "sessions") == {
        "radio_broadcast": (1, 4),
        "meeting": (1, 1),
        "life_skills": (1, 1),
        "inspection": (1, 1),
    }
    assert f.participants == {
        "boys_under_6": 0,
        "girls_under_6": 0,
        "boys_6_10": 12,
        "girls_6_10": 10,
        "boys_11_15": 15,
        "girls_11_15": 20,
        "adults": 45,
        "boys": 27,
        "girls": 30,
        "children": 57,
    }

    assert f.support == {
        "count": 4,
        "children": 3,
        "children_special": 2,
        "girls": 1,
        "value": 2_500_000,
    }
    assert by_code(f.support_by_source, "count", "children", "value") == {
        "state": (2, 2, 1_000_000),
        "mobilised": (1, 1, 1_000_000),
        "sponsor": (1, 1, 500_000),
    }
    assert by_code(f.support_by_kind, "count", "value") == {
        "gift": (1, 300_000),
        "cash": (1, 500_000),
        "scholarship": (1, 1_000_000),
        "insurance_card": (1, 700_000),
        "other": (0, 0),
    }
    assert f.spent_by_source == {
        "state": 1_400_000,
        "mobilised": 1_600_000,
        "sponsor": 1_500_000,
    }

    assert f.forums == {"count": 1, "children": 30, "girls": 18}
    assert f.trainings == {
        "count": 2,
        "hours": Decimal("11.5"),
        "attendees": 5,
        "women": 3,
        "person_hours": Decimal("30.5"),
    }
    assert by_code(f.attendees_by_kind, "count") == {
        "staff": (2,),
        "collaborator": (2,),
        "partner": (1,),
        "other": (0,),
    }


def test_the_action_month_figures(cast, places, dataset):
    f = figures_for(
        cast.chairman, commune=places.commune, start=D(2025, 6, 1), end=D(2025, 6, 30)
    )
    assert f.activities["count"] == 3
    assert f.activities["cost"] == 2_000_000
    assert f.support["value"] == 2_500_000
    assert f.trainings["count"] == 1
    assert f.trainings["person_hours"] == Decimal(8)
    assert f.forums["children"] == 30


@pytest.mark.parametrize(
    "member", ["leader_a", "partner", "clerk", "province_viewer", "other_officer"]
)
def test_outside_the_commune_every_figure_is_zero(cast, places, dataset, member):
    f = figures_for(getattr(cast, member), commune=places.commune, **HALF_YEAR)
    assert f.campaigns == []
    assert f.activities["count"] == 0
    assert f.support["value"] == 0
    assert f.forums == {"count": 0, "children": 0, "girls": 0}
    assert f.trainings["attendees"] == 0


def test_figures_take_a_fixed_number_of_queries(
    cast, places, dataset, django_assert_max_num_queries
):
    with django_assert_max_num_queries(25):
        figures_for(cast.officer, commune=places.commune, **HALF_YEAR)


def test_support_to_a_child_removed_from_the_registry_is_not_counted(
    cast, places, dataset
):
    from campaigns.models import Support
    from registry.services import child_delete

    before = figures_for(cast.officer, commune=places.commune, **HALF_YEAR).support
    given = Support.objects.filter(commune=places.commune).order_by("pk").first()
    others = Support.objects.filter(child=given.child).exclude(pk=given.pk).count()
    child_delete(actor=cast.officer, child=given.child, reason="Nhập trùng")
    after = figures_for(cast.officer, commune=places.commune, **HALF_YEAR).support
    assert after["count"] == before["count"] - 1 - others
    assert after["children"] == before["children"] - 1
