"""The demo campaigns: last year's, valid, within the rules, and seeded once."""

from collections import Counter

import pytest
from django.core.management import call_command

from accounts.models import AuditEntry
from campaigns import totals
from campaigns.demo import demo_seed_campaigns
from campaigns.models import (
    Activity,
    Campaign,
    ForumParticipant,
    Support,
    Training,
)
from campaigns.priority import priority_children
from registry.demo import demo_seed_children, demo_seed_places_and_people
from registry.places import places_load_quang_ngai

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(db):
    places_load_quang_ngai()
    demo_seed_places_and_people()
    demo_seed_children()
    return demo_seed_campaigns()


def test_last_years_campaigns_are_there(seeded):
    assert seeded == 3
    kinds = dict(Campaign.objects.values_list("kind", "year"))
    assert kinds == {"action_month": 2024, "children_forum": 2024, "mid_autumn": 2024}
    june = Campaign.objects.get(kind="action_month")
    assert june.theme == "Hành động thiết thực, ưu tiên nguồn lực cho trẻ em"
    assert june.commune.admin_code == "21484"
    assert Activity.objects.filter(campaign=june, sub_kind="radio_broadcast").exists()
    assert Activity.objects.filter(campaign__isnull=True).exists()
    training = Training.objects.get()
    assert training.attendees.count() == 5


def test_every_demo_row_is_valid(seeded):
    for model in (Campaign, Activity, Support, ForumParticipant):
        for row in model.objects.all():
            row.full_clean()


def test_the_demo_forum_meets_the_rules(seeded):
    forum = Campaign.objects.select_related("forum").get(kind="children_forum")
    assert totals.forum_problems(forum) == []
    ages = {p.child.age_on(forum.starts_on) for p in forum.forum_participants.all()}
    assert min(ages) >= 10
    assert max(ages) <= 15


def test_demo_support_follows_the_priority_list_once_per_child(seeded):
    june = Campaign.objects.get(kind="action_month")
    officer = june.created_by
    counts = Counter(
        Support.objects.filter(campaign=june).values_list("child", flat=True)
    )
    assert set(counts.values()) == {1}
    tiers = dict(priority_children(officer, june).values_list("pk", "tier"))
    assert {tiers[child] for child in counts} == {0}  # special circumstances first
    assert Support.objects.filter(campaign__kind="mid_autumn").count() == 30


def test_a_second_run_adds_nothing(seeded):
    before = (
        Campaign.objects.count(),
        Support.objects.count(),
        Activity.objects.count(),
    )
    assert demo_seed_campaigns() == 0
    after = (
        Campaign.objects.count(),
        Support.objects.count(),
        Activity.objects.count(),
    )
    assert after == before
    assert AuditEntry.objects.filter(action="campaigns.demo_seeded").count() == 1


def test_seed_demo_loads_the_campaigns_once(db):
    call_command("seed_demo", "--force", verbosity=0)
    count = Campaign.objects.count()
    assert count == 3
    call_command("seed_demo", "--force", verbosity=0)
    assert Campaign.objects.count() == count
