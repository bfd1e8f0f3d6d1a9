"""Writes of periodic reports: create with prefilled narrative, edit, generate the
PDF, issue with a number, and supersede by a new version (issue #7).

The annex is computed from the database for the period while the report is a
draft; the numbers the clerk issues are the ones stored at generation, never
recomputed, so later data changes leave an issued report as it was.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role
from accounts.scope import user_scope
from accounts.services import audit_record
from reports import services as documents
from reports.indicators.annex import compute_annex
from reports.indicators.sentences import prefill_sections
from reports.indicators.smallcells import deidentify
from reports.models import (
    NARRATIVE_SECTIONS,
    GeneratedDocument,
    PeriodicReport,
    ReportKind,
)
from reports.periodic.config import profile_for
from reports.periodic.numbering import last_issued_on, number_next
from reports.periodic.periods import period_for, period_label

Status = PeriodicReport.Status
SECTION_KEYS = tuple(key for key, _title in NARRATIVE_SECTIONS)


def _require(user, commune_id: int, *roles) -> None:
    if commune_id not in user_scope(user).communes_for(*roles):
        raise PermissionDenied


def report_summary(report: PeriodicReport) -> str:
    """The line under "BÁO CÁO" (trích yếu)."""
    summaries = {
        ReportKind.SIX_MONTH: f"Kết quả công tác trẻ em 6 tháng đầu năm {report.year}",
        ReportKind.ANNUAL: f"Kết quả công tác trẻ em năm {report.year}",
        ReportKind.ACTION_MONTH: (
            f"Kết quả thực hiện Tháng hành động vì trẻ em năm {report.year}"
        ),
        ReportKind.FORUM: f"Kết quả tổ chức Diễn đàn trẻ em năm {report.year}",
    }
    return summaries[report.kind]


def report_title(report: PeriodicReport) -> str:
    summary = report_summary(report)
    return f"Báo cáo {summary[0].lower()}{summary[1:]}"


def _annex(report: PeriodicReport):
    return compute_annex(
        commune=report.commune, date_from=report.data_from, date_to=report.data_to
    )


def incidents_by_month(report: PeriodicReport) -> list[dict]:
    """Incident reports of the period by Vietnam month: abuse, drowning, other
    injuries — the dashboard's chart, drawn again in the PDF from these counts."""
    from django.db.models import Count, Q
    from django.db.models.functions import TruncMonth

    from cases.models import ABUSE_KINDS, IncidentReport

    zone = timezone.get_default_timezone()
    rows = (
        IncidentReport.objects.filter(
            commune_id=report.commune_id,
            received_at__date__range=(report.data_from, report.data_to),
        )
        .exclude(status__in=["duplicate", "dismissed"])
        .annotate(month=TruncMonth("received_at", tzinfo=zone))
        .values("month")
        .annotate(
            abuse=Count("pk", filter=Q(kind__in=ABUSE_KINDS)),
            drowning=Count("pk", filter=Q(kind="duoi_nuoc")),
            total=Count("pk"),
        )
    )
    found = {r["month"].date().replace(day=1): r for r in rows}
    months, day = [], report.data_from.replace(day=1)
    while day <= report.data_to:
        r = found.get(day, {"abuse": 0, "drowning": 0, "total": 0})
        months.append(
            {
                "month": f"{day.month}/{day.year}",
                "abuse": r["abuse"],
                "drowning": r["drowning"],
                "other": r["total"] - r["abuse"] - r["drowning"],
            }
        )
        day = (day + datetime.timedelta(days=32)).replace(day=1)
    return months


def _snapshot(report: PeriodicReport, annex) -> dict:
    """What is stored (and frozen at issue): the annex, and each target of the
    year's plan against its value in it, as printed."""
    from reports.plans.targets import plan_targets_vs_actual  # plans read reports

    data = annex.to_dict()
    data["months"] = incidents_by_month(report)
    data["targets"] = [
        {
            "label": row.label,
            "indicator": row.indicator_label,
            "target": row.target_display,
            "actual": row.actual_display,
            "met": row.met,
        }
        for row in plan_targets_vs_actual(report.commune, report.year, annex)
    ]
    return data


@transaction.atomic
def report_create(
    *, actor, commune, kind: str, year: int, event_on=None, request=None
) -> PeriodicReport:
    """A draft for the period, numbers computed and the narrative prefilled.
    `actor` None is beat preparing the draft when the period closes."""
    if actor is not None:
        _require(actor, commune.pk, Role.OFFICER)
    profile = profile_for(commune)
    period = period_for(kind, year, profile, event_on=event_on)
    open_version = PeriodicReport.objects.filter(
        commune=commune,
        kind=kind,
        data_from=period.data_from,
        data_to=period.data_to,
        status__in=[Status.DRAFT, Status.READY],
    ).first()
    if open_version is not None:
        return open_version  # one version being worked on per period
    if PeriodicReport.objects.filter(
        commune=commune,
        kind=kind,
        data_from=period.data_from,
        data_to=period.data_to,
        status=Status.ISSUED,
    ).exists():
        raise ValidationError(
            _("This period's report was issued; make a new version of it instead.")
        )
    report = PeriodicReport(
        commune=commune,
        kind=kind,
        year=year,
        data_from=period.data_from,
        data_to=period.data_to,
        due_on=period.due_on,
        created_by=actor,
    )
    annex = _annex(report)
    report.annex = _snapshot(report, annex)
    report.annex_computed_at = timezone.now()
    # The text goes upward with the annex: it speaks of the de-identified figures,
    # or it would print the small counts the table hides.
    report.narrative = prefill_sections(
        deidentify(annex), period_label=period_label(kind, period)
    )
    report.full_clean()
    report.save()
    audit_record(
        actor=actor,
        action="report.created",
        obj=report,
        commune=commune.pk,
        request=request,
        detail={"kind": kind, "year": year},
    )
    return report


@transaction.atomic
def report_save_narrative(
    *, actor, report: PeriodicReport, sections: dict, version: int | None, request=None
) -> PeriodicReport:
    """The officer's text. A report made ready goes back to draft: its PDF is old."""
    _require(actor, report.commune_id, Role.OFFICER)
    report = PeriodicReport.objects.select_for_update().get(pk=report.pk)
    if not report.is_editable:
        raise ValidationError(
            _("An issued report cannot be changed; make a new version.")
        )
    if version is not None and version != report.version:
        raise ValidationError(
            _("Someone else saved this report while you were writing. Open it again.")
        )
    report.narrative = {key: str(sections.get(key, "")) for key in SECTION_KEYS}
    report.status = Status.DRAFT
    report.version += 1
    report.save(update_fields=["narrative", "status", "version"])
    audit_record(actor=actor, action="report.edited", obj=report, request=request)
    return report


@transaction.atomic
def report_generate(
    *, actor, report: PeriodicReport, request=None
) -> GeneratedDocument:
    """Recompute the numbers for the period, store them, and render the PDF. The
    report is ready to issue once its PDF is."""
    _require(actor, report.commune_id, Role.OFFICER)
    report = (
        PeriodicReport.objects.select_for_update(of=("self",))
        .select_related("document")
        .get(pk=report.pk)
    )
    if report.status == Status.ISSUED and report.document.status == "failed":
        return _render_again(actor, report, request)
    if not report.is_editable:
        raise ValidationError(_("An issued report cannot be produced again."))
    report.annex = _snapshot(report, _annex(report))
    report.annex_computed_at = timezone.now()
    document = documents.document_request(
        requester=actor,
        commune=report.commune,
        kind=GeneratedDocument.Kind.PERIODIC_REPORT,
        title=report_title(report),
        subject_id=report.pk,
        request=request,
    )
    report.document = document
    report.status = Status.READY
    report.version += 1
    report.save(
        update_fields=["annex", "annex_computed_at", "document", "status", "version"]
    )
    _render_on_commit(document)
    return document


def _render_again(actor, report: PeriodicReport, request) -> GeneratedDocument:
    """An issued report whose final PDF failed: render it again from its frozen
    numbers and text (nothing is recomputed)."""
    document = documents.document_request(
        requester=actor,
        commune=report.commune,
        kind=GeneratedDocument.Kind.PERIODIC_REPORT,
        title=report.document.title,
        subject_id=report.pk,
        request=request,
    )
    report.document = document
    report.save(update_fields=["document"])
    _render_on_commit(document)
    return document


def _render_on_commit(document: GeneratedDocument) -> None:
    from reports import tasks  # tasks import services: keep the graph one-way

    transaction.on_commit(lambda: tasks.render_document.delay(document.pk))


@transaction.atomic
def report_issue(
    *, actor, report: PeriodicReport, issued_on: datetime.date, request=None
) -> PeriodicReport:
    """The clerk gives the number and the date; the stored numbers are frozen and
    the final PDF, with its number and verification code, is rendered."""
    _require(actor, report.commune_id, Role.CLERK)
    report = (
        PeriodicReport.objects.select_for_update(of=("self",))
        .select_related("document")
        .get(pk=report.pk)
    )
    if (
        report.status != Status.READY
        or report.document is None
        or (report.document.status != GeneratedDocument.Status.READY)
    ):
        raise ValidationError(_("Only a report whose PDF is ready can be issued."))
    if issued_on > timezone.localdate():
        raise ValidationError(_("The issue date cannot be in the future."))
    if issued_on < report.data_to:
        raise ValidationError(_("A report is issued after its data period ends."))
    last = last_issued_on(report.commune_id, issued_on.year)
    if last is not None and issued_on < last:
        # NĐ 30 Điều 15: numbers follow the order of issue.
        raise ValidationError(
            _("A document of the commune was issued on %(date)s: issue on or after it.")
            % {"date": last.strftime("%d/%m/%Y")}
        )
    report.number = number_next(commune_id=report.commune_id, year=issued_on.year)
    report.issued_on = issued_on
    report.issued_by = actor
    report.status = Status.ISSUED
    final = documents.document_request(
        requester=actor,
        commune=report.commune,
        kind=GeneratedDocument.Kind.PERIODIC_REPORT,
        title=f"{report_title(report)} (số {report.number})",
        subject_id=report.pk,
        request=request,
    )
    report.document = final
    report.version += 1
    report.save()
    if report.supersedes_id:
        PeriodicReport.objects.filter(pk=report.supersedes_id).update(
            status=Status.SUPERSEDED
        )
    audit_record(
        actor=actor,
        action="report.issued",
        obj=report,
        request=request,
        detail={"number": report.number, "year": issued_on.year},
    )
    _render_on_commit(final)
    return report


@transaction.atomic
def report_new_version(
    *, actor, report: PeriodicReport, request=None
) -> PeriodicReport:
    """An issued report is never edited: a new version, prefilled with its text,
    replaces it once issued."""
    _require(actor, report.commune_id, Role.OFFICER)
    report = PeriodicReport.objects.select_for_update().get(pk=report.pk)
    if report.status != Status.ISSUED:
        raise ValidationError(_("Only an issued report gets a new version."))
    if PeriodicReport.objects.filter(supersedes=report).exists():
        raise ValidationError(_("A new version of this report already exists."))
    draft = PeriodicReport(
        commune_id=report.commune_id,
        kind=report.kind,
        year=report.year,
        data_from=report.data_from,
        data_to=report.data_to,
        due_on=report.due_on,
        narrative=dict(report.narrative),
        supersedes=report,
        created_by=actor,
    )
    draft.annex = _snapshot(draft, _annex(draft))
    draft.annex_computed_at = timezone.now()
    draft.full_clean()
    draft.save()
    audit_record(actor=actor, action="report.new_version", obj=draft, request=request)
    return draft
