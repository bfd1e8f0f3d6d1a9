"""Writes of the self-assessment: create it for a year, refresh the computed
indicators, enter the others with evidence, record the meeting, submit,
approve, and produce the dossier's two PDFs.

Computed indicators read the statistical annex of the year (the NĐ 09 annual
period of the commune's profile, the same numbers as its annual report): the
engine's figures, never a second count. They are refreshed on demand until the
chairman approves; then every score is frozen with the result.
"""

import datetime
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Assignment, Role, User
from accounts.notifications import notify
from accounts.scope import user_scope
from accounts.services import audit_record
from reports import services as documents
from reports.childfriendly import rules, selectors
from reports.indicators.annex import compute_annex
from reports.indicators.structure import Annex
from reports.models import Assessment, GeneratedDocument, Indicator, ReportKind, Score
from reports.periodic.config import profile_for
from reports.periodic.periods import period_for

Status = Assessment.Status
Kind = GeneratedDocument.Kind


def _require(user, commune_id: int, *roles) -> None:
    if commune_id not in user_scope(user).communes_for(*roles):
        raise PermissionDenied


def _locked(assessment: Assessment, version: int | None = None) -> Assessment:
    """The row locked for the change; stale forms and approved rows refused."""
    locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if not locked.is_editable:
        raise ValidationError(_("An approved self-assessment cannot be changed."))
    if version is not None and version != locked.version:
        raise ValidationError(
            _("Someone else changed this self-assessment meanwhile. Open it again.")
        )
    return locked


def _period(commune, year: int) -> tuple[datetime.date, datetime.date]:
    """The year's annual reporting period, up to today while it runs."""
    period = period_for(ReportKind.ANNUAL, year, profile_for(commune))
    data_to = min(period.data_to, timezone.localdate())
    if data_to < period.data_from:
        raise ValidationError(_("That year has not started yet."))
    return period.data_from, data_to


def computed_value(annex: Annex, code: str) -> Fraction | None:
    """The exact figure of `code`: a rate from its count and denominator, not
    the annex's rounded percent."""
    if code.endswith("_pct"):
        row = annex.row(code.removesuffix("_pct"))
        if not row.denominator:
            return None
        return Fraction(str(row.value)) * 100 / Fraction(str(row.denominator))
    value = annex.values().get(code)
    return None if value is None else Fraction(str(value))


def _shown(value: Fraction | None) -> Decimal | None:
    # Cut, not rounded: 94.996 % shows as 94.99, never as a 95.00 that fails
    # "≥ 95 %" (the rules compare the exact value).
    if value is None:
        return None
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal("0.01"), rounding=ROUND_DOWN)


def _award(indicator: Indicator, value) -> int | None:
    return rules.award(
        points=indicator.points,
        comparison=indicator.comparison,
        threshold=indicator.threshold,
        value=value,
    )


def _fill(assessment: Assessment) -> None:
    """Score rows for every indicator of the set; computed ones from the annex;
    entered ones with a rule re-scored from their value."""
    indicators = Indicator.objects.filter(
        criterion__criteria_set=assessment.criteria_set
    )
    scores = {s.indicator_id: s for s in Score.objects.filter(assessment=assessment)}
    annex = compute_annex(
        commune=assessment.commune,
        date_from=assessment.data_from,
        date_to=assessment.data_to,
    )
    for indicator in indicators:
        score = scores.get(indicator.pk) or Score(
            assessment=assessment, indicator=indicator, commune=assessment.commune
        )
        if indicator.method == Indicator.Method.COMPUTED:
            exact = computed_value(annex, indicator.source_code)
            score.value = _shown(exact)
            awarded = _award(indicator, exact)
            if awarded is not None:
                score.points, score.source = awarded, Score.Source.COMPUTED
            elif score.source == Score.Source.COMPUTED:
                score.points, score.source = None, ""  # the rule no longer applies
        elif score.source == Score.Source.ENTERED and score.value is not None:
            awarded = _award(indicator, score.value)
            if awarded is not None:
                score.points = awarded
        score.save()
    assessment.terrain = assessment.commune.terrain
    assessment.computed_at = timezone.now()


@transaction.atomic
def assessment_create(*, actor, commune, year: int, request=None) -> Assessment:
    """The year's self-assessment, computed indicators filled in. One per commune
    and year: asking again returns the existing one."""
    _require(actor, commune.pk, Role.OFFICER)
    existing = Assessment.objects.filter(commune=commune, year=year).first()
    if existing is not None:
        return existing
    criteria_set = selectors.criteria_set_for(year)
    if criteria_set is None:
        raise ValidationError(_("No criteria set is valid for that year."))
    data_from, data_to = _period(commune, year)
    assessment = Assessment(
        commune=commune,
        year=year,
        criteria_set=criteria_set,
        terrain=commune.terrain,
        data_from=data_from,
        data_to=data_to,
        created_by=actor,
    )
    assessment.full_clean()
    assessment.save()
    _fill(assessment)
    assessment.save(update_fields=["terrain", "computed_at"])
    audit_record(
        actor=actor,
        action="childfriendly.created",
        obj=assessment,
        request=request,
        detail={"year": year, "criteria_set": criteria_set.pk},
    )
    return assessment


def _changed(assessment: Assessment, *fields: str) -> None:
    """Any change sends a submitted assessment back to the officer's draft."""
    assessment.status = Status.DRAFT
    assessment.submitted_at = None
    assessment.version += 1
    assessment.save(update_fields=["status", "submitted_at", "version", *fields])


@transaction.atomic
def assessment_refresh(
    *, actor, assessment: Assessment, version: int | None = None, request=None
) -> Assessment:
    """Compute the indicators again from today's data (until approved)."""
    _require(actor, assessment.commune_id, Role.OFFICER)
    assessment = _locked(assessment, version)
    assessment.data_from, assessment.data_to = _period(
        assessment.commune, assessment.year
    )
    _fill(assessment)
    _changed(assessment, "data_from", "data_to", "terrain", "computed_at")
    audit_record(
        actor=actor, action="childfriendly.refreshed", obj=assessment, request=request
    )
    return assessment


def _entered_points(indicator: Indicator, score: Score, value, points):
    """(value, points) of an officer's entry, checked against the indicator."""
    if indicator.method == Indicator.Method.COMPUTED:
        if score.source == Score.Source.COMPUTED:
            raise ValidationError(
                _(
                    "This indicator is computed from the database; correct the "
                    "records and refresh the numbers."
                )
            )
        value = score.value  # the engine's figure stays
    elif indicator.has_rule and indicator.points is not None:
        if value is None:
            raise ValidationError({"value": _("Give the value.")})
        points = _award(indicator, value)
    if indicator.points is None:
        raise ValidationError(
            _(
                "The criteria set gives this indicator no points yet; ask the administrator."
            )
        )
    if points is None:
        raise ValidationError({"points": _("Give the points.")})
    if not 0 <= points <= indicator.points:
        raise ValidationError(
            {"points": _("Between 0 and %(max)s points.") % {"max": indicator.points}}
        )
    return value, points


@transaction.atomic
def score_enter(
    *,
    actor,
    assessment: Assessment,
    score: Score,
    evidence: str,
    value=None,
    points: int | None = None,
    attachment=None,
    version: int | None = None,
    request=None,
) -> Score:
    """The officer's value and points for an indicator, with its evidence. With
    a rule in the set, the points follow from the value."""
    _require(actor, assessment.commune_id, Role.OFFICER)
    assessment = _locked(assessment, version)
    score = (
        Score.objects.select_for_update()
        .select_related("indicator")
        .get(pk=score.pk, assessment=assessment)
    )
    if not evidence.strip():
        raise ValidationError({"evidence": _("Say what the score rests on.")})
    score.value, score.points = _entered_points(score.indicator, score, value, points)
    score.evidence = evidence.strip()
    if attachment:
        score.attachment = attachment
    score.source = Score.Source.ENTERED
    score.entered_by = actor
    score.entered_at = timezone.now()
    score.full_clean()
    score.save()
    _changed(assessment)
    audit_record(
        actor=actor,
        action="childfriendly.score_entered",
        obj=assessment,
        request=request,
        detail={"indicator": score.indicator.code, "points": score.points},
    )
    return score


MEETING_FIELDS = (
    "meeting_on",
    "meeting_place",
    "meeting_chair",
    "meeting_secretary",
    "meeting_attendees",
    "meeting_discussion",
)


@transaction.atomic
def meeting_save(
    *, actor, assessment: Assessment, version: int | None = None, request=None, **data
) -> Assessment:
    """The self-assessment meeting, for its minutes (DOMAIN.md §8.3)."""
    _require(actor, assessment.commune_id, Role.OFFICER)
    assessment = _locked(assessment, version)
    for name in MEETING_FIELDS:
        empty = None if name == "meeting_on" else ""
        setattr(assessment, name, data.get(name) or empty)
    assessment.full_clean()
    _changed(assessment, *MEETING_FIELDS)
    audit_record(
        actor=actor, action="childfriendly.meeting", obj=assessment, request=request
    )
    return assessment


def _chairmen(commune_id: int) -> list[User]:
    ids = Assignment.objects.filter(commune_id=commune_id, role=Role.CHAIRMAN).values(
        "user_id"
    )
    return list(User.objects.filter(pk__in=ids, is_active=True))


@transaction.atomic
def assessment_submit(
    *, actor, assessment: Assessment, version: int | None = None, request=None
) -> Assessment:
    """The officer hands a fully scored assessment to the chairman."""
    _require(actor, assessment.commune_id, Role.OFFICER)
    assessment = _locked(assessment, version)
    if assessment.status != Status.DRAFT:
        raise ValidationError(_("This self-assessment is already submitted."))
    if selectors.assessment_sheet(assessment).unscored:
        raise ValidationError(_("Score every indicator before submitting."))
    assessment.status = Status.SUBMITTED
    assessment.submitted_at = timezone.now()
    assessment.version += 1
    assessment.save(update_fields=["status", "submitted_at", "version"])
    audit_record(
        actor=actor, action="childfriendly.submitted", obj=assessment, request=request
    )
    with translation.override("vi"):
        title = _("Child-friendly self-assessment %(year)s awaits your approval.") % {
            "year": assessment.year
        }
    notify(
        users=_chairmen(assessment.commune_id),
        commune=assessment.commune,
        kind="childfriendly",
        title=title,
        url=reverse("reports:childfriendly_detail", args=[assessment.code]),
    )
    return assessment


@transaction.atomic
def assessment_approve(
    *, actor, assessment: Assessment, version: int | None = None, request=None
) -> Assessment:
    """The chairman approves the result: scores, total and verdict are frozen."""
    _require(actor, assessment.commune_id, Role.CHAIRMAN)
    assessment = _locked(assessment, version)
    if assessment.status != Status.SUBMITTED:
        raise ValidationError(_("Only a submitted self-assessment can be approved."))
    result = selectors.assessment_sheet(assessment).result
    assessment.status = Status.APPROVED
    assessment.approved_at = timezone.now()
    assessment.approved_by = actor
    assessment.total_points = result.total
    assessment.recognised = result.met
    assessment.version += 1
    assessment.full_clean()
    assessment.save()
    audit_record(
        actor=actor,
        action="childfriendly.approved",
        obj=assessment,
        request=request,
        detail={"total": result.total, "met": result.met},
    )
    return assessment


TITLES = {
    Kind.CHILDFRIENDLY_EVALUATION: "Bảng tự đánh giá xã phù hợp với trẻ em năm %(year)s",
    Kind.CHILDFRIENDLY_MINUTES: "Biên bản họp tự đánh giá xã phù hợp với trẻ em năm %(year)s",
}


@transaction.atomic
def assessment_generate(
    *, actor, assessment: Assessment, request=None
) -> tuple[GeneratedDocument, GeneratedDocument]:
    """The dossier's evaluation table and meeting minutes, rendered by Celery."""
    _require(actor, assessment.commune_id, Role.OFFICER, Role.CHAIRMAN)
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    made = []
    for kind, title in TITLES.items():
        made.append(
            documents.document_request(
                requester=actor,
                commune=assessment.commune,
                kind=kind,
                title=title % {"year": assessment.year},
                subject_id=assessment.pk,
                request=request,
            )
        )
    assessment.evaluation_document, assessment.minutes_document = made
    assessment.save(update_fields=["evaluation_document", "minutes_document"])
    from reports import tasks  # tasks import services: keep the graph one-way

    for document in made:
        transaction.on_commit(lambda pk=document.pk: tasks.render_document.delay(pk))
    return made[0], made[1]
