"""Admin-editable lookup tables of the registry."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EthnicGroup(models.Model):
    """The 54 ethnic groups, coded as in QĐ 121-TCTK/PPCĐ (1979), from registry/data/.

    Ethnicity is sensitive personal data (NĐ 356/2025 Điều 4).
    """

    code = models.CharField(_("code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=60, db_collation="vi-x-icu")
    other_names = models.TextField(_("other names"), blank=True)
    spelling_variants = models.TextField(_("spelling variants"), blank=True)
    # fold_compact() of the name and every variant, "|"-separated: lets an import
    # match "H're", "Hrê" or "Hre" to the same group.
    match_keys = models.TextField(_("match keys"), blank=True, editable=False)

    class Meta:
        verbose_name = _("ethnic group")
        verbose_name_plural = _("ethnic groups")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class RiskCategory(models.Model):
    """Sub-lists of "at risk" and "other circumstances" children.

    Not defined in law (DOMAIN.md §2.2): kept as data the admin maintains.
    """

    class Kind(models.TextChoices):
        AT_RISK = "at_risk", _("At risk of special circumstances")
        OTHER = "other", _("Other circumstances")

    kind = models.CharField(_("list"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    is_active = models.BooleanField(_("in use"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("risk category")
        verbose_name_plural = _("risk categories")
        ordering = ["kind", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "name"], name="riskcategory_unique")
        ]

    def __str__(self) -> str:
        return self.name


class PublicHoliday(models.Model):
    """The admin-kept calendar of days off and swapped working Saturdays
    (Bộ luật Lao động Điều 112; registry/data/holidays_vn.csv with its sources).
    Working-day deadlines (batochild.lib.workdays) read it."""

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("Public holiday")
        COMPENSATORY = "compensatory_day_off", _("Compensatory day off")
        SWAP = "working_day_swap", _("Swapped working day")

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=25, choices=Kind.choices)
    day_off = models.BooleanField(
        _("day off"), default=True, help_text=_("Unticked: a Saturday worked instead.")
    )
    legal_basis = models.CharField(_("legal basis"), max_length=250, blank=True)

    class Meta:
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.name}"
