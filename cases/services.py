"""Writes of incident reports: submission (idempotent) and triage."""

import datetime
import hashlib
import json
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from accounts.scope import COMMUNE_WIDE_ROLES, user_scope
from accounts.services import audit_record
from batochild.lib.text import normalize
from cases import notify, workflow
from cases.models import (
    SEVERITY_RANK,
    IncidentEvent,
    IncidentReport,
    IncidentReporter,
    Source,
)
from registry.models import Child

MAX_TEXT = 5000  # characters in any free-text answer: a report, not a file


ORGANISATION_SOURCE = {
    "police": Source.POLICE,
    "school": Source.SCHOOL,
    "health_station": Source.HEALTH_STATION,
}


def _default_source(reporter: User, organisation: str) -> str:
    if user_scope(reporter).has_role(Role.GROUP_LEADER):
        return Source.GROUP_LEADER
    return ORGANISATION_SOURCE.get(organisation, Source.SOMEONE_ELSE)


def incident_validate(report: IncidentReport) -> None:
    errors: dict[str, list] = {}
    try:
        report.full_clean(exclude=["reported_by", "commune", "residential_group"])
    except ValidationError as exc:
        errors = exc.message_dict
    now = timezone.now()
    if report.occurred_at and report.occurred_at > now + datetime.timedelta(minutes=5):
        errors["occurred_at"] = [_("The time it happened cannot be in the future.")]
    for name in ("child_state", "actions_taken", "place"):
        if len(getattr(report, name) or "") > MAX_TEXT:
            errors[name] = [_("Please keep this under 5,000 characters.")]
    if report.child_id is None and not (
        report.child_name or report.child_age is not None
    ):
        errors["child_name"] = [
            _("Pick the child, or give a name or an approximate age.")
        ]
    if errors:
        raise ValidationError(errors)


def _check_place(reporter: User, report: IncidentReport) -> None:
    """Officers and chairmen report anywhere in their commune, a group leader for
    their own group, a partner for the commune of their organisation."""
    scope = user_scope(reporter)
    group = report.residential_group
    allowed = (
        group.commune_id in scope.communes_for(*COMMUNE_WIDE_ROLES, Role.PARTNER)
        or group.pk in scope.leader_group_ids
    )
    if not allowed:
        raise ValidationError(
            {
                "residential_group": [
                    _("You can only report for your own group or commune.")
                ]
            }
        )
    if report.child_id is not None:
        visible = Child.objects.visible_to(reporter).filter(pk=report.child_id).exists()
        if not visible or report.child.residential_group_id != group.pk:
            raise ValidationError(
                {"child": [_("This child is not in the chosen group.")]}
            )


def incident_submit(
    *,
    reporter: User,
    fields: dict,
    informant: dict,
    idempotency_key: uuid.UUID,
    request=None,
) -> tuple[IncidentReport, bool]:
    """File a report; the same key sent again returns the first report (False).

    The officers are told through the outbox, in the same transaction.
    """
    digest = payload_hash(fields, informant)
    existing = IncidentReport.objects.filter(
        reported_by=reporter, idempotency_key=idempotency_key
    ).first()
    if existing is not None:
        if existing.payload_hash == digest:
            return existing, False
        # Same key, other content: a second report, under a key of its own.
        idempotency_key = uuid.uuid4()
    try:
        with transaction.atomic():
            report = _create(
                reporter, fields, informant, idempotency_key, digest, request
            )
            return report, True
    except IntegrityError:
        # A concurrent copy of the same submission won the unique constraint.
        existing = IncidentReport.objects.filter(
            reported_by=reporter, idempotency_key=idempotency_key
        ).first()
        if existing is None:
            raise
        return existing, False


def payload_hash(fields: dict, informant: dict) -> str:
    """A stable digest of what the reporter sent (model instances by their key)."""
    content = {k: getattr(v, "pk", v) for k, v in sorted(fields.items())}
    content["informant"] = sorted(informant.items())
    return hashlib.sha256(json.dumps(content, default=str).encode()).hexdigest()


def _create(reporter, fields, informant, key, digest, request) -> IncidentReport:
    now = timezone.now()
    scope = user_scope(reporter)
    report_commune = fields["residential_group"].commune_id
    # Tagged with an organisation only when the person reports as a partner: a
    # leader's report of their own group is not shared with their partner colleagues.
    as_partner = fields["residential_group"].pk not in scope.leader_group_ids and (
        report_commune not in scope.communes_for(*COMMUNE_WIDE_ROLES)
    )
    partner_orgs = [
        org for commune, org in scope.partner_organisations if commune == report_commune
    ]
    organisation = partner_orgs[0] if as_partner and partner_orgs else ""
    report = IncidentReport(
        reported_by=reporter,
        idempotency_key=key,
        payload_hash=digest,
        organisation=organisation,
        **{"received_at": now, **fields},  # an officer may record an earlier call
    )
    report.commune_id = report.residential_group.commune_id
    report.source = report.source or _default_source(reporter, organisation)
    report.child_name = normalize(report.child_name)
    report.severity_rank = SEVERITY_RANK.get(report.severity, 0)
    if report.received_at > now:
        raise ValidationError(
            {"received_at": [_("This time cannot be in the future.")]}
        )
    report.triage_due_at = report.received_at + datetime.timedelta(
        hours=settings.INCIDENT_TRIAGE_HOURS
    )
    _check_place(reporter, report)
    incident_validate(report)
    report.save()
    anonymous = bool(informant.get("anonymous"))
    IncidentReporter.objects.create(
        report=report,
        commune_id=report.commune_id,
        anonymous=anonymous,
        name="" if anonymous else normalize(informant.get("name", "")),
        phone="" if anonymous else informant.get("phone", ""),
        address="" if anonymous else informant.get("address", ""),
    )
    IncidentEvent.objects.create(
        report=report,
        commune_id=report.commune_id,
        actor=reporter,
        new_status=report.status,
    )
    audit_record(
        actor=reporter, action="incident.submitted", obj=report, request=request
    )
    notify.incident_submitted(report)
    return report


@transaction.atomic
def incident_triage(
    *,
    actor: User,
    report: IncidentReport,
    status: str,
    note: str = "",
    duplicate_of: IncidentReport | None = None,
    request=None,
) -> IncidentReport:
    """Move a report on: being checked, referred, duplicate (of which), dismissed (why)."""
    locked = IncidentReport.objects.select_for_update().get(pk=report.pk)
    if not workflow.can_move(locked.status, status):
        raise ValidationError({"status": [_("This report cannot move to that state.")]})
    if len(note) > MAX_TEXT:
        raise ValidationError({"note": [_("Please keep this under 5,000 characters.")]})
    if status == IncidentReport.Status.DISMISSED and not note.strip():
        raise ValidationError({"note": [_("Say why the report is dismissed.")]})
    if status == IncidentReport.Status.DUPLICATE:
        if (
            duplicate_of is None
            or duplicate_of.pk == locked.pk
            or duplicate_of.commune_id != locked.commune_id
        ):
            raise ValidationError(
                {"duplicate_of": [_("Choose the other report of this commune.")]}
            )
        locked.duplicate_of = duplicate_of
    old = locked.status
    locked.status = status
    if note:
        locked.triage_note = (locked.triage_note + "\n" + note).strip()
    if locked.triaged_at is None:
        locked.triaged_at = timezone.now()
    incident_validate(locked)
    locked.save()
    IncidentEvent.objects.create(
        report=locked,
        commune_id=locked.commune_id,
        actor=actor,
        old_status=old,
        new_status=status,
        note=note[:MAX_TEXT],
    )
    audit_record(
        actor=actor,
        action="incident.triaged",
        obj=locked,
        request=request,
        detail={"status": status},
    )
    return locked


@transaction.atomic
def incident_link_child(
    *, actor: User, report: IncidentReport, child: Child, request=None
) -> IncidentReport:
    """Attach the registry's child to a report made with a description only."""
    locked = IncidentReport.objects.select_for_update().get(pk=report.pk)
    if child.commune_id != locked.commune_id:
        raise ValidationError(
            {"child": [_("This child is not in the report's commune.")]}
        )
    locked.child = child
    locked.save(update_fields=["child"])
    audit_record(
        actor=actor, action="incident.child_linked", obj=locked, request=request
    )
    return locked
