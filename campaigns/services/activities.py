"""Writes of activities, the consents for photos of children, and the photos."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.services import audit_record
from campaigns import rules
from campaigns.models import (
    Activity,
    ActivityPhoto,
    Campaign,
    Organiser,
    PhotoConsent,
    PhotoSubject,
)
from campaigns.services.base import (
    assign,
    lock_campaign,
    not_in_future,
    require_child_of,
    require_officer,
    require_open,
    validate,
)

EDITABLE = (
    "campaign",
    "category",
    "sub_kind",
    "title",
    "held_on",
    "place",
    "organiser",
    "residential_group",
    "sessions",
    "boys_under_6",
    "girls_under_6",
    "boys_6_10",
    "girls_6_10",
    "boys_11_15",
    "girls_11_15",
    "adults",
    "cost",
    "cost_source",
    "notes",
)
MAX_PHOTO_BYTES = 8 * 1024 * 1024


def activity_validate(activity: Activity) -> None:
    errors: dict[str, list] = {}
    not_in_future(errors, "held_on", activity.held_on)
    campaign = activity.campaign
    if campaign is not None and campaign.commune_id != activity.commune_id:
        errors["campaign"] = [_("This campaign belongs to another commune.")]
    group = activity.residential_group
    if group is not None and group.commune_id != activity.commune_id:
        errors["residential_group"] = [
            _("This residential group belongs to another commune.")
        ]
    if activity.organiser == Organiser.RESIDENTIAL_GROUP and group is None:
        errors["residential_group"] = [_("Choose the residential group.")]
    validate(activity, errors)


def _lock_open(campaign: Campaign | None) -> None:
    if campaign is not None:
        require_open(lock_campaign(campaign))


@transaction.atomic
def activity_create(*, actor, commune, fields: dict, request=None) -> Activity:
    """Record an activity, in a campaign (which must be open) or standing alone."""
    require_officer(actor, commune.pk)
    activity = Activity(commune=commune, created_by=actor)
    assign(activity, fields, EDITABLE)
    _lock_open(activity.campaign)
    activity_validate(activity)
    activity.save()
    audit_record(
        actor=actor,
        action="activity.created",
        obj=activity,
        request=request,
        detail={"category": activity.category, "sub_kind": activity.sub_kind},
    )
    return activity


@transaction.atomic
def activity_update(
    *, actor, activity: Activity, fields: dict, request=None
) -> Activity:
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    require_officer(actor, activity.commune_id)
    before = activity.campaign_id
    assign(activity, fields, EDITABLE)
    # Corrections to a closed campaign's activity are allowed; moving an
    # activity into a closed campaign is not.
    if activity.campaign_id != before:
        _lock_open(activity.campaign)
    activity_validate(activity)
    activity.save()
    audit_record(actor=actor, action="activity.updated", obj=activity, request=request)
    return activity


def _delete_files_on_commit(names: list[str]) -> None:
    """Files go only once the rows are gone for good: a rollback keeps both."""
    storage = ActivityPhoto._meta.get_field("file").storage

    def delete() -> None:
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete)


@transaction.atomic
def activity_delete(*, actor, activity: Activity, request=None) -> None:
    """Remove an activity entered by mistake, with its consents and photos."""
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    require_officer(actor, activity.commune_id)
    names = list(activity.photos.values_list("file", flat=True))
    audit_record(
        actor=actor,
        action="activity.deleted",
        obj=activity,
        request=request,
        detail={"photos": len(names)},
    )
    activity.delete()
    _delete_files_on_commit(names)


@transaction.atomic
def consent_record(
    *,
    actor,
    activity: Activity,
    child,
    parent_name: str,
    parent_consent_on,
    child_consent_on=None,
    request=None,
) -> PhotoConsent:
    """Record (or complete) the consents for photos of a child at an activity."""
    require_officer(actor, activity.commune_id)
    require_child_of(activity.commune_id, child)
    consent = PhotoConsent.objects.filter(activity=activity, child=child).first()
    if consent is None:
        consent = PhotoConsent(
            activity=activity,
            commune_id=activity.commune_id,
            child=child,
            recorded_by=actor,
        )
    consent.parent_name = parent_name.strip()
    consent.parent_consent_on = parent_consent_on
    consent.child_consent_on = child_consent_on
    errors: dict[str, list] = {}
    not_in_future(errors, "parent_consent_on", parent_consent_on)
    not_in_future(errors, "child_consent_on", child_consent_on)
    validate(consent, errors)
    consent.save()
    audit_record(
        actor=actor,
        action="photo_consent.recorded",
        obj=consent,
        request=request,
        detail={
            "activity": str(activity.code),
            "child_consent": bool(child_consent_on),
        },
    )
    return consent


def consent_problems(activity: Activity, children: list) -> list[str]:
    """Why photos of these children may not be kept, one message per child: no
    consent from a parent, or a child of 7 or more who did not consent."""
    consents = {
        c.child_id: c
        for c in PhotoConsent.objects.filter(activity=activity, child__in=children)
    }
    today = timezone.localdate()
    problems = []
    for child in children:
        consent = consents.get(child.pk)
        if consent is None:
            problems.append(
                _("%(name)s: no consent of a parent is recorded.")
                % {"name": child.full_name}
            )
        elif rules.needs_child_consent(child.age_on(today)) and not (
            consent.child_consent_on
        ):
            problems.append(
                _("%(name)s is 7 or older: the child's own consent is needed too.")
                % {"name": child.full_name}
            )
    return problems


@transaction.atomic
def photo_add(
    *,
    actor,
    activity: Activity,
    file,
    caption: str = "",
    shows_children: bool = False,
    children=(),
    request=None,
) -> ActivityPhoto:
    """Keep a photo of an activity. Children who can be recognised must be named,
    and each needs the parent's consent and, from age 7, their own (Luật Trẻ em
    Điều 6.11; NĐ 56/2017 Điều 36)."""
    require_officer(actor, activity.commune_id)
    children = list(children)
    errors: dict[str, list] = {}
    for child in children:
        if child.commune_id != activity.commune_id:
            errors.setdefault("children", []).append(
                _("This child belongs to another commune.")
            )
    if shows_children and not children:
        errors["children"] = [
            _("Name the children who can be recognised in the photo.")
        ]
    if children and "children" not in errors:
        problems = consent_problems(activity, children)
        if problems:
            errors["children"] = problems
    if file is not None and file.size > MAX_PHOTO_BYTES:
        errors["file"] = [_("The photo is larger than 8 MB.")]
    photo = ActivityPhoto(
        activity=activity,
        commune_id=activity.commune_id,
        file=file,
        caption=caption.strip(),
        shows_children=bool(children),
        uploaded_by=actor,
    )
    validate(photo, errors)
    photo.save()
    PhotoSubject.objects.bulk_create(
        PhotoSubject(photo=photo, child=child, commune_id=activity.commune_id)
        for child in children
    )
    audit_record(
        actor=actor,
        action="photo.added",
        obj=photo,
        request=request,
        detail={"activity": str(activity.code), "children": len(children)},
    )
    return photo


@transaction.atomic
def photo_delete(*, actor, photo: ActivityPhoto, request=None) -> None:
    """Remove a photo: entered by mistake, or a consent was withdrawn."""
    photo = ActivityPhoto.objects.select_for_update().get(pk=photo.pk)
    require_officer(actor, photo.commune_id)
    audit_record(actor=actor, action="photo.deleted", obj=photo, request=request)
    name = photo.file.name
    photo.delete()
    _delete_files_on_commit([name])
