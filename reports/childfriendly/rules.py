"""The scoring and recognition rules of QĐ 06/QĐ-TTg (DOMAIN.md §8.2), pure.

A commune is recognised child-friendly when all three hold:

1. every criterion is met ("đạt đủ 13 tiêu chí");
2. no criterion scores 0 ("không có tiêu chí nào bị 0 điểm");
3. the total reaches the threshold of its terrain type (900 / 850 / 800).

No database here: callers turn the criteria set and the scores into the plain
values below (reports/childfriendly/selectors.py), so the rule is tested on its
own, edge by edge.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from django.utils.translation import gettext as _

Number = int | Decimal | Fraction


def rule_holds(value: Number, comparison: str, threshold: Number) -> bool:
    """ "gte", "lte" or "eq", compared exactly (Fractions: a rate of 94.96 %
    never passes "≥ 95 %" by rounding)."""
    value, threshold = Fraction(value), Fraction(threshold)
    if comparison == "gte":
        return value >= threshold
    if comparison == "lte":
        return value <= threshold
    if comparison == "eq":
        return value == threshold
    raise ValueError(comparison)


def award(
    *, points: int | None, comparison: str, threshold: Number | None, value
) -> int | None:
    """All the indicator's points when its rule holds, else 0; None when the
    rule, the points or the value are missing (the officer then awards them)."""
    if points is None or not comparison or threshold is None or value is None:
        return None
    return points if rule_holds(value, comparison, threshold) else 0


@dataclass(frozen=True)
class CriterionSpec:
    number: int
    title: str
    max_points: int | None
    min_points: int | None
    # (indicator id, its points or None) of the criterion's indicators.
    indicators: tuple[tuple[int, int | None], ...]

    @property
    def configured(self) -> bool:
        return (
            self.max_points is not None
            and bool(self.indicators)
            and all(points is not None for _id, points in self.indicators)
        )


@dataclass(frozen=True)
class CriterionResult:
    number: int
    title: str
    points: int
    max_points: int | None
    met: bool
    zero: bool
    assessed: bool
    configured: bool


@dataclass(frozen=True)
class Result:
    total: int
    threshold: int | None
    criteria: tuple[CriterionResult, ...]
    met: bool
    reasons: list[str] = field(default_factory=list)

    @property
    def points(self) -> dict[int, int]:
        """Points by criterion number."""
        return {c.number: c.points for c in self.criteria}

    @property
    def zero_numbers(self) -> list[int]:
        return [c.number for c in self.criteria if c.zero]

    @property
    def unmet_numbers(self) -> list[int]:
        return [c.number for c in self.criteria if not c.met]


def _criterion(spec: CriterionSpec, scores: Mapping[int, int | None]):
    awarded = [scores.get(indicator_id) for indicator_id, _p in spec.indicators]
    assessed = bool(awarded) and all(points is not None for points in awarded)
    points = sum(p for p in awarded if p is not None)
    reasons = []
    if not spec.configured:
        reasons.append(
            _("Criterion %(n)s: its points are not set in the criteria set.")
            % {"n": spec.number}
        )
    if not assessed:
        reasons.append(
            _("Criterion %(n)s: not every indicator is scored.") % {"n": spec.number}
        )
    zero = assessed and points == 0
    if zero:
        reasons.append(_("Criterion %(n)s scores 0.") % {"n": spec.number})
    below = spec.min_points is not None and points < spec.min_points
    if assessed and not zero and below:
        reasons.append(
            _("Criterion %(n)s has %(points)s points, below its %(min)s.")
            % {"n": spec.number, "points": points, "min": spec.min_points}
        )
    met = spec.configured and assessed and not zero and not below
    result = CriterionResult(
        number=spec.number,
        title=spec.title,
        points=points,
        max_points=spec.max_points,
        met=met,
        zero=zero,
        assessed=assessed,
        configured=spec.configured,
    )
    return result, reasons


def recognition(
    scores: Mapping[int, int | None],
    criteria: Sequence[CriterionSpec],
    terrain: str,
    *,
    thresholds: Mapping[str, int],
) -> Result:
    """Whether the commune meets the recognition rule, with the reasons it does not.

    `scores` maps an indicator id to the points awarded (None: not scored yet);
    `thresholds` maps a terrain type to the points it needs (the criteria set's).
    """
    results, reasons = [], []
    for spec in sorted(criteria, key=lambda c: c.number):
        result, why = _criterion(spec, scores)
        results.append(result)
        reasons.extend(why)
    total = sum(r.points for r in results)
    threshold = thresholds.get(terrain)
    if not results:
        reasons.append(_("The criteria set has no criteria."))
    if threshold is None:
        reasons.append(_("The commune's terrain type has no threshold."))
    elif total < threshold:
        reasons.append(
            _("The total of %(total)s points is below the %(threshold)s needed.")
            % {"total": total, "threshold": threshold}
        )
    met = (
        bool(results)
        and all(r.met for r in results)
        and threshold is not None
        and total >= threshold
    )
    return Result(
        total=total,
        threshold=threshold,
        criteria=tuple(results),
        met=met,
        reasons=reasons,
    )
