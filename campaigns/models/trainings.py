"""Trainings attended by the commune's staff and collaborators (the seed plan's
"tập huấn nâng cao năng lực quản lý nhà nước về công tác trẻ em")."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.scope import CommuneScopedQuerySet
from campaigns.models.campaigns import Campaign


class Training(models.Model):
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
        null=True,
        blank=True,
        related_name="trainings",
        verbose_name=_("campaign"),
    )
    title = models.CharField(_("title"), max_length=250)
    organiser = models.CharField(
        _("organised by"),
        max_length=200,
        help_text=_("For example the provincial Department of Health."),
    )
    held_on = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1)
    place = models.CharField(_("place"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = CommuneScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        indexes = [
            models.Index(fields=["commune", "-held_on", "-id"], name="training_order")
        ]

    def __str__(self) -> str:
        return self.title


class TrainingAttendee(models.Model):
    class Kind(models.TextChoices):
        STAFF = "staff", _("Commune staff")
        COLLABORATOR = "collaborator", _("Collaborator or group leader")
        PARTNER = "partner", _("Partner organisation")
        OTHER = "other", _("Other")

    class Sex(models.TextChoices):
        MALE = "nam", _("Male")
        FEMALE = "nu", _("Female")

    code = models.UUIDField(
        _("public id"), default=uuid.uuid4, unique=True, editable=False
    )
    training = models.ForeignKey(
        Training,
        on_delete=models.CASCADE,
        related_name="attendees",
        verbose_name=_("training"),
    )
    commune = models.ForeignKey(
        "registry.Commune",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("commune"),
    )
    full_name = models.CharField(
        _("full name"), max_length=150, db_collation="vi-x-icu"
    )
    kind = models.CharField(_("attends as"), max_length=15, choices=Kind.choices)
    position = models.CharField(_("position"), max_length=150, blank=True)
    sex = models.CharField(_("sex"), max_length=5, choices=Sex.choices)

    objects = CommuneScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("training attendee")
        verbose_name_plural = _("training attendees")
        indexes = [
            models.Index(fields=["commune", "training"], name="attendee_training")
        ]

    def __str__(self) -> str:
        return self.full_name
