"""Each plan target against its actual value in an annex (issue #7, item 3).

The actual value is the annex's figure under the target's code
(`Annex.values()`): a percentage for "<code>_pct", a count otherwise. No figure
(a percentage without a denominator, a hidden cell, a code the annex does not
hold) gives `met = None`: neither met nor missed.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from reports.indicators.annex import compute_annex
from reports.indicators.structure import Annex
from reports.indicators.vnformat import format_number
from reports.models import AnnualPlan, PlanTarget
from reports.models.plans import target_codes
from reports.plans.selectors import plan_of_year

SIGNS = {PlanTarget.Comparison.AT_LEAST: "≥", PlanTarget.Comparison.AT_MOST: "≤"}


@dataclass(frozen=True)
class TargetRow:
    label: str
    indicator: str
    indicator_label: str
    target: Decimal
    comparison: str
    actual: int | float | None
    met: bool | None
    is_percent: bool

    def _display(self, value) -> str:
        if value is None:
            return "—"
        return format_number(value) + ("%" if self.is_percent else "")

    @property
    def target_display(self) -> str:
        return f"{SIGNS[self.comparison]} {self._display(self.target)}"

    @property
    def actual_display(self) -> str:
        return self._display(self.actual)


def _met(target: PlanTarget, actual) -> bool | None:
    if actual is None:
        return None
    if target.comparison == PlanTarget.Comparison.AT_MOST:
        return Decimal(str(actual)) <= target.target
    return Decimal(str(actual)) >= target.target


def targets_vs_actual(plan: AnnualPlan, annex: Annex | None) -> list[TargetRow]:
    """One row per target of `plan`, in its order, with the annex's value."""
    values = annex.values() if annex is not None else {}
    labels = target_codes()
    rows = []
    for target in plan.targets.filter(commune_id=plan.commune_id):
        actual = values.get(target.indicator)
        rows.append(
            TargetRow(
                label=target.label,
                indicator=target.indicator,
                indicator_label=labels.get(target.indicator, target.indicator),
                target=target.target,
                comparison=target.comparison,
                actual=actual,
                met=_met(target, actual),
                is_percent=target.is_percent,
            )
        )
    return rows


def year_period(
    year: int, today: datetime.date | None = None
) -> tuple[datetime.date, datetime.date] | None:
    """The plan's calendar year up to today (all of it once over); None before
    it starts."""
    today = today or timezone.localdate()
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if today < start:
        return None
    return start, min(today, end)


def year_annex(commune, year: int, today: datetime.date | None = None) -> Annex | None:
    """The annex of the plan's year so far, computed now."""
    period = year_period(year, today)
    if period is None:
        return None
    return compute_annex(commune=commune, date_from=period[0], date_to=period[1])


def plan_targets_vs_actual(commune, year: int, annex: Annex) -> list[TargetRow]:
    """For a report: the targets of the commune's plan of `year` (the adopted
    one, else the draft) against `annex`; [] when there is no plan."""
    plan = plan_of_year(commune.pk, year)
    return targets_vs_actual(plan, annex) if plan is not None else []
