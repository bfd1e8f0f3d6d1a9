"""Referrals of a case to partner organisations (NĐ 56/2017 Điều 29) and the
ledger that makes every deadline reminder go out once."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from accounts.scope import COMMUNE_WIDE_ROLES, user_scope
from cases.models.cases import Case
from cases.models.steps import PlanItem


class ReferralQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ReferralQuerySet":
        """Officers and chairmen: the commune's referrals. A partner: only those
        sent to their own organisation in their commune."""
        scope = user_scope(user)
        condition = Q(commune_id__in=scope.communes_for(*COMMUNE_WIDE_ROLES))
        for commune_id, organisation in scope.partner_organisations:
            condition |= Q(commune_id=commune_id, organisation=organisation)
        return self.filter(condition)

    def open(self) -> "ReferralQuerySet":
        return self.filter(
            status__in=[Referral.Status.SENT, Referral.Status.ACKNOWLEDGED]
        )


class Referral(models.Model):
    """A service asked of a partner. It is done only after the partner has
    acknowledged it and recorded the outcome."""

    class Status(models.TextChoices):
        SENT = "sent", _("Sent, not yet acknowledged")
        ACKNOWLEDGED = "acknowledged", _("Acknowledged, in progress")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Withdrawn")

    code = models.UUIDField(
        _("public id"), default=uuid.uuid4, unique=True, editable=False
    )
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    commune = models.ForeignKey(
        "registry.Commune", on_delete=models.PROTECT, related_name="+"
    )
    plan_item = models.ForeignKey(
        PlanItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("plan row"),
    )
    organisation = models.CharField(
        _("sent to"), max_length=20, choices=Organisation.choices
    )
    # What the partner needs to act, not the case's narrative.
    request = models.TextField(_("what is asked"))
    due_on = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SENT
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("sent by"),
    )
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("acknowledged by"),
    )
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["due_on", "pk"]
        indexes = [
            models.Index(
                fields=["commune", "organisation", "status", "due_on"],
                name="referral_inbox",
            ),
            models.Index(fields=["commune", "case"], name="referral_case"),
            # Beat's reminder scan runs across communes, by due date only.
            models.Index(
                fields=["due_on"],
                name="referral_due_reminders",
                condition=Q(status__in=["sent", "acknowledged"]),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["sent", "cancelled"])
                | Q(acknowledged_at__isnull=False),
                name="referral_done_after_ack",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_organisation_display()} · {self.due_on:%d/%m/%Y}"

    def is_overdue(self, today) -> bool:
        return self.status in (self.Status.SENT, self.Status.ACKNOWLEDGED) and (
            self.due_on < today
        )


class SentReminder(models.Model):
    """One row per reminder sent: the unique key is claimed before sending, so two
    beat or worker processes never send the same reminder twice."""

    key = models.CharField(max_length=120, unique=True)
    commune = models.ForeignKey(
        "registry.Commune", on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")

    def __str__(self) -> str:
        return self.key
