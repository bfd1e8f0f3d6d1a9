"""The child-friendly commune self-assessment (QĐ 06/QĐ-TTg, DOMAIN.md §8).

The criteria, their indicators, points and thresholds are data an administrator
keeps, versioned by `CriteriaSet.valid_from`: the official annex has not been
checked (DOMAIN.md §8.1 ❓) and a 2024 draft would replace the decision. An
assessment scores one commune for one year against the set in force; the
recognition rule itself is reports/childfriendly/rules.py.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from accounts.scope import CommuneScopedQuerySet
from registry.models import Commune
from reports.models.documents import GeneratedDocument

Terrain = Commune.Terrain


class CriteriaSet(models.Model):
    """One version of the criteria (a decision, or its replacement)."""

    name = models.CharField(_("name"), max_length=200)
    legal_basis = models.CharField(_("legal basis"), max_length=300)
    valid_from = models.DateField(
        _("valid from"),
        unique=True,
        help_text=_("Assessments of a year use the latest set valid by 31/12."),
    )
    # QĐ 06/QĐ-TTg: points needed for recognition by the commune's terrain type
    # (registry Commune.Terrain, DOMAIN.md §8.2 ✅).
    threshold_phuong_tp_tw = models.PositiveSmallIntegerField(
        _("threshold: ward of a centrally-run city"), default=900
    )
    threshold_mien_nui = models.PositiveSmallIntegerField(
        _("threshold: mountain, island or extremely difficult commune"), default=800
    )
    threshold_con_lai = models.PositiveSmallIntegerField(
        _("threshold: other communes and wards"), default=850
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("child-friendly criteria set")
        verbose_name_plural = _("child-friendly criteria sets")
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return self.name

    @property
    def thresholds(self) -> dict[str, int]:
        """Points needed by terrain type (registry Commune.Terrain values)."""
        return {
            Terrain.PHUONG_TP_TW: self.threshold_phuong_tp_tw,
            Terrain.MIEN_NUI_HAI_DAO_DBKK: self.threshold_mien_nui,
            Terrain.CON_LAI: self.threshold_con_lai,
        }


class Criterion(models.Model):
    criteria_set = models.ForeignKey(
        CriteriaSet,
        on_delete=models.CASCADE,
        related_name="criteria",
        verbose_name=_("criteria set"),
    )
    number = models.PositiveSmallIntegerField(
        _("number"), validators=[MinValueValidator(1)]
    )
    code = models.CharField(_("code"), max_length=40)
    title = models.CharField(_("title"), max_length=300)
    max_points = models.PositiveSmallIntegerField(
        _("maximum points"),
        null=True,
        blank=True,
        help_text=_("Empty while the official figure is not known."),
    )
    min_points = models.PositiveSmallIntegerField(
        _("points to meet the criterion"),
        null=True,
        blank=True,
        help_text=_(
            "Empty: the criterion is met once every indicator is scored and it "
            "has more than 0 points."
        ),
    )
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["criteria_set", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["criteria_set", "number"], name="cfcriterion_number_once"
            ),
            models.CheckConstraint(
                condition=Q(min_points__isnull=True)
                | Q(max_points__isnull=True)
                | Q(min_points__lte=models.F("max_points")),
                name="cfcriterion_min_within_max",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Indicator(models.Model):
    """One scored line of a criterion ("chỉ tiêu")."""

    class Method(models.TextChoices):
        COMPUTED = "computed", _("Computed from the database")
        ENTERED = "entered", _("Entered with evidence")

    class Comparison(models.TextChoices):
        AT_LEAST = "gte", "≥"
        AT_MOST = "lte", "≤"
        EQUAL = "eq", "="

    criterion = models.ForeignKey(
        Criterion,
        on_delete=models.CASCADE,
        related_name="indicators",
        verbose_name=_("criterion"),
    )
    number = models.PositiveSmallIntegerField(_("order"), default=1)
    code = models.CharField(_("code"), max_length=40)
    text = models.TextField(_("text"))
    points = models.PositiveSmallIntegerField(
        _("points"),
        null=True,
        blank=True,
        help_text=_("Empty while the official figure is not known."),
    )
    method = models.CharField(
        _("how it is measured"), max_length=10, choices=Method.choices
    )
    source_code = models.CharField(
        _("statistical indicator read"),
        max_length=80,
        blank=True,
        help_text=_("A code of docs/indicators.md, e.g. hcdb.supported_pct."),
    )
    # The rule that gives the points: value <comparison> threshold gives all of
    # them, otherwise 0. Without a rule the officer awards the points.
    comparison = models.CharField(
        _("rule"), max_length=3, choices=Comparison.choices, blank=True
    )
    threshold = models.DecimalField(
        _("threshold"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(_("unit"), max_length=10, blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["criterion", "number", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["criterion", "code"], name="cfindicator_code_once"
            ),
            models.CheckConstraint(
                condition=Q(method="entered") | ~Q(source_code=""),
                name="cfindicator_computed_has_source",
            ),
            models.CheckConstraint(
                condition=Q(comparison="", threshold__isnull=True)
                | (~Q(comparison="") & Q(threshold__isnull=False)),
                name="cfindicator_rule_whole",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:60]}"

    def clean(self) -> None:
        from reports.indicators.codes import all_value_codes

        if self.method == self.Method.COMPUTED and (
            self.source_code not in all_value_codes()
        ):
            raise ValidationError(
                {"source_code": _("Give a code of the statistical indicators.")}
            )
        if bool(self.comparison) != (self.threshold is not None):
            raise ValidationError(
                {"threshold": _("A rule needs both its comparison and its threshold.")}
            )

    @property
    def has_rule(self) -> bool:
        return bool(self.comparison) and self.threshold is not None

    @property
    def rule_display(self) -> str:
        """ "≥ 95 %" """
        if not self.has_rule:
            return ""
        number = f"{self.threshold.normalize():f}"
        return f"{self.get_comparison_display()} {number} {self.unit}".strip()


class AssessmentQuerySet(CommuneScopedQuerySet):
    # Counts and evidence of the commune's work, no child's record: the clerk,
    # who files the dossier, reads it too.
    commune_wide_roles = frozenset({Role.OFFICER, Role.CHAIRMAN, Role.CLERK})


class Assessment(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for approval")
        APPROVED = "approved", _("Approved")

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
    criteria_set = models.ForeignKey(
        CriteriaSet,
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("criteria set"),
    )
    # The commune's terrain type when last computed: it picks the threshold.
    terrain = models.CharField(_("terrain type"), max_length=15)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    data_from = models.DateField(_("data from"))
    data_to = models.DateField(_("data to"))
    computed_at = models.DateTimeField(_("computed at"), null=True, blank=True)
    meeting_on = models.DateField(_("meeting date"), null=True, blank=True)
    meeting_place = models.CharField(_("meeting place"), max_length=200, blank=True)
    meeting_chair = models.CharField(_("chaired by"), max_length=150, blank=True)
    meeting_secretary = models.CharField(_("secretary"), max_length=150, blank=True)
    meeting_attendees = models.TextField(_("attendees"), blank=True)
    meeting_discussion = models.TextField(_("opinions and discussion"), blank=True)
    # Written at approval, so lists need not recompute the result.
    total_points = models.PositiveIntegerField(_("total points"), null=True, blank=True)
    recognised = models.BooleanField(
        _("meets the recognition rule"), null=True, blank=True
    )
    evaluation_document = models.ForeignKey(
        GeneratedDocument,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    minutes_document = models.ForeignKey(
        GeneratedDocument,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("child-friendly self-assessment")
        verbose_name_plural = _("child-friendly self-assessments")
        ordering = ["-year", "commune"]
        constraints = [
            models.UniqueConstraint(
                fields=["commune", "year"], name="cfassessment_once_a_year"
            ),
            models.CheckConstraint(
                condition=~Q(status="approved")
                | Q(approved_at__isnull=False, recognised__isnull=False),
                name="cfassessment_approved_has_result",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.commune} {self.year}"

    @property
    def is_editable(self) -> bool:
        return self.status != self.Status.APPROVED


class Score(models.Model):
    """The value and points of one indicator in one assessment."""

    class Source(models.TextChoices):
        COMPUTED = "computed", _("Computed")
        ENTERED = "entered", _("Entered")

    code = models.UUIDField(
        _("public id"), default=uuid.uuid4, unique=True, editable=False
    )
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="scores"
    )
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    commune = models.ForeignKey(
        "registry.Commune", on_delete=models.PROTECT, related_name="+"
    )
    value = models.DecimalField(
        _("value"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    points = models.PositiveSmallIntegerField(_("points"), null=True, blank=True)
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, blank=True
    )
    evidence = models.TextField(_("evidence"), blank=True)
    attachment = models.FileField(
        _("attached evidence"), upload_to="childfriendly/evidence/%Y/", blank=True
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    entered_at = models.DateTimeField(_("entered at"), null=True, blank=True)

    objects = CommuneScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "indicator"], name="cfscore_once"
            ),
            models.CheckConstraint(
                condition=~Q(source="entered") | ~Q(evidence=""),
                name="cfscore_entered_has_evidence",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assessment_id}/{self.indicator_id}: {self.points}"
