"""Writes of the Children's Forum (Thông tư 29/2019): its numbers, what the
children said, and its participants with their parents' written consent."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.services import audit_record
from campaigns.models import Campaign, Forum, ForumParticipant
from campaigns.services.base import (
    lock_campaign,
    not_in_future,
    require_child_of,
    require_officer,
    require_open,
    validate,
)

FORUM_FIELDS = (
    "supervisors",
    "volunteers",
    "guests",
    "opinions",
    "recommendations",
    "answers",
)


def _require_forum(campaign: Campaign) -> None:
    if not campaign.is_forum:
        raise ValidationError(_("This campaign is not a children's forum."))


@transaction.atomic
def forum_update(*, actor, campaign: Campaign, fields: dict, request=None) -> Forum:
    """The adults around the children, and the children's opinions and
    recommendations (recorded after the forum too)."""
    campaign = lock_campaign(campaign)
    require_officer(actor, campaign.commune_id)
    _require_forum(campaign)
    forum = Forum.objects.filter(campaign=campaign).first() or Forum(
        campaign=campaign, commune_id=campaign.commune_id
    )
    unknown = set(fields) - set(FORUM_FIELDS)
    if unknown:
        raise TypeError(f"not editable here: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(forum, name, value.strip() if isinstance(value, str) else value)
    validate(forum, {})
    forum.save()
    audit_record(actor=actor, action="forum.updated", obj=campaign, request=request)
    return forum


@transaction.atomic
def forum_participant_add(
    *, actor, campaign: Campaign, child, consent_by: str, consent_on, request=None
) -> ForumParticipant:
    """A registered child joins the forum; the written consent of a parent or
    legal representative is required (Thông tư 29/2019 Điều 8.1.a)."""
    campaign = lock_campaign(campaign)
    require_officer(actor, campaign.commune_id)
    _require_forum(campaign)
    require_open(campaign)
    require_child_of(campaign.commune_id, child)
    participant = ForumParticipant(
        campaign=campaign,
        commune_id=campaign.commune_id,
        child=child,
        consent_by=consent_by.strip(),
        consent_on=consent_on,
        added_by=actor,
    )
    errors: dict[str, list] = {}
    if not participant.consent_by or consent_on is None:
        errors["consent_by"] = [
            _("Record the written consent of a parent or legal representative.")
        ]
    not_in_future(errors, "consent_on", consent_on)
    validate(participant, errors)
    participant.save()
    audit_record(
        actor=actor,
        action="forum.participant_added",
        obj=participant,
        request=request,
        detail={"campaign": str(campaign.code)},
    )
    return participant


@transaction.atomic
def forum_participant_remove(
    *, actor, participant: ForumParticipant, request=None
) -> None:
    participant = ForumParticipant.objects.select_for_update().get(pk=participant.pk)
    require_officer(actor, participant.commune_id)
    # A held forum's list is its record (the ≥ 30 check was passed on it).
    require_open(lock_campaign(participant.campaign))
    audit_record(
        actor=actor,
        action="forum.participant_removed",
        obj=participant,
        request=request,
    )
    participant.delete()
