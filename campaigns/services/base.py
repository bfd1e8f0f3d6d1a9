"""What every campaign service shares: the officer check, the open-campaign
check, field assignment and validation."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.models import Campaign
from campaigns.permissions import can_edit_campaigns


def require_officer(actor, commune_id: int) -> None:
    """Only the commune's culture-social officer writes campaign data."""
    if not can_edit_campaigns(actor, commune_id):
        raise PermissionDenied


def require_open(campaign: Campaign) -> None:
    if not campaign.is_open:
        raise ValidationError(
            _("This campaign is finished or cancelled: reopen it to add records.")
        )


def lock_campaign(campaign: Campaign) -> Campaign:
    """The campaign row, locked: writes to one campaign happen one at a time."""
    return Campaign.objects.select_for_update().get(pk=campaign.pk)


def assign(instance: models.Model, fields: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"not editable here: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(instance, name, value)


def not_in_future(errors: dict, field: str, day: datetime.date | None) -> None:
    """Records say what happened: a date after today is a typing mistake."""
    if day is not None and day > timezone.localdate():
        errors.setdefault(field, []).append(_("This date is in the future."))


def validate(instance: models.Model, errors: dict, **kwargs) -> None:
    """full_clean() merged with the service's own errors, raised together."""
    try:
        instance.full_clean(**kwargs)
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)


def require_child_of(commune_id: int, child, field: str = "child") -> None:
    """A child of the campaign's commune, still living there."""
    if child.commune_id != commune_id:
        raise ValidationError({field: [_("This child belongs to another commune.")]})
    if child.status != child.Status.ACTIVE:
        raise ValidationError(
            {field: [_("This child no longer lives in the commune.")]}
        )
