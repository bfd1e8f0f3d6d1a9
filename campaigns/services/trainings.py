"""Writes of trainings and their attendees."""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.services import audit_record
from campaigns.models import Training, TrainingAttendee
from campaigns.services.base import (
    assign,
    not_in_future,
    require_officer,
    validate,
)

EDITABLE = ("campaign", "title", "organiser", "held_on", "hours", "place", "notes")


def training_validate(training: Training) -> None:
    errors: dict[str, list] = {}
    not_in_future(errors, "held_on", training.held_on)
    if training.hours is not None and training.hours <= 0:
        errors["hours"] = [_("Give the length of the training in hours.")]
    campaign = training.campaign
    if campaign is not None and campaign.commune_id != training.commune_id:
        errors["campaign"] = [_("This campaign belongs to another commune.")]
    validate(training, errors)


@transaction.atomic
def training_create(*, actor, commune, fields: dict, request=None) -> Training:
    require_officer(actor, commune.pk)
    training = Training(commune=commune, created_by=actor)
    assign(training, fields, EDITABLE)
    training_validate(training)
    training.save()
    audit_record(actor=actor, action="training.created", obj=training, request=request)
    return training


@transaction.atomic
def training_update(
    *, actor, training: Training, fields: dict, request=None
) -> Training:
    training = Training.objects.select_for_update().get(pk=training.pk)
    require_officer(actor, training.commune_id)
    assign(training, fields, EDITABLE)
    training_validate(training)
    training.save()
    audit_record(actor=actor, action="training.updated", obj=training, request=request)
    return training


@transaction.atomic
def attendee_add(
    *,
    actor,
    training: Training,
    full_name: str,
    kind: str,
    sex: str,
    position: str = "",
    request=None,
) -> TrainingAttendee:
    require_officer(actor, training.commune_id)
    attendee = TrainingAttendee(
        training=training,
        commune_id=training.commune_id,
        full_name=" ".join(full_name.split()),
        kind=kind,
        sex=sex,
        position=position.strip(),
    )
    validate(attendee, {})
    attendee.save()
    audit_record(
        actor=actor,
        action="training.attendee_added",
        obj=training,
        request=request,
        detail={"attendee": str(attendee.code), "kind": kind},
    )
    return attendee


@transaction.atomic
def attendee_remove(*, actor, attendee: TrainingAttendee, request=None) -> None:
    attendee = TrainingAttendee.objects.select_for_update().get(pk=attendee.pk)
    require_officer(actor, attendee.commune_id)
    audit_record(
        actor=actor,
        action="training.attendee_removed",
        obj=attendee.training,
        request=request,
        detail={"attendee": str(attendee.code)},
    )
    attendee.delete()
