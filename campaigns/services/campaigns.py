"""Writes of campaigns: plan, edit, move through their statuses."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.services import audit_record
from campaigns.models import Campaign
from campaigns.services.base import (
    assign,
    lock_campaign,
    not_in_future,
    require_officer,
    validate,
)
from campaigns.totals import forum_problems

EDITABLE = (
    "kind",
    "year",
    "title",
    "theme",
    "starts_on",
    "ends_on",
    "launch_on",
    "launch_place",
    "budget_state",
    "budget_mobilised",
    "budget_sponsor",
    "plan",
    "report_sent_on",
)
S = Campaign.Status
MOVES = {
    S.PLANNED: {S.RUNNING, S.CANCELLED},
    S.RUNNING: {S.FINISHED, S.CANCELLED},
    # Reopening corrects a campaign closed too early.
    S.FINISHED: {S.RUNNING},
    S.CANCELLED: {S.PLANNED},
}


def default_title(kind: str, year: int) -> str:
    return _("%(kind)s %(year)s") % {"kind": Campaign.Kind(kind).label, "year": year}


def campaign_validate(campaign: Campaign) -> None:
    errors: dict[str, list] = {}
    if (
        campaign.starts_on
        and campaign.year
        and campaign.starts_on.year != campaign.year
    ):
        errors["year"] = [_("The campaign starts in another year.")]
    if (
        campaign.kind == Campaign.Kind.ACTION_MONTH
        and campaign.starts_on
        and campaign.ends_on
        and not (
            campaign.starts_on.month == 6
            and campaign.ends_on.month == 6
            and campaign.ends_on.year == campaign.starts_on.year
        )
    ):
        # Luật Trẻ em Điều 11: "Tháng hành động vì trẻ em được tổ chức vào tháng 6".
        errors["ends_on"] = [_("The Action Month runs in June.")]
    not_in_future(errors, "report_sent_on", campaign.report_sent_on)
    validate(campaign, errors)


@transaction.atomic
def campaign_create(*, actor, commune, fields: dict, request=None) -> Campaign:
    """Plan a campaign; an empty title becomes "<kind> <year>"."""
    require_officer(actor, commune.pk)
    campaign = Campaign(commune=commune, created_by=actor)
    assign(campaign, fields, EDITABLE)
    if not campaign.title and campaign.kind and campaign.year:
        campaign.title = default_title(campaign.kind, campaign.year)
    campaign_validate(campaign)
    campaign.save()
    audit_record(
        actor=actor,
        action="campaign.created",
        obj=campaign,
        request=request,
        detail={"kind": campaign.kind, "year": campaign.year},
    )
    return campaign


@transaction.atomic
def campaign_update(
    *, actor, campaign: Campaign, fields: dict, request=None
) -> Campaign:
    campaign = lock_campaign(campaign)
    require_officer(actor, campaign.commune_id)
    if (
        "kind" in fields
        and fields["kind"] != campaign.kind
        and _has_forum_rows(campaign)
    ):
        raise ValidationError(
            {"kind": [_("This forum has participants: its kind cannot change.")]}
        )
    assign(campaign, fields, EDITABLE)
    if not campaign.title:
        campaign.title = default_title(campaign.kind, campaign.year)
    campaign_validate(campaign)
    campaign.save()
    audit_record(actor=actor, action="campaign.updated", obj=campaign, request=request)
    return campaign


def _has_forum_rows(campaign: Campaign) -> bool:
    return campaign.forum_participants.exists()


@transaction.atomic
def campaign_set_status(
    *, actor, campaign: Campaign, status: str, request=None
) -> Campaign:
    """Move the campaign on. A forum goes ahead only when it meets the rules of
    Thông tư 29/2019 (participants, supervisors, volunteers, guests, one day)."""
    campaign = lock_campaign(campaign)
    require_officer(actor, campaign.commune_id)
    if status not in MOVES[campaign.status]:
        raise ValidationError(_("A campaign cannot move to this status from here."))
    if campaign.is_forum and status == S.RUNNING:
        failed = forum_problems(campaign)
        if failed:
            raise ValidationError(
                [
                    _("The forum does not meet the rules yet: %(rule)s (%(source)s)")
                    % {"rule": check.label, "source": check.source}
                    for check in failed
                ]
            )
    old, campaign.status = campaign.status, status
    campaign.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        action="campaign.status_changed",
        obj=campaign,
        request=request,
        detail={"from": old, "to": status},
    )
    return campaign
