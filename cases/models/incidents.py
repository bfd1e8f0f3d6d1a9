"""Incident reports ("báo tin"): what group leaders and partners report, and the
officer's triage. Cases (the NĐ 56 workflow) build on these rows.

The reporter's identity lives in its own table (IncidentReporter), read only by
officers and chairmen (NĐ 56 Điều 24: information is kept confidential for the
safety of whoever provided it).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.models import Organisation, Role
from accounts.scope import COMMUNE_WIDE_ROLES, user_scope


class Kind(models.TextChoices):
    # Forms of abuse, Luật Trẻ em Điều 4.5 (DOMAIN.md §1)
    VIOLENCE = "bao_luc", _("Violence")
    EXPLOITATION = "boc_lot", _("Exploitation, including child labour")
    SEXUAL_ABUSE = "xam_hai_tinh_duc", _("Sexual abuse")
    TRAFFICKING = "mua_ban", _("Trafficking")
    ABANDONMENT = "bo_roi", _("Abandonment")
    NEGLECT = "bo_mac", _("Neglect")
    OTHER_HARM = "khac", _("Other harm")
    # Injuries (seed plan §II.3, §III.7)
    DROWNING = "duoi_nuoc", _("Drowning")
    TRAFFIC = "tai_nan_giao_thong", _("Traffic accident")
    FALL = "nga", _("Fall")
    BURN = "bong", _("Burn")
    POISONING = "ngo_doc", _("Poisoning")
    ELECTRIC = "dien_giat", _("Electric shock")
    ANIMAL = "dong_vat_can", _("Animal bite")
    SHARP = "vat_sac_nhon", _("Sharp object")
    OTHER_INJURY = "thuong_tich_khac", _("Other injury")


ABUSE_KINDS = frozenset(
    {
        Kind.VIOLENCE,
        Kind.EXPLOITATION,
        Kind.SEXUAL_ABUSE,
        Kind.TRAFFICKING,
        Kind.ABANDONMENT,
        Kind.NEGLECT,
        Kind.OTHER_HARM,
    }
)


class Severity(models.TextChoices):
    LOW = "low", _("Minor")
    MODERATE = "moderate", _("Needs care")
    SERIOUS = "serious", _("Serious, in hospital")
    LIFE = "life", _("Life in danger")
    DEATH = "death", _("Died")


# Higher first in the officer's inbox.
SEVERITY_RANK = {
    Severity.DEATH: 5,
    Severity.LIFE: 4,
    Severity.SERIOUS: 3,
    Severity.MODERATE: 2,
    Severity.LOW: 1,
}


class Source(models.TextChoices):
    # Mẫu 01 "Nguồn nhận thông tin", plus the app's channels (DOMAIN.md §5.4)
    PHONE = "phone", _("By phone")
    IN_PERSON = "in_person", _("In person")
    SOMEONE_ELSE = "someone_else", _("Told by someone else")
    GROUP_LEADER = "group_leader", _("Residential group leader")
    HOTLINE_111 = "hotline_111", _("Hotline 111")
    POLICE = "police", _("Police")
    SCHOOL = "school", _("School")
    HEALTH_STATION = "health_station", _("Health station")


class IncidentQuerySet(models.QuerySet):
    def visible_to(self, user) -> "IncidentQuerySet":
        """Officers and chairmen: their commune. Group leaders and partners: the
        reports they made; a partner also those of their organisation. Nobody else."""
        scope = user_scope(user)
        condition = Q(commune_id__in=scope.communes_for(*COMMUNE_WIDE_ROLES))
        reporter_communes = scope.communes_for(Role.GROUP_LEADER, Role.PARTNER)
        if reporter_communes:
            condition |= Q(commune_id__in=reporter_communes, reported_by=user)
        for commune_id, organisation in scope.partner_organisations:
            condition |= Q(commune_id=commune_id, organisation=organisation)
        return self.filter(condition)

    def open(self) -> "IncidentQuerySet":
        return self.filter(status=IncidentReport.Status.NEW)


class IncidentReport(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New, not triaged")
        IN_REVIEW = "in_review", _("Being checked")
        REFERRED = "referred", _("Referred for handling")
        DUPLICATE = "duplicate", _("Duplicate of another report")
        DISMISSED = "dismissed", _("Dismissed")

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
    kind = models.CharField(_("what happened"), max_length=20, choices=Kind.choices)
    occurred_at = models.DateTimeField(_("when it happened"))
    received_at = models.DateTimeField(_("received at"))
    place = models.CharField(_("place"), max_length=250, blank=True)
    child = models.ForeignKey(
        "registry.Child",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="incidents",
        verbose_name=_("child in the registry"),
    )
    child_name = models.CharField(_("child's name"), max_length=150, blank=True)
    child_age = models.PositiveSmallIntegerField(
        _("approximate age"), null=True, blank=True
    )
    child_sex = models.CharField(
        _("sex"),
        max_length=10,
        choices=[("nam", _("Male")), ("nu", _("Female")), ("khong_biet", _("Unknown"))],
        blank=True,
    )
    child_state = models.TextField(_("the child's state now"), blank=True)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices)
    actions_taken = models.TextField(_("what was already done"), blank=True)
    source = models.CharField(_("source"), max_length=15, choices=Source.choices)
    hotline_reference = models.CharField(
        _("hotline 111 reference"), max_length=50, blank=True
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("entered by"),
    )
    organisation = models.CharField(
        _("organisation"), max_length=20, choices=Organisation.choices, blank=True
    )
    # A double tap or a retry after a dropped connection sends the same key again.
    idempotency_key = models.UUIDField(_("submission key"))
    # What was submitted under the key: the same key with other content is a
    # different report (two tabs, an edited draft), not a retry.
    payload_hash = models.CharField(max_length=64, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    severity_rank = models.PositiveSmallIntegerField(default=0, editable=False)
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="duplicates",
    )
    triage_note = models.TextField(_("officer's note"), blank=True)
    triage_due_at = models.DateTimeField(_("triage due at"))
    triaged_at = models.DateTimeField(_("triaged at"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = IncidentQuerySet.as_manager()

    class Meta:
        verbose_name = _("incident report")
        verbose_name_plural = _("incident reports")
        constraints = [
            models.UniqueConstraint(
                fields=["reported_by", "idempotency_key"], name="incident_idempotent"
            )
        ]
        indexes = [
            # The officer's inbox: new reports, most severe then newest.
            models.Index(
                fields=["commune", "-severity_rank", "-received_at"],
                name="incident_inbox",
                condition=Q(status="new"),
            ),
            models.Index(
                fields=["triage_due_at"],
                name="incident_triage_due",
                condition=Q(status="new", reminded_at__isnull=True),
            ),
            models.Index(fields=["commune", "reported_by"], name="incident_reporter"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.received_at:%d/%m/%Y}"

    @property
    def is_abuse(self) -> bool:
        return self.kind in ABUSE_KINDS

    @property
    def reporter_status(self) -> str:
        """What the reporter sees: received, being handled, closed — nothing more."""
        if self.status == self.Status.NEW:
            return str(pgettext_lazy("report status", "Received"))
        if self.status in (self.Status.IN_REVIEW, self.Status.REFERRED):
            return str(pgettext_lazy("report status", "Being handled"))
        return str(pgettext_lazy("report status", "Closed"))


class IncidentReporter(models.Model):
    """Who gave the information, kept apart from the report (NĐ 56 Điều 24)."""

    report = models.OneToOneField(
        IncidentReport, on_delete=models.CASCADE, related_name="reporter"
    )
    commune = models.ForeignKey(
        "registry.Commune", on_delete=models.PROTECT, related_name="+"
    )
    anonymous = models.BooleanField(_("anonymous"), default=False)
    name = models.CharField(_("informant's name"), max_length=150, blank=True)
    phone = models.CharField(_("informant's phone"), max_length=20, blank=True)
    address = models.CharField(_("informant's address"), max_length=250, blank=True)

    class Meta:
        verbose_name = _("informant")
        verbose_name_plural = _("informants")

    def __str__(self) -> str:
        return str(_("anonymous")) if self.anonymous else self.name


class IncidentEvent(models.Model):
    """Every state change of a report: who and when."""

    report = models.ForeignKey(
        IncidentReport, on_delete=models.CASCADE, related_name="events"
    )
    commune = models.ForeignKey(
        "registry.Commune", on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    old_status = models.CharField(
        max_length=10, choices=IncidentReport.Status.choices, blank=True
    )
    new_status = models.CharField(max_length=10, choices=IncidentReport.Status.choices)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.old_status} → {self.new_status}"
