"""Writes of support given to children: nobody is counted twice by mistake."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.services import audit_record
from campaigns.models import Campaign, Support
from campaigns.services.base import (
    lock_campaign,
    not_in_future,
    require_child_of,
    require_officer,
    require_open,
    validate,
)


@transaction.atomic
def support_give(
    *,
    actor,
    campaign: Campaign,
    child,
    kind: str,
    value: int,
    source: str,
    given_on,
    description: str = "",
    sponsor_name: str = "",
    confirm_repeat: bool = False,
    request=None,
) -> Support:
    """Record support given to a registered child in a campaign.

    A child who already received something in this campaign gets more only
    with `confirm_repeat`: the second gift is then meant, and marked so. The
    campaign row is locked, so two clicks cannot both pass the check.
    """
    campaign = lock_campaign(campaign)
    require_officer(actor, campaign.commune_id)
    require_open(campaign)
    require_child_of(campaign.commune_id, child)
    previous = (
        Support.objects.filter(campaign=campaign, child=child)
        .order_by("given_on", "pk")
        .first()
    )
    if previous is not None and not confirm_repeat:
        raise ValidationError(
            {
                "confirm_repeat": [
                    _(
                        "This child already received %(kind)s on %(date)s in this "
                        "campaign. Tick the box to give again on purpose."
                    )
                    % {
                        "kind": previous.get_kind_display().lower(),
                        "date": date_format(previous.given_on, "SHORT_DATE_FORMAT"),
                    }
                ]
            }
        )
    support = Support(
        commune_id=campaign.commune_id,
        campaign=campaign,
        child=child,
        residential_group_id=child.residential_group_id,
        kind=kind,
        value=value,
        source=source,
        given_on=given_on,
        description=description.strip(),
        sponsor_name=sponsor_name.strip(),
        repeat_confirmed=previous is not None,
        given_by=actor,
    )
    errors: dict[str, list] = {}
    not_in_future(errors, "given_on", given_on)
    validate(support, errors)
    support.save()
    audit_record(
        actor=actor,
        action="support.given",
        obj=support,
        request=request,
        detail={
            "campaign": str(campaign.code),
            "kind": kind,
            "value": value,
            "source": source,
            "repeat": support.repeat_confirmed,
        },
    )
    return support


@transaction.atomic
def support_delete(*, actor, support: Support, request=None) -> None:
    """Remove support recorded by mistake; the audit row keeps what it was."""
    support = Support.objects.select_for_update().get(pk=support.pk)
    require_officer(actor, support.commune_id)
    audit_record(
        actor=actor,
        action="support.deleted",
        obj=support,
        request=request,
        detail={"kind": support.kind, "value": support.value, "source": support.source},
    )
    support.delete()
