"""The dashboards' rollups: the figures of each commune (and of each residential
group) for the year to date, the same period last year and each month, written
by reports.dashboard.rollups on beat's schedule and read by the dashboard and
the province view instead of the raw tables (DESIGN.md §6, docs/scaling.md).

A row is keyed by (commune, residential group or none, kind, first day). The
figures are keyed by the annex's codes (reports.indicators.codes: "hcdb.total",
"hcdb.supported_pct", "abuse.reports.bao_luc"...), plus the "deadlines.*"
counts of what was overdue at the refresh (reports.dashboard.figures).
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DashboardRollup(models.Model):
    class Kind(models.TextChoices):
        YEAR = "year", _("Year to date")
        LAST_YEAR = "last_year", _("Same period last year")
        MONTH = "month", _("Month")

    commune = models.ForeignKey(
        "registry.Commune", on_delete=models.CASCADE, related_name="+"
    )
    # None: the whole commune.
    residential_group = models.ForeignKey(
        "registry.ResidentialGroup",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    date_from = models.DateField()
    date_to = models.DateField()
    # Every figure, flat by code (Annex.values() for a commune's rows).
    values = models.JSONField(default=dict)
    # The figures of the province view's columns (province.PROVINCE_CODES), as
    # counted: that view hides the small ones across communes before anything
    # is shown, and nothing else reads them. Empty on group and month rows.
    province_values = models.JSONField(default=dict, blank=True)
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("dashboard rollup")
        verbose_name_plural = _("dashboard rollups")
        constraints = [
            models.UniqueConstraint(
                fields=["commune", "residential_group", "kind", "date_from"],
                nulls_distinct=False,
                name="rollup_unique",
            )
        ]
        indexes = [
            # The province view: the year rows of a province's communes.
            models.Index(
                fields=["kind", "date_from", "commune"],
                name="rollup_commune_rows",
                condition=Q(residential_group__isnull=True),
            )
        ]

    def __str__(self) -> str:
        return f"{self.commune_id} {self.kind} {self.date_from}"
