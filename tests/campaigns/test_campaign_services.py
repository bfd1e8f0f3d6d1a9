"""Planning a campaign: who may, what is checked, what is audited."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import AuditEntry
from campaigns import totals
from campaigns.models import Campaign
from campaigns.services.campaigns import (
    campaign_create,
    campaign_set_status,
    campaign_update,
)
from tests.campaigns.factories import CampaignFactory

pytestmark = pytest.mark.django_db

JUNE = {
    "kind": "action_month",
    "year": 2025,
    "title": "",
    "theme": "Hành động thiết thực, ưu tiên nguồn lực cho trẻ em",
    "starts_on": datetime.date(2025, 6, 1),
    "ends_on": datetime.date(2025, 6, 30),
    "launch_on": datetime.date(2025, 5, 30),
    "budget_state": 10_000_000,
}


def test_the_officer_plans_the_june_campaign_and_it_is_audited(cast, places):
    campaign = campaign_create(actor=cast.officer, commune=places.commune, fields=JUNE)
    assert campaign.commune == places.commune
    assert campaign.status == Campaign.Status.PLANNED
    assert campaign.title  # "<kind> <year>" when left empty
    assert "2025" in campaign.title
    entry = AuditEntry.objects.get(action="campaign.created")
    assert entry.object_id == str(campaign.code)
    assert entry.commune_id == places.commune.pk
    assert entry.detail == {"kind": "action_month", "year": 2025}


@pytest.mark.parametrize("member", ["chairman", "leader_a", "clerk", "other_officer"])
def test_only_the_commune_officer_plans(cast, places, member):
    with pytest.raises(PermissionDenied):
        campaign_create(
            actor=getattr(cast, member), commune=places.commune, fields=JUNE
        )
    assert not Campaign.objects.exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"ends_on": datetime.date(2025, 7, 5)}, "ends_on"),  # the month is June
        (
            {
                "starts_on": datetime.date(2025, 6, 20),
                "ends_on": datetime.date(2025, 6, 2),
            },
            "__all__",
        ),
        ({"year": 2024}, "year"),
        ({"report_sent_on": datetime.date(2025, 8, 1)}, "report_sent_on"),  # future
    ],
)
def test_campaign_dates_are_checked(cast, places, change, field):
    with pytest.raises(ValidationError) as caught:
        campaign_create(
            actor=cast.officer, commune=places.commune, fields=JUNE | change
        )
    assert field in caught.value.message_dict


def test_one_action_month_a_year(cast, places, june):
    with pytest.raises(ValidationError) as caught:
        campaign_create(actor=cast.officer, commune=places.commune, fields=JUNE)
    assert "__all__" in caught.value.message_dict
    # Another commune, or another kind, is fine.
    other = campaign_create(
        actor=cast.other_officer, commune=places.other_commune, fields=JUNE
    )
    assert other.pk


def test_a_cancelled_action_month_frees_the_year(cast, places, june):
    campaign_set_status(actor=cast.officer, campaign=june, status="cancelled")
    assert campaign_create(actor=cast.officer, commune=places.commune, fields=JUNE)


def test_other_kinds_may_run_at_any_time(cast, places):
    campaign = campaign_create(
        actor=cast.officer,
        commune=places.commune,
        fields={
            "kind": "mid_autumn",
            "year": 2025,
            "title": "Vui Tết Trung thu 2025",
            "starts_on": datetime.date(2025, 9, 28),
            "ends_on": datetime.date(2025, 10, 6),
        },
    )
    assert campaign.title == "Vui Tết Trung thu 2025"


def test_editing_is_audited_and_keeps_the_rules(cast, june):
    campaign_update(
        actor=cast.officer, campaign=june, fields={"budget_sponsor": 3_000_000}
    )
    june.refresh_from_db()
    assert june.budget_sponsor == 3_000_000
    assert AuditEntry.objects.filter(action="campaign.updated").count() == 1
    with pytest.raises(PermissionDenied):
        campaign_update(actor=cast.chairman, campaign=june, fields={"theme": "x"})


def test_status_moves_follow_the_table(cast, places):
    campaign = CampaignFactory(commune=places.commune, created_by=cast.officer)
    with pytest.raises(ValidationError):
        campaign_set_status(actor=cast.officer, campaign=campaign, status="finished")
    for status in ("running", "finished", "running", "cancelled", "planned"):
        campaign = campaign_set_status(
            actor=cast.officer, campaign=campaign, status=status
        )
        assert campaign.status == status
    entry = AuditEntry.objects.filter(action="campaign.status_changed").last()
    assert entry.detail == {"from": "cancelled", "to": "planned"}


def test_report_deadlines_follow_the_kind(places, cast, settings):
    june = CampaignFactory(commune=places.commune, created_by=cast.officer)
    assert totals.report_due_on(june) == datetime.date(2025, 7, 20)
    assert not totals.report_overdue(june, today=datetime.date(2025, 7, 20))
    assert totals.report_overdue(june, today=datetime.date(2025, 7, 21))
    june.report_sent_on = datetime.date(2025, 7, 18)
    assert not totals.report_overdue(june, today=datetime.date(2025, 7, 21))
    forum = CampaignFactory(
        commune=places.commune,
        created_by=cast.officer,
        kind="children_forum",
        starts_on=datetime.date(2025, 6, 14),
        ends_on=datetime.date(2025, 6, 14),
    )
    assert totals.report_due_on(forum) == datetime.date(2025, 6, 29)
    other = CampaignFactory(
        commune=places.commune, created_by=cast.officer, kind="other"
    )
    assert totals.report_due_on(other) is None
