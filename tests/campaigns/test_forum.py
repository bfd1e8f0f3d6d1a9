"""The Children's Forum: participants from the registry with their parents'
written consent, and the rules of Thông tư 29/2019 before it goes ahead."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import AuditEntry
from campaigns import totals
from campaigns.models import ForumParticipant
from campaigns.services.campaigns import campaign_set_status
from campaigns.services.forum import (
    forum_participant_add,
    forum_participant_remove,
    forum_update,
)
from tests.campaigns.factories import CampaignFactory
from tests.registry.factories import ChildFactory

# Service messages are matched in English, the language of the source.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

CONSENT = {"consent_by": "Phạm Thị Lan", "consent_on": datetime.date(2025, 6, 2)}


@pytest.fixture
def forum(cast, places):
    return CampaignFactory(
        commune=places.commune,
        created_by=cast.officer,
        kind="children_forum",
        title="Diễn đàn trẻ em xã Ba Tơ 2025",
        starts_on=datetime.date(2025, 6, 14),
        ends_on=datetime.date(2025, 6, 14),
    )


def enrol(cast, forum, n, group):
    for child in ChildFactory.create_batch(n, residential_group=group):
        forum_participant_add(
            actor=cast.officer, campaign=forum, child=child, **CONSENT
        )


def numbers(cast, forum, **fields):
    return forum_update(actor=cast.officer, campaign=forum, fields=fields)


def failing(forum) -> set[str]:
    forum.refresh_from_db()
    return {check.code for check in totals.forum_problems(forum)}


def test_a_forum_goes_ahead_only_within_the_rules(cast, places, forum):
    enrol(cast, forum, 29, places.group_a)
    numbers(cast, forum, supervisors=5, volunteers=3, guests=10)
    assert failing(forum) == {"min_children", "supervisors", "volunteers", "guests"}
    with pytest.raises(ValidationError) as caught:
        campaign_set_status(actor=cast.officer, campaign=forum, status="running")
    assert len(caught.value.messages) == 4
    assert "TT 29/2019 Đ7.1.d" in caught.value.messages[0]

    enrol(cast, forum, 1, places.group_b)  # 30 children
    numbers(cast, forum, supervisors=6, volunteers=3, guests=10)
    assert failing(forum) == set()
    campaign_set_status(actor=cast.officer, campaign=forum, status="running")
    forum.refresh_from_db()
    assert forum.status == "running"


def test_a_two_day_forum_is_flagged(cast, places, forum):
    forum.ends_on = datetime.date(2025, 6, 15)
    forum.save()
    assert "one_day" in failing(forum)


def test_each_child_comes_with_a_written_consent(cast, places, forum):
    child = ChildFactory(residential_group=places.group_a)
    with pytest.raises(ValidationError) as caught:
        forum_participant_add(
            actor=cast.officer,
            campaign=forum,
            child=child,
            consent_by="",
            consent_on=None,
        )
    assert "consent_by" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        forum_participant_add(
            actor=cast.officer,
            campaign=forum,
            child=child,
            consent_by="Phạm Thị Lan",
            consent_on=datetime.date(2025, 8, 1),
        )
    assert "consent_on" in caught.value.message_dict
    participant = forum_participant_add(
        actor=cast.officer, campaign=forum, child=child, **CONSENT
    )
    assert participant.consent_by == "Phạm Thị Lan"
    with pytest.raises(ValidationError, match="already a participant"):
        forum_participant_add(
            actor=cast.officer, campaign=forum, child=child, **CONSENT
        )


def test_participants_come_from_the_commune_and_only_the_officer_adds_them(
    cast, places, forum, june
):
    with pytest.raises(ValidationError, match="another commune"):
        forum_participant_add(
            actor=cast.officer,
            campaign=forum,
            child=ChildFactory(residential_group=places.other_group),
            **CONSENT,
        )
    child = ChildFactory(residential_group=places.group_a)
    with pytest.raises(PermissionDenied):
        forum_participant_add(
            actor=cast.chairman, campaign=forum, child=child, **CONSENT
        )
    with pytest.raises(ValidationError, match="not a children's forum"):
        forum_participant_add(actor=cast.officer, campaign=june, child=child, **CONSENT)


def test_the_childrens_voice_is_recorded(cast, forum):
    numbers(
        cast,
        forum,
        opinions="Các em muốn có sân chơi an toàn.",
        recommendations="Rào chắn ao hồ gần trường.",
        answers="UBND xã cam kết rào ao trước tháng 8.",
    )
    forum.refresh_from_db()
    assert forum.forum.recommendations == "Rào chắn ao hồ gần trường."
    assert AuditEntry.objects.filter(action="forum.updated").count() == 1


def test_a_participant_is_removed_and_audited(cast, places, forum):
    enrol(cast, forum, 1, places.group_a)
    participant = ForumParticipant.objects.get()
    with pytest.raises(PermissionDenied):
        forum_participant_remove(actor=cast.chairman, participant=participant)
    forum_participant_remove(actor=cast.officer, participant=participant)
    assert not ForumParticipant.objects.exists()
    assert AuditEntry.objects.filter(action="forum.participant_removed").count() == 1


def test_a_forum_with_participants_keeps_its_kind(cast, places, forum):
    from campaigns.services.campaigns import campaign_update

    enrol(cast, forum, 1, places.group_a)
    with pytest.raises(ValidationError) as caught:
        campaign_update(actor=cast.officer, campaign=forum, fields={"kind": "other"})
    assert "kind" in caught.value.message_dict


def test_a_held_forums_participants_are_its_record(cast, places, forum):
    from campaigns.models import Campaign

    child = ChildFactory(residential_group=places.group_a)
    participant = forum_participant_add(
        actor=cast.officer, campaign=forum, child=child, **CONSENT
    )
    Campaign.objects.filter(pk=forum.pk).update(status="finished")
    forum.refresh_from_db()
    with pytest.raises(ValidationError, match="finished or cancelled"):
        forum_participant_add(
            actor=cast.officer,
            campaign=forum,
            child=ChildFactory(residential_group=places.group_a),
            **CONSENT,
        )
    with pytest.raises(ValidationError, match="finished or cancelled"):
        forum_participant_remove(actor=cast.officer, participant=participant)
    assert ForumParticipant.objects.count() == 1
