"""How each commune reports: its signer, the recipients of each kind of report
and the periods and deadlines — data, never constants (DOMAIN.md §9, §12.3)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportKind(models.TextChoices):
    SIX_MONTH = "six_month", _("Six-month report")
    ANNUAL = "annual", _("Annual report")
    ACTION_MONTH = "action_month", _("Action Month report")
    FORUM = "forum", _("Children's Forum report")


class ReportingProfile(models.Model):
    """One per commune. Defaults: NĐ 09/2019 data periods (15/12 of the previous
    year → 14/6 and → 14/12) and the post-2025 deadlines of DOMAIN.md §7/§12.3."""

    class Preset(models.TextChoices):
        DISTRICT_2024 = "2024", _("Until 30/6/2025: district labour office")
        PROVINCE_2025 = "2025", _("From 1/7/2025: no district; province health dept.")

    class Authority(models.TextChoices):
        DEPUTY = "deputy", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
        CHAIRMAN = "chairman", "CHỦ TỊCH"
        COLLECTIVE = "collective", "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"

    commune = models.OneToOneField(
        "registry.Commune", on_delete=models.PROTECT, related_name="reporting_profile"
    )
    preset = models.CharField(
        _("structure"), max_length=4, choices=Preset.choices, default="2025"
    )
    signer_authority = models.CharField(
        _("signature"), max_length=10, choices=Authority.choices, default="deputy"
    )
    signer_name = models.CharField(_("signed by"), max_length=150, blank=True)
    # The 2024 structure addressed the district, abolished on 1/7/2025.
    former_district = models.CharField(
        _("former district (for the 2024 structure)"), max_length=100, blank=True
    )
    period_start_month = models.PositiveSmallIntegerField(
        _("data period starts: month of the previous year"), default=12
    )
    period_start_day = models.PositiveSmallIntegerField(
        _("data period starts: day"), default=15
    )
    six_month_end_day = models.PositiveSmallIntegerField(
        _("six-month data end: day of June"), default=14
    )
    annual_end_day = models.PositiveSmallIntegerField(
        _("annual data end: day of December"), default=14
    )
    six_month_due_days = models.PositiveSmallIntegerField(
        _("six-month report due: days after the data end"), default=5
    )
    annual_due_days = models.PositiveSmallIntegerField(
        _("annual report due: days after the data end"), default=5
    )
    action_month_due_month = models.PositiveSmallIntegerField(
        _("Action Month report due: month"), default=7
    )
    action_month_due_day = models.PositiveSmallIntegerField(
        _("Action Month report due: day"), default=20
    )
    forum_due_days = models.PositiveSmallIntegerField(
        _("Forum report due: days after the forum"), default=15
    )

    class Meta:
        verbose_name = _("reporting profile")
        verbose_name_plural = _("reporting profiles")

    def __str__(self) -> str:
        return str(self.commune)


class ReportRecipient(models.Model):
    """A line of "Kính gửi" or of "Nơi nhận" for one kind of report."""

    class Place(models.TextChoices):
        ADDRESSEE = "to", _("Kính gửi (addressed to)")
        COPY = "copy", _("Nơi nhận (copies)")

    commune = models.ForeignKey(
        "registry.Commune", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("report"), max_length=15, choices=ReportKind.choices)
    place = models.CharField(_("where"), max_length=4, choices=Place.choices)
    text = models.CharField(_("text"), max_length=250)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("report recipient")
        verbose_name_plural = _("report recipients")
        ordering = ["commune", "kind", "place", "order", "pk"]
        indexes = [
            models.Index(fields=["commune", "kind"], name="recipient_commune_kind")
        ]

    def __str__(self) -> str:
        return self.text
