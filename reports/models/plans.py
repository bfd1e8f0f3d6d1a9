"""The commune's annual child-work plan ("KẾ HOẠCH", the seed is one): its texts,
its measurable targets, each read from an indicator of the annex, its content
areas and the tasks of each organisation (issue #7, item 1).

draft → adopted (the clerk gives the number of the commune's yearly sequence and
the date) → superseded (by an adopted new version). An adopted plan is never
edited. Every row carries the commune, the scope and future distribution key.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from accounts.scope import CommuneScopedQuerySet
from reports.indicators.codes import INDICATORS
from reports.models.documents import GeneratedDocument


def target_codes() -> dict[str, str]:
    """The keys of Annex.values() a target may measure, with their labels: each
    indicator's total and, when it has a denominator, its percentage."""
    codes = {}
    for indicator in INDICATORS.values():
        codes[indicator.code] = indicator.label
        if indicator.percent_of:
            codes[f"{indicator.code}_pct"] = f"{indicator.label} (%)"
    return codes


def validate_target_code(value: str) -> None:
    # A validator, not field choices: the catalogue grows, and choices on the
    # field would make every new code a migration.
    if value not in target_codes():
        raise ValidationError(
            _("%(code)s is not an indicator of the annex."), params={"code": value}
        )


def is_percent_code(code: str) -> bool:
    return code.endswith("_pct")


class AnnualPlanQuerySet(CommuneScopedQuerySet):
    # The clerk numbers adopted plans, so sees them; a plan holds no child data.
    commune_wide_roles = frozenset({Role.OFFICER, Role.CHAIRMAN, Role.CLERK})


class AnnualPlan(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ADOPTED = "adopted", _("Adopted")
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
    year = models.PositiveSmallIntegerField(_("year"))
    # Texts are Vietnamese data printed as typed: the plan is an official document.
    title = models.CharField(_("title"), max_length=250)
    legal_bases = models.TextField(
        _("legal bases"), blank=True, help_text=_("One per line.")
    )
    objectives = models.TextField(_("purpose"), blank=True)
    requirements = models.TextField(
        _("other requirements"),
        blank=True,
        help_text=_("Printed after the targets; one per line."),
    )
    closing = models.TextField(_("closing paragraph"), blank=True)
    recipients = models.TextField(
        _("recipients (Nơi nhận)"), blank=True, help_text=_("One per line.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # The PDF of the current text; cleared when the text changes, so a plan is
    # adopted only from a PDF of what it says.
    document = models.ForeignKey(
        GeneratedDocument,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("adopted by"),
    )
    copied_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("copied from"),
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
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = AnnualPlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("annual plan")
        verbose_name_plural = _("annual plans")
        ordering = ["-year", "-pk"]
        indexes = [
            models.Index(fields=["commune", "-year", "-id"], name="plan_commune_year")
        ]
        constraints = [
            # One plan worked on and one in force per commune and year; a new
            # version is a draft beside the adopted one until it is adopted.
            models.UniqueConstraint(
                fields=["commune", "year"],
                condition=Q(status="draft"),
                name="plan_one_draft_per_year",
            ),
            models.UniqueConstraint(
                fields=["commune", "year"],
                condition=Q(status="adopted"),
                name="plan_one_adopted_per_year",
            ),
            models.CheckConstraint(
                condition=Q(status="draft")
                | Q(number__isnull=False, adopted_on__isnull=False),
                name="plan_adopted_has_number",
            ),
        ]

    def __str__(self) -> str:
        return _("Annual plan %(year)s") % {"year": self.year}

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT


class PlanTarget(models.Model):
    """ "Phấn đấu 100% trẻ em có hoàn cảnh đặc biệt được bảo vệ…": printed as
    lead, target, label; measured by one figure of the annex."""

    class Comparison(models.TextChoices):
        AT_LEAST = "gte", _("at least (≥)")
        AT_MOST = "lte", _("at most (≤)")

    commune = models.ForeignKey(
        "registry.Commune", on_delete=models.PROTECT, related_name="+"
    )
    plan = models.ForeignKey(
        AnnualPlan, on_delete=models.CASCADE, related_name="targets"
    )
    indicator = models.CharField(
        _("measured by"), max_length=80, validators=[validate_target_code]
    )
    lead = models.CharField(
        _("lead words"),
        max_length=60,
        default="Phấn đấu",
        help_text=_("The words before the figure, e.g. “Phấn đấu”, “Đảm bảo”."),
    )
    label = models.CharField(_("target"), max_length=400)
    target = models.DecimalField(_("target value"), max_digits=12, decimal_places=1)
    comparison = models.CharField(
        _("comparison"),
        max_length=3,
        choices=Comparison.choices,
        default=Comparison.AT_LEAST,
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("plan target")
        verbose_name_plural = _("plan targets")
        ordering = ["order", "pk"]
        indexes = [models.Index(fields=["commune", "plan"], name="plantarget_plan")]
        constraints = [
            models.CheckConstraint(
                condition=Q(target__gte=0), name="plantarget_not_negative"
            )
        ]

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        if (
            is_percent_code(self.indicator)
            and self.target is not None
            and self.target > 100
        ):
            raise ValidationError({"target": _("A percentage cannot be above 100.")})

    @property
    def is_percent(self) -> bool:
        return is_percent_code(self.indicator)


class PlanContentArea(models.Model):
    """One heading of "II. NỘI DUNG" with its paragraphs."""

    commune = models.ForeignKey(
        "registry.Commune", on_delete=models.PROTECT, related_name="+"
    )
    plan = models.ForeignKey(AnnualPlan, on_delete=models.CASCADE, related_name="areas")
    title = models.CharField(_("heading"), max_length=400)
    body = models.TextField(_("content"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("content area")
        verbose_name_plural = _("content areas")
        ordering = ["order", "pk"]
        indexes = [models.Index(fields=["commune", "plan"], name="planarea_plan")]

    def __str__(self) -> str:
        return self.title


class PlanTask(models.Model):
    """What one organisation does ("III. TỔ CHỨC THỰC HIỆN")."""

    class Organisation(models.TextChoices):
        CULTURE_SOCIAL = "culture_social", _("Culture and social affairs")
        HEALTH_STATION = "health_station", _("Health station")
        RADIO = "radio", _("Radio station")
        JUSTICE = "justice", _("Justice and civil status")
        POLICE = "police", _("Police")
        FRONT = "front", _("Fatherland Front and mass organisations")
        SCHOOLS = "schools", _("Schools")
        RESIDENTIAL_GROUPS = "residential_groups", _("Residential groups and villages")

    commune = models.ForeignKey(
        "registry.Commune", on_delete=models.PROTECT, related_name="+"
    )
    plan = models.ForeignKey(AnnualPlan, on_delete=models.CASCADE, related_name="tasks")
    organisation = models.CharField(
        _("organisation"), max_length=20, choices=Organisation.choices
    )
    heading = models.CharField(
        _("heading as printed"),
        max_length=250,
        help_text=_("E.g. “Đề nghị Ủy ban MTTQ Việt Nam và các đoàn thể xã”."),
    )
    body = models.TextField(_("tasks"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("plan task")
        verbose_name_plural = _("plan tasks")
        ordering = ["order", "pk"]
        indexes = [models.Index(fields=["commune", "plan"], name="plantask_plan")]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "organisation"], name="plantask_one_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return self.heading
