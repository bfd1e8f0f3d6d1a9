"""Cases: a child's path through NĐ 56/2017 Điều 25-32 (states and limits in
cases/workflow.py) and its timeline."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.scope import COMMUNE_WIDE_ROLES, user_scope
from cases.models.incidents import IncidentReport


class CaseStatus(models.TextChoices):
    RECEIVED = "received", _("Information received")  # Đ25, Mẫu 01
    INITIAL_ASSESSMENT = (
        "initial_assessment",
        _("Initial risk assessment"),
    )  # Đ26, Mẫu 02
    EMERGENCY = "emergency", _("Emergency intervention")  # Đ26.3, Đ31
    SEPARATION = "separation", _("Temporary separation")  # Đ32, Mẫu 07
    DETAILED_ASSESSMENT = "detailed_assessment", _("Detailed assessment")  # Đ27, Mẫu 03
    PLANNING = "planning", _("Drafting the support plan")  # Đ28.1, Mẫu 04
    AWAITING_APPROVAL = (
        "awaiting_approval",
        _("Plan awaiting approval"),
    )  # Đ28.4, Mẫu 05
    IN_PROGRESS = "in_progress", _("Plan being carried out")  # Đ29
    REVIEW = "review", _("Review")  # Đ30, Mẫu 06
    CLOSED = "closed", _("Closed")  # Đ30.1.b


class CaseQuerySet(models.QuerySet):
    def visible_to(self, user) -> "CaseQuerySet":
        """Officers (caseworkers) and chairmen of the commune. Partners will see
        the referrals sent to them, not the case; everyone else nothing."""
        scope = user_scope(user)
        return self.filter(commune_id__in=scope.communes_for(*COMMUNE_WIDE_ROLES))

    def open(self) -> "CaseQuerySet":
        return self.exclude(status="closed")

    def overdue(self, now) -> "CaseQuerySet":
        return self.open().filter(due_at__lt=now)


class Case(models.Model):
    """A child's case through NĐ 56/2017 Điều 25-32 (states in cases/workflow.py)."""

    class Level(models.TextChoices):
        # Luật Trẻ em Điều 47: the three levels of protection.
        PREVENTION = "phong_ngua", _("Prevention")
        SUPPORT = "ho_tro", _("Support")
        INTERVENTION = "can_thiep", _("Intervention")

    code = models.UUIDField(
        _("public id"), default=uuid.uuid4, unique=True, editable=False
    )
    commune = models.ForeignKey(
        "registry.Commune",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("commune"),
    )
    residential_group = models.ForeignKey(
        "registry.ResidentialGroup",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("residential group"),
    )
    child = models.ForeignKey(
        "registry.Child",
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("child"),
    )
    reports = models.ManyToManyField(
        IncidentReport,
        blank=True,
        related_name="cases",
        verbose_name=_("incident reports"),
    )
    level = models.CharField(
        _("protection level"), max_length=12, choices=Level.choices
    )
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("caseworker"),
    )
    status = models.CharField(
        _("step"),
        max_length=20,
        choices=CaseStatus.choices,
        default=CaseStatus.RECEIVED,
    )
    received_at = models.DateTimeField(_("information received at"))
    status_changed_at = models.DateTimeField(_("step started at"))
    due_at = models.DateTimeField(_("deadline"), null=True, blank=True)
    closed_reason = models.CharField(
        _("reason for closing"), max_length=250, blank=True
    )
    # Optimistic locking: a form carries the version it was read at.
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(_("opened at"), auto_now_add=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        indexes = [
            models.Index(fields=["commune", "status", "-created_at"], name="case_list"),
            models.Index(
                fields=["commune", "due_at"],
                name="case_open_due",
                condition=~Q(status="closed"),
            ),
            # The case list's keyset order (due_at nulls last, id).
            models.Index(fields=["commune", "due_at", "id"], name="case_list_due"),
            # Beat's reminder scan runs across communes, by deadline only.
            models.Index(
                fields=["due_at"],
                name="case_due_reminders",
                condition=~Q(status="closed"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display()} · {self.created_at:%d/%m/%Y}"

    @property
    def reference(self) -> str:
        """The case number people write and say: HS-<year opened>-<id>."""
        return f"HS-{self.created_at:%Y}-{self.pk:05d}"

    def is_overdue(self, now) -> bool:
        return self.status != "closed" and self.due_at is not None and self.due_at < now


class CaseEvent(models.Model):
    """The case's timeline: transitions and edits, with who and when."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    commune = models.ForeignKey(
        "registry.Commune", on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    # What happened when it is not a move: "assessment.m02", "plan.submitted", …
    action = models.CharField(max_length=40, blank=True)
    old_status = models.CharField(max_length=20, choices=CaseStatus.choices, blank=True)
    new_status = models.CharField(max_length=20, choices=CaseStatus.choices, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.old_status} → {self.new_status}"
