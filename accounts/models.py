"""Users, their role assignments, and the append-only audit log."""

import pgtrigger
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who signs in. Vietnamese names are kept whole, never split."""

    first_name = None
    last_name = None
    full_name = models.CharField(
        _("full name"), max_length=150, db_collation="vi-x-icu"
    )

    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.username

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        # The given name is the last word of a Vietnamese name.
        return self.full_name.split()[-1] if self.full_name else self.username


class Role(models.TextChoices):
    OFFICER = "officer", _("Culture-social officer")
    CHAIRMAN = "chairman", _("Commune chairman")
    GROUP_LEADER = "group_leader", _("Residential group leader")
    PARTNER = "partner", _("Partner organisation")
    CLERK = "clerk", _("Records clerk")
    PROVINCE_VIEWER = "province_viewer", _("Province viewer")
    ADMIN = "admin", _("Administrator")


class Organisation(models.TextChoices):
    """The partner organisations of the seed plan's §III (Trạm Y tế, Công an, …)."""

    HEALTH_STATION = "health_station", _("Health station")
    POLICE = "police", _("Commune police")
    JUSTICE = "justice", _("Justice and civil status")
    SCHOOL = "school", _("School")
    WOMEN_UNION = "women_union", _("Women's Union")
    YOUTH_UNION = "youth_union", _("Youth Union")
    FRONT = "front", _("Fatherland Front and mass organisations")
    OTHER = "other", _("Other organisation")


class Assignment(models.Model):
    """One role a user holds in one commune (a province for province viewers).

    A group leader's group must belong to the same commune: the migration adds a
    composite foreign key (residential_group, commune) for that.
    """

    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="assignments",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    province = models.ForeignKey(
        "registry.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("province"),
    )
    commune = models.ForeignKey(
        "registry.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("commune"),
    )
    residential_group = models.ForeignKey(
        "registry.ResidentialGroup",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("residential group"),
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=20,
        choices=Organisation.choices,
        blank=True,
        help_text=_("For partners: the organisation they act for."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        role=Role.PROVINCE_VIEWER,
                        province__isnull=False,
                        commune__isnull=True,
                    )
                    | (
                        ~Q(role=Role.PROVINCE_VIEWER)
                        & Q(province__isnull=True, commune__isnull=False)
                    )
                ),
                name="assignment_place_matches_role",
                violation_error_message=_(
                    "A province viewer needs a province; every other role needs a commune."
                ),
            ),
            models.CheckConstraint(
                condition=(
                    Q(role=Role.GROUP_LEADER, residential_group__isnull=False)
                    | (~Q(role=Role.GROUP_LEADER) & Q(residential_group__isnull=True))
                ),
                name="assignment_group_only_for_leaders",
                violation_error_message=_(
                    "A group leader needs a residential group; other roles have none."
                ),
            ),
            models.CheckConstraint(
                condition=Q(role=Role.PARTNER) | Q(organisation=""),
                name="assignment_organisation_only_for_partners",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "province", "commune", "residential_group"],
                nulls_distinct=False,
                name="assignment_unique",
            ),
        ]
        indexes = [
            models.Index(fields=["commune", "role"], name="assignment_commune_role")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()}"


class AuditEntry(models.Model):
    """Who did what to which record, when and from where.

    Append-only: a database trigger refuses UPDATE and DELETE. Rows carry ids and
    action codes, never a child's name or a case narrative.
    """

    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    roles = models.CharField(_("roles"), max_length=200, blank=True)
    action = models.CharField(_("action"), max_length=60)
    object_type = models.CharField(_("object type"), max_length=80, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    commune = models.ForeignKey(
        "registry.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("commune"),
    )
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [
            models.Index(fields=["commune", "-at"], name="audit_commune_at"),
            models.Index(fields=["user", "-at"], name="audit_user_at"),
        ]
        triggers = [
            pgtrigger.Protect(
                name="audit_append_only",
                operation=pgtrigger.Update | pgtrigger.Delete,
            )
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"


class Notification(models.Model):
    """One in-app notice for one user. Titles carry the kind of event, the group and
    a severity label only, never a child's name or a narrative (NĐ 56 Điều 24)."""

    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("user"),
    )
    commune = models.ForeignKey(
        "registry.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("commune"),
    )
    kind = models.CharField(_("kind"), max_length=40)
    title = models.CharField(_("title"), max_length=250)
    url = models.CharField(_("link"), max_length=250, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(
                fields=["user", "read_at", "-created_at"], name="notification_user"
            )
        ]

    def __str__(self) -> str:
        return self.title


class OutboxMessage(models.Model):
    """An e-mail waiting to go out. Written in the same transaction as the event, so
    nothing is lost if the broker is down; a beat task drains what is unsent."""

    notification = models.ForeignKey(
        Notification,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    to_email = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=250)
    body = models.TextField(_("body"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # Not before this time: a claimed row is leased, a failed one backs off.
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [
            models.Index(
                fields=["created_at"],
                name="outbox_unsent",
                condition=Q(sent_at__isnull=True),
            )
        ]

    def __str__(self) -> str:
        return f"{self.to_email}: {self.subject}"
