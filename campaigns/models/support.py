"""Support and gifts given to registered children during a campaign."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.scope import CommuneScopedQuerySet
from campaigns.models.campaigns import Campaign, FundingSource


class Support(models.Model):
    class Kind(models.TextChoices):
        GIFT = "gift", _("Gift")
        CASH = "cash", _("Cash")
        SCHOLARSHIP = "scholarship", _("Scholarship")
        INSURANCE_CARD = "insurance_card", _("Health-insurance card")
        OTHER = "other", _("Other support")

    code = models.UUIDField(
        _("public id"), default=uuid.uuid4, unique=True, editable=False
    )
    commune = models.ForeignKey(
        "registry.Commune",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("commune"),
    )
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.PROTECT,
        related_name="supports",
        verbose_name=_("campaign"),
    )
    child = models.ForeignKey(
        "registry.Child",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("child"),
    )
    # The child's group when the support was given: totals per group stay true
    # after a child moves.
    residential_group = models.ForeignKey(
        "registry.ResidentialGroup",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("residential group"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.CharField(_("what was given"), max_length=250, blank=True)
    value = models.PositiveBigIntegerField(_("value (VND)"))
    source = models.CharField(
        _("funding source"), max_length=10, choices=FundingSource.choices
    )
    sponsor_name = models.CharField(_("given by (sponsor)"), max_length=200, blank=True)
    given_on = models.DateField(_("given on"))
    # A second support to the same child in the same campaign is allowed only
    # when the officer says so: this records that it was meant.
    repeat_confirmed = models.BooleanField(_("repeat confirmed"), default=False)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = CommuneScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("support given")
        indexes = [
            models.Index(
                fields=["commune", "campaign", "child"], name="support_campaign_child"
            ),
            models.Index(fields=["commune", "given_on"], name="support_given_on"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.value}"
