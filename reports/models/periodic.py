"""Periodic reports: draft → ready → issued, numbered by the clerk, frozen at issue
and only ever superseded by a new version (DOMAIN.md §9, §10; NĐ 30 Đ15)."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from accounts.scope import CommuneScopedQuerySet
from reports.models.config import ReportKind
from reports.models.documents import GeneratedDocument

NARRATIVE_SECTIONS = (
    ("situation", "I. Đặc điểm tình hình"),
    ("results", "II. Kết quả thực hiện"),
    ("shortcomings", "III. Tồn tại, hạn chế, nguyên nhân"),
    ("next_steps", "IV. Phương hướng, nhiệm vụ kỳ tới"),
    ("recommendations", "V. Kiến nghị, đề xuất"),
)


def verification_code() -> str:
    """Eight characters a person can read out: no 0/O, 1/I/L."""
    alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
    return "".join(secrets.choice(alphabet) for _ in range(8))


class PeriodicReportQuerySet(CommuneScopedQuerySet):
    # The clerk issues reports, so sees them; they hold counts only, no names.
    commune_wide_roles = frozenset({Role.OFFICER, Role.CHAIRMAN, Role.CLERK})


class PeriodicReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        READY = "ready", _("Ready to issue")
        ISSUED = "issued", _("Issued")
        SUPERSEDED = "superseded", _("Superseded by a new version")

    code = models.UUIDField(
        _("public id"), default=uuid.uuid4, unique=True, editable=False
    )
    commune = models.ForeignKey(
        "registry.Commune",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("commune"),
    )
    kind = models.CharField(_("report"), max_length=15, choices=ReportKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    data_from = models.DateField(_("data from"))
    data_to = models.DateField(_("data to"))
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    narrative = models.JSONField(_("narrative"), default=dict, blank=True)
    # The annex as computed for the current draft; frozen once issued.
    annex = models.JSONField(_("statistical annex"), default=dict, blank=True)
    annex_computed_at = models.DateTimeField(null=True, blank=True)
    document = models.ForeignKey(
        GeneratedDocument,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    verification = models.CharField(
        _("verification code"), max_length=8, unique=True, default=verification_code
    )
    supersedes = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    reminded_on = models.DateField(null=True, blank=True, editable=False)

    objects = PeriodicReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("periodic report")
        verbose_name_plural = _("periodic reports")
        ordering = ["-year", "-data_to", "-pk"]
        indexes = [
            models.Index(fields=["commune", "-data_to"], name="preport_commune_period"),
            models.Index(
                fields=["due_on"],
                name="preport_due_open",
                condition=Q(status__in=["draft", "ready"]),
            ),
        ]
        constraints = [
            # One version being worked on per report and period.
            models.UniqueConstraint(
                fields=["commune", "kind", "data_from", "data_to"],
                condition=Q(status__in=["draft", "ready"]),
                name="preport_one_open_version",
            ),
            models.CheckConstraint(
                condition=~Q(status="issued")
                | Q(number__isnull=False, issued_on__isnull=False),
                name="preport_issued_has_number",
            ),
            models.CheckConstraint(
                condition=Q(data_to__gte=models.F("data_from")),
                name="preport_period_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}"

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.READY)


class NumberSequence(models.Model):
    """One numbering sequence per commune per year across document types (NĐ 30
    Điều 15): the row is locked while a number is given, so numbers are unique and
    without gaps even when two clerks issue at once."""

    commune = models.ForeignKey(
        "registry.Commune", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["commune", "year"], name="numberseq_once")
        ]

    def __str__(self) -> str:
        return f"{self.commune_id}/{self.year}: {self.last_number}"
