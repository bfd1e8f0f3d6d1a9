"""Writes of the child registry. Each service locks what it changes, validates,
writes a ChildEvent for the child's timeline and an audit row (ids only)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.services import audit_record
from batochild.lib.text import fold, normalize
from registry.circumstances import REQUIRES_EXPERT_CONCLUSION, group_of_subgroup
from registry.insurance import under_six_card_expiry
from registry.models import Caregiver, Child, ChildEvent, Household, SpecialCircumstance
from registry.models.children import CHILD_AGE_LIMIT
from registry.validators import personal_id_problems

# Fields a timeline entry may show; everything a form can change.
TRACKED_FIELDS = (
    "full_name",
    "birth_date",
    "birth_date_is_estimated",
    "sex",
    "ethnic_group_id",
    "personal_id",
    "residential_group_id",
    "household_id",
    "birth_registered",
    "birth_registration_date",
    "birth_registration_place",
    "insurance_card_number",
    "insurance_expiry",
    "insurance_source",
    "disabilities",
    "disability_level",
    "disability_certificate_number",
    "disability_certificate_date",
    "school",
    "classification",
    "notes",
)


class ConcurrentEditError(ValidationError):
    """Someone else saved the child since this form was opened."""


def child_prepare(child: Child) -> None:
    """Derived values kept in sync on every write: normalised name, search key,
    the under-6 insurance expiry when a card is recorded without a date."""
    child.full_name = normalize(child.full_name)
    child.search_key = fold(child.full_name)
    if child.personal_id == "":
        child.personal_id = None
    if (
        child.insurance_card_number
        and child.insurance_expiry is None
        and child.birth_date
    ):
        # The under-6 card outlives the 6th birthday until 30/9 or the month's end.
        expiry = under_six_card_expiry(child.birth_date)
        if timezone.localdate() <= expiry:
            child.insurance_expiry = expiry


def child_validate(child: Child) -> None:
    """full_clean() plus the cross-field rules; raises ValidationError by field."""
    errors: dict[str, list[str]] = {}
    try:
        child.full_clean(exclude=["risk_categories"], validate_unique=True)
    except ValidationError as exc:
        errors = exc.message_dict
    if (
        child.personal_id
        and "personal_id" not in errors
        and not child.birth_date_is_estimated
    ):
        problems = personal_id_problems(
            child.personal_id, birth_date=child.birth_date, sex=child.sex
        )
        if problems:
            errors["personal_id"] = problems
    if (
        child.residential_group_id
        and child.residential_group.commune_id != child.commune_id
    ):
        errors["residential_group"] = [
            _("This residential group belongs to another commune.")
        ]
    if child.household_id and child.household.commune_id != child.commune_id:
        errors["household"] = [_("This household belongs to another commune.")]
    elif (
        child.household_id
        and child.household.residential_group_id != child.residential_group_id
    ):
        errors["household"] = [_("This household lives in another residential group.")]
    today = timezone.localdate()
    if child.birth_date and child.birth_date > today:
        errors["birth_date"] = [_("The date of birth cannot be in the future.")]
    elif (
        child.birth_date
        and child._state.adding
        and child.age_on(today) >= CHILD_AGE_LIMIT
    ):
        # Luật Trẻ em Điều 1: a child is under 16. Existing records keep their
        # history when they age out; new ones must be children.
        errors["birth_date"] = [
            _("A child is under 16: this person is too old to register.")
        ]
    if errors:
        raise ValidationError(errors)


def _snapshot(child: Child) -> dict:
    return {f: getattr(child, f) for f in TRACKED_FIELDS}


def _jsonable(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _diff(before: dict, after: dict) -> dict:
    return {
        field: [_jsonable(before[field]), _jsonable(after[field])]
        for field in TRACKED_FIELDS
        if before[field] != after[field]
    }


def _log(
    child: Child,
    actor,
    kind: str,
    action: str,
    *,
    changes=None,
    note: str = "",
    detail=None,
) -> None:
    """One timeline entry for the child page and one audit row (ids only)."""
    ChildEvent.objects.create(
        child=child,
        commune_id=child.commune_id,
        actor=actor,
        kind=kind,
        changes=changes or {},
        note=note[:250],
    )
    audit_record(actor=actor, action=action, obj=child, detail=detail)


@transaction.atomic
def child_register(
    *,
    actor: User | None,
    commune,
    fields: dict,
    risk_categories=(),
    source: str = "form",
) -> Child:
    """Add a child to the commune's registry."""
    child = Child(commune=commune, created_by=actor, **fields)
    child_prepare(child)
    child_validate(child)
    child.save()
    if risk_categories:
        child.risk_categories.set(risk_categories)
    kind = ChildEvent.Kind.IMPORTED if source == "import" else ChildEvent.Kind.CREATED
    _log(child, actor, kind, "child.created")
    return child


@transaction.atomic
def child_update(
    *,
    actor: User | None,
    child: Child,
    fields: dict,
    version: int | None,
    risk_categories=None,
    source: str = "form",
) -> Child:
    """Change a child's record; refuses if it changed since `version` was read."""
    locked = Child.objects.select_for_update().get(pk=child.pk)
    if version is not None and locked.version != version:
        raise ConcurrentEditError(
            _(
                "Someone else saved this child's record while you were editing. "
                "Open it again to see their changes, then make yours."
            )
        )
    before = _snapshot(locked)
    for name, value in fields.items():
        setattr(locked, name, value)
    child_prepare(locked)
    child_validate(locked)
    changes = _diff(before, _snapshot(locked))
    if risk_categories is not None:
        old = set(locked.risk_categories.values_list("pk", flat=True))
        new = {r.pk for r in risk_categories}
        if old != new:
            locked.risk_categories.set(risk_categories)
            changes["risk_categories"] = [sorted(old), sorted(new)]
    if not changes:
        return locked
    locked.version += 1
    locked.save()
    kind = ChildEvent.Kind.IMPORTED if source == "import" else ChildEvent.Kind.UPDATED
    _log(locked, actor, kind, "child.updated", changes=changes)
    return locked


@transaction.atomic
def child_change_status(
    *,
    actor: User | None,
    child: Child,
    status: str,
    on: datetime.date,
    reason: str = "",
) -> Child:
    """Archive (moved away, aged out, deceased) or bring back to active, with a reason."""
    locked = Child.objects.select_for_update().get(pk=child.pk)
    if locked.status == status:
        return locked
    age = locked.age_on(on)
    if status == Child.Status.AGED_OUT and age < CHILD_AGE_LIMIT:
        raise ValidationError({"status": [_("The child is not 16 yet on that date.")]})
    if status == Child.Status.ACTIVE and age >= CHILD_AGE_LIMIT:
        raise ValidationError({"status": [_("At 16 the record stays aged out.")]})
    old = locked.status
    locked.status, locked.status_changed_on, locked.status_reason = status, on, reason
    locked.version += 1
    locked.full_clean(exclude=["risk_categories"])
    locked.save(
        update_fields=["status", "status_changed_on", "status_reason", "version"]
    )
    _log(
        locked,
        actor,
        ChildEvent.Kind.STATUS,
        "child.status",
        changes={"status": [old, status]},
        note=reason,
        detail={"status": status},
    )
    return locked


@transaction.atomic
def child_delete(*, actor: User, child: Child, reason: str) -> None:
    """Soft-delete a record entered by mistake: it leaves every list and count."""
    locked = Child.objects.select_for_update().get(pk=child.pk)
    locked.deleted_at = timezone.now()
    locked.deleted_reason = reason[:250]
    locked.save(update_fields=["deleted_at", "deleted_reason"])
    _log(locked, actor, ChildEvent.Kind.DELETED, "child.deleted", note=reason)


def circumstance_validate(circumstance: SpecialCircumstance) -> None:
    """The sub-group belongs to the group; group i needs the expert conclusion."""
    errors = {}
    sub = circumstance.subgroup
    if sub and group_of_subgroup(sub) != circumstance.group:
        errors["subgroup"] = [_("This sub-group does not belong to the chosen group.")]
    if (
        circumstance.group in REQUIRES_EXPERT_CONCLUSION
        and not circumstance.expert_conclusion
    ):
        errors["expert_conclusion"] = [
            _("This group needs the conclusion of an assessing body (NĐ 56 Điều 11).")
        ]
    if (
        circumstance.resolved_on
        and circumstance.resolved_on < circumstance.identified_on
    ):
        errors["resolved_on"] = [
            _("The end date cannot be before the date identified.")
        ]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def circumstance_record(
    *, actor: User, child: Child, fields: dict
) -> SpecialCircumstance:
    """Record that one of the 14 groups applies to the child."""
    circumstance = SpecialCircumstance(child=child, commune=child.commune, **fields)
    circumstance.full_clean()
    circumstance_validate(circumstance)
    circumstance.save()
    changes = {"group": [None, circumstance.group]}
    _log(
        child,
        actor,
        ChildEvent.Kind.CIRCUMSTANCE,
        "child.circumstance",
        changes=changes,
    )
    return circumstance


@transaction.atomic
def caregiver_record(*, actor: User, child: Child, fields: dict) -> Caregiver:
    caregiver = Caregiver(child=child, commune=child.commune, **fields)
    caregiver.full_name = normalize(caregiver.full_name)
    caregiver.full_clean()
    caregiver.save()
    changes = {"relation": [None, caregiver.relation]}
    _log(child, actor, ChildEvent.Kind.CAREGIVER, "child.caregiver", changes=changes)
    return caregiver


@transaction.atomic
def household_register(*, actor: User, commune, fields: dict) -> Household:
    """Add a household (address, group, poverty status) to the commune."""
    household = Household(commune=commune, **fields)
    household.head_name = normalize(household.head_name)
    household.full_clean()
    if household.residential_group.commune_id != commune.pk:
        raise ValidationError(
            {
                "residential_group": [
                    _("This residential group belongs to another commune.")
                ]
            }
        )
    household.save()
    audit_record(actor=actor, action="household.created", obj=household)
    return household
