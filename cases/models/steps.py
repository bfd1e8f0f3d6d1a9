"""What each step of a case records: the risk assessments (Mẫu 02 / 06), the
detailed assessment (Mẫu 03), the needs meeting (biên bản), the plan (Mẫu 04) and
the follow-up visits (NĐ 56/2017 Điều 26-30, DOMAIN.md §5).

Every row carries the commune of its case so that scoping and indexes start there.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from cases.models.cases import Case


class RiskForm(models.TextChoices):
    INITIAL = "m02", _("Initial risk assessment (Form 02)")
    FINAL = "m06", _("Review after the plan (Form 06)")


class RiskLevel(models.TextChoices):
    HIGH = "cao", _("High")
    MEDIUM = "trung_binh", _("Medium")
    LOW = "thap", _("Low")


class RiskCriterion(models.Model):
    """One question of Mẫu 02 or Mẫu 06, kept by the administrator (the decree's
    annex is not fully known: DOMAIN.md §5.4 ❓)."""

    class Section(models.TextChoices):
        HARM = "harm", _("Harm to the child")
        SELF_PROTECTION = (
            "self",
            _("The child's capacity to protect themself and recover"),
        )

    form = models.CharField(_("form"), max_length=3, choices=RiskForm.choices)
    section = models.CharField(_("section"), max_length=4, choices=Section.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    question = models.CharField(_("question"), max_length=300)
    high = models.CharField(_("what “High” means"), max_length=300, blank=True)
    medium = models.CharField(_("what “Medium” means"), max_length=300, blank=True)
    low = models.CharField(_("what “Low” means"), max_length=300, blank=True)
    # DOMAIN.md §5.4: suggest (never decide) an emergency when such a question is High.
    suggests_emergency = models.BooleanField(
        _("“High” suggests an emergency"), default=False
    )
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("risk criterion")
        verbose_name_plural = _("risk criteria")
        ordering = ["form", "section", "order", "pk"]

    def __str__(self) -> str:
        return self.question

    def description(self, level: str) -> str:
        return {RiskLevel.HIGH: self.high, RiskLevel.MEDIUM: self.medium}.get(
            level, self.low
        )


class RiskAssessment(models.Model):
    """A filled Mẫu 02 (initial) or Mẫu 06 (final): counts per level, the app's
    suggestion and the caseworker's own conclusion."""

    class Conclusion(models.TextChoices):
        EMERGENCY = "emergency", _("Apply emergency intervention")
        NO_EMERGENCY = "no_emergency", _("No emergency intervention")
        CLOSE = "close", _("Safe and stable: propose closing the case")
        CONTINUE = "continue", _("Still at risk: plan again")

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="risk_assessments"
    )
    commune = models.ForeignKey(
        "registry.Commune", on_delete=models.PROTECT, related_name="+"
    )
    form = models.CharField(_("form"), max_length=3, choices=RiskForm.choices)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("assessed by"),
    )
    assessed_at = models.DateTimeField(_("assessed at"), auto_now_add=True)
    high_count = models.PositiveSmallIntegerField(_("High"), default=0)
    medium_count = models.PositiveSmallIntegerField(_("Medium"), default=0)
    low_count = models.PositiveSmallIntegerField(_("Low"), default=0)
    emergency_suggested = models.BooleanField(_("emergency suggested"), default=False)
    conclusion = models.CharField(
        _("conclusion"), max_length=12, choices=Conclusion.choices
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("risk assessment")
        verbose_name_plural = _("risk assessments")
        ordering = ["assessed_at", "pk"]
        indexes = [models.Index(fields=["commune", "case"], name="riskassess_case")]

    def __str__(self) -> str:
        return self.get_form_display()


class RiskAnswer(models.Model):
    assessment = models.ForeignKey(
        RiskAssessment, on_delete=models.CASCADE, related_name="answers"
    )
    criterion = models.ForeignKey(
        RiskCriterion, on_delete=models.PROTECT, related_name="+"
    )
    level = models.CharField(_("level"), max_length=10, choices=RiskLevel.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "criterion"], name="riskanswer_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.level}"


# Mẫu 03 / Điều 27.1: eight sections, a b c d đ e g h (the Vietnamese alphabet).
DETAILED_SECTIONS = (
    ("physical", "a"),
    ("family", "b"),
    ("risk_factors", "c"),
    ("learning", "d"),
    ("community", "đ"),
    ("needs", "e"),
    ("child_views", "g"),
    ("caregiver_views", "h"),
)


class DetailedAssessment(models.Model):
    """Mẫu 03: collected information and the specific risk assessment (Đ27.1)."""

    case = models.OneToOneField(
        Case, on_delete=models.CASCADE, related_name="detailed_assessment"
    )
    commune = models.ForeignKey(
        "registry.Commune", on_delete=models.PROTECT, related_name="+"
    )
    physical = models.TextField(
        _("a) The child's physical, psychological and emotional state"), blank=True
    )
    family = models.TextField(
        _(
            "b) Family circumstances, relationships and the family's capacity to protect the child"
        ),
        blank=True,
    )
    risk_factors = models.TextField(
        _("c) What may lead to the child being harmed, or harmed again"), blank=True
    )
    learning = models.TextField(
        _("d) Schooling, ability to learn and to protect themself"), blank=True
    )
    community = models.TextField(
        _("đ) Safety and support in the community"), blank=True
    )
    needs = models.TextField(
        _(
            "e) Needs: health care, social assistance, education, legal aid, counselling, psychological therapy"
        ),
        blank=True,
    )
    child_views = models.TextField(_("g) The child's views and wishes"), blank=True)
    caregiver_views = models.TextField(
        _("h) The views and wishes of the parents or caregiver"), blank=True
    )
    # Đ27.1.h: the caregiver's views are not asked when they are the perpetrator.
    caregiver_is_perpetrator = models.BooleanField(
        _("the parent or caregiver harmed the child"), default=False
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("written by"),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("detailed assessment")
        verbose_name_plural = _("detailed assessments")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)

    @property
    def is_complete(self) -> bool:
        return bool(self.physical.strip() and self.needs.strip())


class NeedsMeeting(models.Model):
    """The minutes (biên bản) of the meeting that decides the measures (Đ27.2)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="meetings")
    commune = models.ForeignKey(
        "registry.Commune", on_delete=models.PROTECT, related_name="+"
    )
    held_at = models.DateTimeField(_("held at"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    chaired_by = models.CharField(_("chaired by"), max_length=150)
    participants = models.TextField(_("participants"))
    opinions = models.TextField(
        _("views of the child, the parents or caregiver"), blank=True
    )
    decisions = models.TextField(_("measures agreed"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("minutes taken by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("needs meeting")
        verbose_name_plural = _("needs meetings")
        ordering = ["held_at", "pk"]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.held_at:%d/%m/%Y}"


class SupportPlan(models.Model):
    """Mẫu 04. An adjustment is a new revision; the approved revision in force is
    the latest approved one (Đ29.2)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for approval")
        APPROVED = "approved", _("Approved")
        SUPERSEDED = "superseded", _("Replaced by an adjustment")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="plans")
    commune = models.ForeignKey(
        "registry.Commune", on_delete=models.PROTECT, related_name="+"
    )
    revision = models.PositiveSmallIntegerField(_("revision"), default=1)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    goal = models.TextField(_("goal of the plan"))
    adjustment_reason = models.TextField(_("why the plan is adjusted"), blank=True)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("drafted by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("support plan")
        verbose_name_plural = _("support plans")
        ordering = ["revision"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "revision"], name="plan_revision_once"
            ),
            # At most one plan being written or waiting at a time.
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(status__in=["draft", "submitted"]),
                name="plan_one_open",
            ),
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.revision}"

    @property
    def total_budget(self) -> int:
        return sum(item.budget_vnd for item in self.items.all())


class Service(models.TextChoices):
    """The measures of Luật Trẻ em Điều 49 (support) and Điều 50 (intervention)
    used as the plan's checklist (DOMAIN.md §4)."""

    HT_A = "ht_a", _("Support a) Warning and counselling about risks")
    HT_B = "ht_b", _("Support b) Receiving information and assessing the harm")
    HT_C = "ht_c", _("Support c) Support for a child in special circumstances")
    HT_D = "ht_d", _("Support d) Access to social assistance and other help")
    CT_A = (
        "ct_a",
        _("Intervention a) Medical care, therapy, physical and mental recovery"),
    )
    CT_B = "ct_b", _("Intervention b) Safe shelter, separation from the harm")
    CT_C = "ct_c", _("Intervention c) Temporary or long-term alternative care")
    CT_D = "ct_d", _("Intervention d) Family reunion, return to school and community")
    CT_DD = "ct_dd", _("Intervention đ) Counselling and knowledge for the parents")
    CT_E = "ct_e", _("Intervention e) Legal counselling and legal aid")
    CT_G = "ct_g", _("Intervention g) Other support measures of the Law")
    CT_H = "ct_h", _("Intervention h) Following the child's safety")
    OTHER = "other", _("Other")


class PlanItem(models.Model):
    """One row of Mẫu 04 (Đ28.3 a-d)."""

    plan = models.ForeignKey(
        SupportPlan, on_delete=models.CASCADE, related_name="items"
    )
    commune = models.ForeignKey(
        "registry.Commune", on_delete=models.PROTECT, related_name="+"
    )
    service = models.CharField(_("service"), max_length=6, choices=Service.choices)
    description = models.CharField(_("task"), max_length=300)
    start_on = models.DateField(_("start"))
    expected_end_on = models.DateField(_("expected end"))
    organisation = models.CharField(
        _("responsible organisation"),
        max_length=20,
        choices=Organisation.choices,
        blank=True,
    )
    person = models.CharField(_("responsible person"), max_length=150, blank=True)
    provider = models.CharField(_("service provider"), max_length=200, blank=True)
    budget_vnd = models.PositiveBigIntegerField(_("budget (VND)"), default=0)

    class Meta:
        verbose_name = _("plan row")
        verbose_name_plural = _("plan rows")
        ordering = ["start_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expected_end_on__gte=models.F("start_on")),
                name="planitem_end_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.description


class FollowUp(models.Model):
    """A visit or check while the plan runs and at review (Đ29.2, Đ30)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="followups")
    commune = models.ForeignKey(
        "registry.Commune", on_delete=models.PROTECT, related_name="+"
    )
    visited_on = models.DateField(_("date of the visit"))
    visited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("visited by"),
    )
    child_state = models.TextField(_("how the child is"))
    notes = models.TextField(_("notes and next steps"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow-up visit")
        verbose_name_plural = _("follow-up visits")
        ordering = ["visited_on", "pk"]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.visited_on:%d/%m/%Y}"


# Đ32.3; longer only at a competent body's request, which is a new decision.
MAX_SEPARATION = datetime.timedelta(days=15)


class Separation(models.Model):
    """Mẫu 07: the chairman's decision to separate the child temporarily from the
    parents or caregiver (Đ32): at most 15 days, alternative care at once."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="separations")
    commune = models.ForeignKey(
        "registry.Commune", on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("reason for the separation"))
    separated_from = models.CharField(
        _("separated from (parent or caregiver)"), max_length=200
    )
    shelter = models.CharField(_("safe place"), max_length=250)
    carer = models.CharField(_("temporary carer"), max_length=200)
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("decided by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("temporary separation")
        verbose_name_plural = _("temporary separations")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at"))
                & Q(ends_at__lte=models.F("starts_at") + MAX_SEPARATION),
                name="separation_at_most_15_days",
            )
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.starts_at:%d/%m/%Y}"
