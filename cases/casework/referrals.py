"""Writes of referrals: services asked of partner organisations (NĐ 56/2017
Điều 29, 31.4-5). The officer sends; only the partner it was sent to
acknowledges and records the outcome; a referral is not done until acknowledged.

Notifications name the case reference and the organisation, never the child
(NĐ 56 Điều 24); the partner opens the referral page for the rest.
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Organisation, Role, User
from accounts.notifications import notify
from accounts.services import audit_record
from cases.models import Case, CaseEvent, PlanItem, Referral
from cases.referral_selectors import (
    SERVICE_STEPS,
    current_plan_items,
    is_commune_officer,
    is_partner_for,
)

S = Referral.Status


def _require_officer(actor: User, commune_id: int) -> None:
    if not is_commune_officer(actor, commune_id):
        raise PermissionDenied


def _require_partner(actor: User, referral: Referral) -> None:
    # Officers do not acknowledge or report on a partner's behalf.
    if not is_partner_for(actor, referral):
        raise PermissionDenied


def _partners(referral: Referral) -> list[User]:
    return list(
        User.objects.filter(
            is_active=True,
            assignments__role=Role.PARTNER,
            assignments__commune_id=referral.commune_id,
            assignments__organisation=referral.organisation,
        )
        .distinct()
        .order_by("pk")
    )


def _tell(users, referral: Referral, case: Case, kind: str, text: str) -> None:
    """Notify in the site's language; the e-mail subject says nothing of the case."""
    url = reverse("cases:referral_detail", args=[referral.code])
    with translation.override(settings.LANGUAGE_CODE):
        title = text % {
            "reference": case.reference,
            "organisation": Organisation(referral.organisation).label,
            "due": referral.due_on.strftime("%d/%m/%Y"),
        }
        notify(
            users=users,
            commune=referral.commune,
            kind=kind,
            title=title,
            url=url,
            email_subject="[BaToChild] " + _("A message about a referral"),
            email_body="\n\n".join(
                [
                    title,
                    _("Sign in to BaToChild to see it."),
                    _("Please do not forward this e-mail."),
                ]
            ),
        )


def _record(actor: User, referral: Referral, verb: str, note: str) -> None:
    """The case's timeline and the audit log (codes only, no narrative)."""
    CaseEvent.objects.create(
        case_id=referral.case_id,
        commune_id=referral.commune_id,
        actor=actor,
        action=f"referral.{verb}",
        note=note[:5000],
    )
    audit_record(
        actor=actor,
        action=f"referral.{verb}",
        obj=referral,
        detail={"organisation": referral.organisation, "status": referral.status},
    )


def _lock(referral: Referral) -> Referral:
    return (
        Referral.objects.select_for_update().select_related("case").get(pk=referral.pk)
    )


@transaction.atomic
def referral_send(
    *,
    actor: User,
    case: Case,
    organisation: str,
    request: str,
    due_on: datetime.date,
    plan_item: PlanItem | None = None,
) -> Referral:
    """Ask a partner for a service, by a date; refused outside the steps where
    services run, for a past date or for a row of another case's plan."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    _require_officer(actor, case.commune_id)
    if case.status not in SERVICE_STEPS:
        raise ValidationError(
            _(
                "Services are referred during an emergency, a separation, while the "
                "plan is carried out or at its review, not in this step."
            )
        )
    if due_on < timezone.localdate():
        raise ValidationError({"due_on": [_("The due date cannot be in the past.")]})
    if (
        plan_item is not None
        and not current_plan_items(case).filter(pk=plan_item.pk).exists()
    ):
        raise ValidationError({"plan_item": [_("Choose a row of this case's plan.")]})
    referral = Referral(
        case=case,
        commune_id=case.commune_id,
        plan_item=plan_item,
        organisation=organisation,
        request=request.strip(),
        due_on=due_on,
        sent_by=actor,
    )
    referral.full_clean()
    referral.save()
    label = Organisation(organisation).label
    with translation.override(settings.LANGUAGE_CODE):
        note = _("Referral sent to %(organisation)s, due %(due)s.") % {
            "organisation": label,
            "due": due_on.strftime("%d/%m/%Y"),
        }
        text = _("New referral for case %(reference)s, due %(due)s.")
    _record(actor, referral, "sent", note)
    _tell(_partners(referral), referral, case, "referral.sent", text)
    return referral


@transaction.atomic
def referral_acknowledge(*, actor: User, referral: Referral) -> Referral:
    """The partner takes the referral on; the caseworker is told."""
    referral = _lock(referral)
    _require_partner(actor, referral)
    if referral.status != S.SENT:
        raise ValidationError(
            _("This referral is no longer waiting for acknowledgement.")
        )
    referral.status = S.ACKNOWLEDGED
    referral.acknowledged_by = actor
    referral.acknowledged_at = timezone.now()
    referral.full_clean()
    referral.save()
    with translation.override(settings.LANGUAGE_CODE):
        note = _("Referral acknowledged by %(organisation)s.") % {
            "organisation": Organisation(referral.organisation).label
        }
        text = _("%(organisation)s acknowledged the referral for case %(reference)s.")
    _record(actor, referral, "acknowledged", note)
    case = referral.case
    _tell([case.caseworker], referral, case, "referral.acknowledged", text)
    return referral


@transaction.atomic
def referral_complete(*, actor: User, referral: Referral, outcome: str) -> Referral:
    """The partner records the outcome; only an acknowledged referral is done."""
    referral = _lock(referral)
    _require_partner(actor, referral)
    if referral.status == S.SENT:
        raise ValidationError(
            _("Acknowledge the referral before recording its outcome.")
        )
    if referral.status != S.ACKNOWLEDGED:
        raise ValidationError(_("This referral is already closed."))
    if not outcome.strip():
        raise ValidationError({"outcome": [_("Write the outcome.")]})
    referral.status = S.DONE
    referral.outcome = outcome.strip()
    referral.completed_at = timezone.now()
    referral.full_clean()
    referral.save()
    with translation.override(settings.LANGUAGE_CODE):
        note = _("Referral done by %(organisation)s.") % {
            "organisation": Organisation(referral.organisation).label
        }
        text = _(
            "%(organisation)s recorded the outcome of the referral for case %(reference)s."
        )
    _record(actor, referral, "done", note)
    case = referral.case
    _tell([case.caseworker], referral, case, "referral.done", text)
    return referral


@transaction.atomic
def referral_cancel(*, actor: User, referral: Referral, reason: str) -> Referral:
    """The officer withdraws an open referral, with the reason; the partner is told."""
    referral = _lock(referral)
    _require_officer(actor, referral.commune_id)
    if referral.status not in (S.SENT, S.ACKNOWLEDGED):
        raise ValidationError(_("This referral is already closed."))
    if not reason.strip():
        raise ValidationError({"reason": [_("Give the reason for withdrawing it.")]})
    referral.status = S.CANCELLED
    referral.full_clean()
    referral.save()
    with translation.override(settings.LANGUAGE_CODE):
        note = _("Referral to %(organisation)s withdrawn: %(reason)s") % {
            "organisation": Organisation(referral.organisation).label,
            "reason": reason.strip(),
        }
        text = _("The referral for case %(reference)s was withdrawn.")
    _record(actor, referral, "cancelled", note)
    _tell(_partners(referral), referral, referral.case, "referral.cancelled", text)
    return referral
