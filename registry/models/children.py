"""Households, children, their caregivers and special circumstances.

Every row carries `commune` and, where a group owns it, `residential_group`
(DESIGN.md §3). Children are never hard-deleted by users: they change status
(moved away, aged out, deceased) or, when entered by mistake, are soft-deleted
and vanish from every list and count through the default manager.
"""

import datetime
import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.scope import CommuneScopedQuerySet
from registry.circumstances import SUBGROUP_CHOICES, CircumstanceGroup
from registry.validators import validate_personal_id_format

CHILD_AGE_LIMIT = 16  # "Trẻ em là người dưới 16 tuổi." (Luật Trẻ em Điều 1)


class Sex(models.TextChoices):
    MALE = "nam", _("Male")
    FEMALE = "nu", _("Female")
    UNKNOWN = "khong_biet", _("Unknown")


class GroupScopedQuerySet(CommuneScopedQuerySet):
    """Rows a group owns: group leaders see those of their own group."""

    group_field = "residential_group"


class Household(models.Model):
    class Poverty(models.TextChoices):
        NONE = "none", _("Not poor")
        POOR = "poor", _("Poor household")
        NEAR_POOR = "near_poor", _("Near-poor household")

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
        related_name="households",
        verbose_name=_("residential group"),
    )
    head_name = models.CharField(_("head of household"), max_length=150, blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    poverty = models.CharField(
        _("poverty status"),
        max_length=10,
        choices=Poverty.choices,
        default=Poverty.NONE,
    )
    poverty_year = models.PositiveSmallIntegerField(
        _("poverty status year"), null=True, blank=True
    )

    objects = GroupScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")
        indexes = [
            models.Index(
                fields=["commune", "residential_group"], name="household_scope"
            )
        ]

    def __str__(self) -> str:
        return self.head_name or self.address or str(self.code)[:8]


class ChildQuerySet(GroupScopedQuerySet):
    def active(self) -> "ChildQuerySet":
        return self.filter(status=Child.Status.ACTIVE)


class ChildManager(models.Manager.from_queryset(ChildQuerySet)):
    """Soft-deleted children never appear: not in lists, counts, exports or reports."""

    def get_queryset(self) -> ChildQuerySet:
        return super().get_queryset().filter(deleted_at__isnull=True)


class Child(models.Model):
    class Classification(models.TextChoices):
        HCDB = "hcdb", _("In special circumstances")
        AT_RISK = "nguy_co", _("At risk of special circumstances")
        OTHER = "hoan_canh_khac", _("Other circumstances")
        NONE = "binh_thuong", pgettext_lazy("classification", "None")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Living in the commune")
        MOVED = "moved", _("Moved away")
        AGED_OUT = "aged_out", _("Aged out (16 years old)")
        DECEASED = "deceased", _("Deceased")

    class InsuranceSource(models.TextChoices):
        UNDER_SIX = "under6", _("State budget, child under 6")
        HCDB = "hcdb", _("Child in special circumstances")
        POOR = "poor", _("Poor or near-poor household")
        ETHNIC = "ethnic", _("Ethnic minority in an extremely difficult area")
        STUDENT = "student", _("Pupil or student")
        HOUSEHOLD = "household", _("Household contribution")
        OTHER = "other", _("Other")

    class Disability(models.TextChoices):
        # Luật Người khuyết tật 2010 Điều 3.1
        MOBILITY = "van_dong", _("Physical (mobility) disability")
        HEARING_SPEECH = "nghe_noi", _("Hearing or speech disability")
        VISION = "nhin", _("Visual disability")
        MENTAL = "than_kinh_tam_than", _("Neurological or mental disability")
        INTELLECTUAL = "tri_tue", _("Intellectual disability")
        OTHER = "khac", _("Other disability")

    class DisabilityLevel(models.TextChoices):
        # Luật Người khuyết tật 2010 Điều 3.2
        PROFOUND = "dac_biet_nang", _("Especially severe")
        SEVERE = "nang", _("Severe")
        MILD = "nhe", _("Mild")

    class School(models.TextChoices):
        NOT_YET = "not_yet", _("Not yet of school age")
        PRESCHOOL = "preschool", _("Preschool")
        PRIMARY = "primary", _("Primary school")
        LOWER_SECONDARY = "lower_secondary", _("Lower secondary school")
        UPPER_SECONDARY = "upper_secondary", _("Upper secondary school")
        DROPPED_OUT = "dropped_out", _("Dropped out")
        NEVER = "never", _("Never attended")

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
        related_name="children",
        verbose_name=_("residential group"),
    )
    household = models.ForeignKey(
        Household,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("household"),
    )
    full_name = models.CharField(
        _("full name"), max_length=150, db_collation="vi-x-icu"
    )
    search_key = models.CharField(_("search key"), max_length=150, editable=False)
    birth_date = models.DateField(_("date of birth"))
    birth_date_is_estimated = models.BooleanField(
        _("estimated date of birth"),
        default=False,
        help_text=_("Only the age was known (Mẫu 01): the date is an estimate."),
    )
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices)
    ethnic_group = models.ForeignKey(
        "registry.EthnicGroup",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("ethnicity"),
    )
    # NULL, not "": the number is unique per commune only when present.
    personal_id = models.CharField(  # noqa: DJ001
        _("personal ID number"),
        max_length=12,
        null=True,
        blank=True,
        validators=[validate_personal_id_format],
    )
    birth_registered = models.BooleanField(_("birth registered"), default=False)
    birth_registration_date = models.DateField(
        _("birth registration date"), null=True, blank=True
    )
    birth_registration_place = models.CharField(
        _("birth registration place"), max_length=200, blank=True
    )
    insurance_card_number = models.CharField(
        _("health-insurance card number"), max_length=20, blank=True
    )
    insurance_expiry = models.DateField(
        _("health-insurance card valid until"), null=True, blank=True
    )
    insurance_source = models.CharField(
        _("health-insurance source"),
        max_length=10,
        choices=InsuranceSource.choices,
        blank=True,
    )
    insurance_flagged_on = models.DateField(
        _("insurance expiry flagged on"), null=True, blank=True, editable=False
    )
    disabilities = ArrayField(
        models.CharField(max_length=20, choices=Disability.choices),
        verbose_name=_("disability types"),
        default=list,
        blank=True,
    )
    disability_level = models.CharField(
        _("disability level"),
        max_length=15,
        choices=DisabilityLevel.choices,
        blank=True,
    )
    disability_certificate_number = models.CharField(
        _("disability certificate number"), max_length=50, blank=True
    )
    disability_certificate_date = models.DateField(
        _("disability certificate date"), null=True, blank=True
    )
    school = models.CharField(
        _("school"), max_length=20, choices=School.choices, blank=True
    )
    classification = models.CharField(
        _("classification"),
        max_length=15,
        choices=Classification.choices,
        default=Classification.NONE,
    )
    risk_categories = models.ManyToManyField(
        "registry.RiskCategory",
        blank=True,
        verbose_name=_("risks and other circumstances"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    status_changed_on = models.DateField(_("status changed on"), null=True, blank=True)
    status_reason = models.CharField(_("reason"), max_length=250, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    # Optimistic locking: an edit form carries the version it was read at.
    version = models.PositiveIntegerField(default=1, editable=False)
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)
    deleted_reason = models.CharField(max_length=250, blank=True, editable=False)

    objects = ChildManager()
    all_objects = ChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("child")
        verbose_name_plural = _("children")
        base_manager_name = "all_objects"
        indexes = [
            # Keyset pagination of the list, by name (ICU Vietnamese order) then id.
            models.Index(
                fields=["commune", "full_name", "id"],
                name="child_list_order",
                condition=Q(deleted_at__isnull=True),
            ),
            models.Index(
                fields=["commune", "residential_group", "full_name"],
                name="child_group_list",
                condition=Q(deleted_at__isnull=True),
            ),
            models.Index(
                fields=["commune", "birth_date"],
                name="child_active_birth",
                condition=Q(deleted_at__isnull=True, status="active"),
            ),
            GinIndex(
                OpClass("search_key", name="gin_trgm_ops"), name="child_search_trgm"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["commune", "personal_id"],
                condition=Q(personal_id__isnull=False, deleted_at__isnull=True),
                name="child_personal_id_unique",
                violation_error_message=_(
                    "Another child of this commune already has this personal ID number."
                ),
            ),
            models.CheckConstraint(
                condition=Q(personal_id__isnull=True)
                | Q(personal_id__regex=r"^\d{12}$"),
                name="child_personal_id_digits",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def age_on(self, day: datetime.date) -> int:
        years = day.year - self.birth_date.year
        return years - (
            (day.month, day.day) < (self.birth_date.month, self.birth_date.day)
        )

    @property
    def age(self) -> int:
        return self.age_on(timezone.localdate())

    @property
    def has_disability(self) -> bool:
        return bool(self.disabilities)

    @property
    def disability_labels(self) -> list[str]:
        labels = dict(self.Disability.choices)
        return [str(labels.get(code, code)) for code in self.disabilities]


class Caregiver(models.Model):
    class Relation(models.TextChoices):
        FATHER = "father", _("Father")
        MOTHER = "mother", _("Mother")
        GRANDPARENT = "grandparent", _("Grandparent")
        SIBLING = "sibling", _("Sibling")
        RELATIVE = "relative", _("Relative")
        GUARDIAN = "guardian", _("Guardian")
        ALTERNATIVE = "alternative", _("Alternative carer")
        OTHER = "other", _("Other")

    child = models.ForeignKey(
        Child,
        on_delete=models.CASCADE,
        related_name="caregivers",
        verbose_name=_("child"),
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
    relation = models.CharField(_("relation"), max_length=15, choices=Relation.choices)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    personal_id = models.CharField(_("personal ID number"), max_length=12, blank=True)

    class Meta:
        verbose_name = _("caregiver")
        verbose_name_plural = _("caregivers")

    def __str__(self) -> str:
        return self.full_name


class SpecialCircumstance(models.Model):
    """One of the 14 groups of Luật Trẻ em Điều 10 applying to a child, over a period."""

    child = models.ForeignKey(
        Child,
        on_delete=models.CASCADE,
        related_name="circumstances",
        verbose_name=_("child"),
    )
    commune = models.ForeignKey(
        "registry.Commune",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("commune"),
    )
    group = models.CharField(
        _("group"), max_length=30, choices=CircumstanceGroup.choices
    )
    subgroup = models.CharField(
        _("sub-group"), max_length=40, choices=SUBGROUP_CHOICES, blank=True
    )
    identified_on = models.DateField(_("identified on"))
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    support_received = models.TextField(_("support received"), blank=True)
    expert_conclusion = models.CharField(
        _("expert conclusion (document)"),
        max_length=250,
        blank=True,
        help_text=_(
            "Required for group i: the conclusion of the assessing body (NĐ 56 Điều 11)."
        ),
    )

    class Meta:
        verbose_name = _("special circumstance")
        verbose_name_plural = _("special circumstances")
        ordering = ["identified_on"]
        indexes = [
            models.Index(
                fields=["commune", "group"],
                name="circumstance_open_group",
                condition=Q(resolved_on__isnull=True),
            )
        ]

    def __str__(self) -> str:
        return self.get_group_display()

    @property
    def is_open(self) -> bool:
        return self.resolved_on is None


class ChildEvent(models.Model):
    """The child page's timeline: who changed what, and when."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Registered")
        UPDATED = "updated", _("Updated")
        STATUS = "status", _("Status changed")
        CIRCUMSTANCE = "circumstance", _("Special circumstance recorded")
        CAREGIVER = "caregiver", _("Caregiver recorded")
        IMPORTED = "imported", _("Imported from Excel")
        DELETED = "deleted", _("Deleted (entered by mistake)")

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="events")
    commune = models.ForeignKey(
        "registry.Commune", on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("time"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    kind = models.CharField(_("event"), max_length=15, choices=Kind.choices)
    # Field names with old and new values, as shown in the timeline.
    changes = models.JSONField(default=dict, blank=True)
    note = models.CharField(max_length=250, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["child", "-at"], name="childevent_timeline")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d}"

    @property
    def changed_labels(self) -> list[str]:
        """The changed fields as the form names them, for the timeline."""
        labels = []
        for name in self.changes:
            try:
                field = Child._meta.get_field(name.removesuffix("_id"))
            except FieldDoesNotExist:
                continue  # caregiver and circumstance entries say so in their kind
            else:
                labels.append(str(field.verbose_name))
        return labels
