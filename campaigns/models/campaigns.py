"""Campaigns: the June Action Month (Luật Trẻ em Điều 11, Thông tư 28/2019), the
Children's Forum (Thông tư 29/2019), Mid-Autumn and other campaigns of the year.

Campaign data is read by the commune's officers and chairmen only (the default
CommuneScopedQuerySet); no group leader, partner, clerk or province viewer sees it.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.scope import CommuneScopedQuerySet


class FundingSource(models.TextChoices):
    """Where money comes from: the budget lines of a campaign plan."""

    STATE = "state", _("State budget")
    MOBILISED = "mobilised", _("Mobilised from the community")  # xã hội hóa
    SPONSOR = "sponsor", _("Sponsors")


class Campaign(models.Model):
    class Kind(models.TextChoices):
        ACTION_MONTH = "action_month", _("Action Month for Children")
        FORUM = "children_forum", _("Children's Forum")
        MID_AUTUMN = "mid_autumn", _("Mid-Autumn Festival")
        OTHER = "other", _("Other campaign")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RUNNING = "running", _("Under way")
        FINISHED = "finished", _("Finished")
        CANCELLED = "cancelled", _("Cancelled")

    code = models.UUIDField(
        _("public id"), default=uuid.uuid4, unique=True, editable=False
    )
    commune = models.ForeignKey(
        "registry.Commune",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("commune"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=200)
    theme = models.CharField(
        _("theme"),
        max_length=300,
        blank=True,
        help_text=_("The year's theme, as the ministry announced it."),
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    launch_on = models.DateField(_("launch event on"), null=True, blank=True)
    launch_place = models.CharField(_("launch event place"), max_length=200, blank=True)
    budget_state = models.PositiveBigIntegerField(_("state budget (VND)"), default=0)
    budget_mobilised = models.PositiveBigIntegerField(
        _("mobilised from the community (VND)"), default=0
    )
    budget_sponsor = models.PositiveBigIntegerField(_("sponsors (VND)"), default=0)
    plan = models.TextField(_("plan"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    report_sent_on = models.DateField(_("result report sent on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = CommuneScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        indexes = [
            models.Index(
                fields=["commune", "-starts_on", "-id"], name="campaign_list_order"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="campaign_dates_in_order",
                violation_error_message=_("The campaign cannot end before it starts."),
            ),
            # Luật Trẻ em Điều 11: one Action Month a year.
            models.UniqueConstraint(
                fields=["commune", "year"],
                condition=Q(kind="action_month") & ~Q(status="cancelled"),
                name="campaign_one_action_month_a_year",
                violation_error_message=_(
                    "This commune already has an Action Month for that year."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def budget_total(self) -> int:
        return self.budget_state + self.budget_mobilised + self.budget_sponsor

    def budget_by_source(self) -> dict[str, int]:
        return {
            FundingSource.STATE: self.budget_state,
            FundingSource.MOBILISED: self.budget_mobilised,
            FundingSource.SPONSOR: self.budget_sponsor,
        }

    @property
    def is_forum(self) -> bool:
        return self.kind == self.Kind.FORUM

    @property
    def is_open(self) -> bool:
        """Cancelled and finished campaigns take no new records."""
        return self.status in (self.Status.PLANNED, self.Status.RUNNING)


class Forum(models.Model):
    """What the Children's Forum needs beyond a campaign (Thông tư 29/2019):
    the adults around the children, and what the children said."""

    campaign = models.OneToOneField(
        Campaign,
        on_delete=models.CASCADE,
        related_name="forum",
        verbose_name=_("campaign"),
    )
    commune = models.ForeignKey(
        "registry.Commune",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("commune"),
    )
    supervisors = models.PositiveSmallIntegerField(
        _("supervisors of the children"), default=0
    )
    volunteers = models.PositiveSmallIntegerField(_("volunteers"), default=0)
    guests = models.PositiveSmallIntegerField(_("officials and guests"), default=0)
    opinions = models.TextField(_("the children's opinions"), blank=True)
    recommendations = models.TextField(_("the children's recommendations"), blank=True)
    answers = models.TextField(
        _("answers and commitments of the authorities"), blank=True
    )

    objects = CommuneScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("children's forum")
        verbose_name_plural = _("children's forums")
        indexes = [models.Index(fields=["commune"], name="forum_commune")]

    def __str__(self) -> str:
        return str(self.campaign)


class ForumParticipant(models.Model):
    """A registered child taking part in a forum, with the written consent of a
    parent or legal representative (Thông tư 29/2019 Điều 8.1.a)."""

    code = models.UUIDField(
        _("public id"), default=uuid.uuid4, unique=True, editable=False
    )
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="forum_participants",
        verbose_name=_("campaign"),
    )
    commune = models.ForeignKey(
        "registry.Commune",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("commune"),
    )
    child = models.ForeignKey(
        "registry.Child",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("child"),
    )
    consent_by = models.CharField(
        _("consent given by (parent or legal representative)"), max_length=150
    )
    consent_on = models.DateField(_("written consent dated"))
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("added by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = CommuneScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("forum participant")
        verbose_name_plural = _("forum participants")
        indexes = [
            models.Index(fields=["commune", "campaign"], name="forumchild_campaign")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "child"],
                name="forumchild_once",
                violation_error_message=_("This child is already a participant."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.campaign_id}:{self.child_id}"
