"""Reads of the self-assessment: scoped lists, the gatekeeper, and the sheet
(criteria, indicators, scores and the rule's result) that the page and both
PDFs show."""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from accounts.scope import get_visible_or_404
from reports.childfriendly.rules import CriterionSpec, Result, recognition
from reports.indicators.codes import INDICATORS
from reports.models import Assessment, CriteriaSet, Criterion, Indicator, Score


def assessments_for(user, *, limit: int = 100):
    """The assessments the user may see, latest year first."""
    return (
        Assessment.objects.visible_to(user)
        .select_related("commune", "criteria_set")
        .order_by("-year", "commune__name")[:limit]
    )


def assessment_get_for_user(user, code) -> Assessment:
    """Gatekeeper: the assessment if `user` may see it, else 404."""
    return get_visible_or_404(
        Assessment.objects.select_related(
            "commune",
            "criteria_set",
            "approved_by",
            "evaluation_document",
            "minutes_document",
        ),
        user,
        code=code,
    )


def score_get(assessment: Assessment, code) -> Score:
    """A score of an assessment already fetched through the gatekeeper."""
    return get_object_or_404(
        Score.objects.select_related("indicator__criterion", "entered_by"),
        assessment=assessment,
        code=code,
    )


def criteria_set_for(year: int) -> CriteriaSet | None:
    """The set in force for `year`: the latest valid by 31 December."""
    return (
        CriteriaSet.objects.filter(valid_from__lte=datetime.date(year, 12, 31))
        .order_by("-valid_from")
        .first()
    )


def criteria_of(criteria_set: CriteriaSet) -> list[Criterion]:
    """The set's criteria with their indicators (two queries)."""
    return list(
        Criterion.objects.filter(criteria_set=criteria_set)
        .order_by("number")
        .prefetch_related(
            Prefetch("indicators", queryset=Indicator.objects.order_by("number", "pk"))
        )
    )


def specs(criteria: list[Criterion]) -> list[CriterionSpec]:
    """The criteria as the pure rule reads them."""
    return [
        CriterionSpec(
            number=c.number,
            title=c.title,
            max_points=c.max_points,
            min_points=c.min_points,
            indicators=tuple((i.pk, i.points) for i in c.indicators.all()),
        )
        for c in criteria
    ]


@dataclass
class Line:
    indicator: Indicator
    score: Score | None

    @property
    def source_label(self) -> str:
        """The engine's printed label of the figure read (docs/indicators.md)."""
        code = self.indicator.source_code
        base = code.removesuffix("_pct").split(".")
        known = INDICATORS.get(".".join(base[:2]))
        return known.label if known else code


@dataclass
class CriterionRow:
    criterion: Criterion
    lines: list[Line]
    points: int
    met: bool


@dataclass
class Sheet:
    assessment: Assessment
    rows: list[CriterionRow]
    result: Result

    @property
    def unscored(self) -> int:
        return sum(
            1
            for row in self.rows
            for line in row.lines
            if line.score is None or line.score.points is None
        )


def assessment_sheet(assessment: Assessment) -> Sheet:
    """Everything the page and the PDFs show, in three queries."""
    criteria = criteria_of(assessment.criteria_set)
    scores = {
        s.indicator_id: s
        for s in Score.objects.filter(assessment=assessment).select_related(
            "entered_by"
        )
    }
    result = recognition(
        {indicator_id: s.points for indicator_id, s in scores.items()},
        specs(criteria),
        assessment.terrain,
        thresholds=assessment.criteria_set.thresholds,
    )
    by_number = {c.number: c for c in result.criteria}
    rows = [
        CriterionRow(
            criterion=c,
            lines=[Line(i, scores.get(i.pk)) for i in c.indicators.all()],
            points=by_number[c.number].points,
            met=by_number[c.number].met,
        )
        for c in criteria
    ]
    return Sheet(assessment=assessment, rows=rows, result=result)
