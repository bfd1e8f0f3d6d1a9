"""Periodic report pages: list and create, the report with its narrative, annex
and PDF progress, generate, issue, new version, the annex as .xlsx, and the
verification code of an issued copy."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts.models import Role
from accounts.permissions import can_see_documents
from accounts.scope import user_scope
from accounts.services import audit_record
from registry.selectors import commune_acting_for
from reports import selectors
from reports.forms import IssueForm, NarrativeForm, ReportCreateForm
from reports.indicators.smallcells import deidentify
from reports.indicators.structure import Annex
from reports.indicators.xlsx import annex_workbook
from reports.periodic import services
from reports.periodic.documents import annex_rows

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _roles(user, report) -> dict:
    scope = user_scope(user)
    return {
        "is_officer": report.commune_id in scope.communes_for(Role.OFFICER),
        "is_clerk": report.commune_id in scope.communes_for(Role.CLERK),
    }


@require_safe
def report_list(request):
    if not can_see_documents(request.user):
        raise PermissionDenied
    commune = commune_acting_for(request.user, Role.OFFICER)
    context = {
        "reports": selectors.reports_for(request.user),
        "form": ReportCreateForm() if commune else None,
    }
    return render(request, "reports/report_list.html", context)


@require_POST
def report_create(request):
    commune = commune_acting_for(request.user, Role.OFFICER)
    if commune is None:
        raise PermissionDenied
    form = ReportCreateForm(request.POST)
    if not form.is_valid():
        reports = selectors.reports_for(request.user)
        return render(
            request, "reports/report_list.html", {"reports": reports, "form": form}
        )
    try:
        try:
            report = services.report_create(
                actor=request.user,
                commune=commune,
                request=request,
                **form.cleaned_data,
            )
        except IntegrityError:
            # A double submit raced the first: that one's draft is the answer.
            report = services.report_create(
                actor=request.user,
                commune=commune,
                request=request,
                **form.cleaned_data,
            )
    except ValidationError as exc:
        form.add_error(None, exc)
        reports = selectors.reports_for(request.user)
        return render(
            request, "reports/report_list.html", {"reports": reports, "form": form}
        )
    return redirect("reports:report_detail", code=report.code)


@require_safe
def report_detail(request, code):
    report = selectors.report_get_for_user(request.user, code)
    roles = _roles(request.user, report)
    template = "reports/report_detail.html"
    if request.htmx:
        template += "#status"
    else:
        audit_record(
            actor=request.user, action="report.viewed", obj=report, request=request
        )
    context = {
        "report": report,
        "narrative_form": NarrativeForm(
            initial={**report.narrative, "version": report.version}
        )
        if roles["is_officer"] and report.is_editable
        else None,
        "issue_form": IssueForm() if roles["is_clerk"] else None,
        "annex": annex_rows(Annex.from_dict(report.annex)) if report.annex else [],
        "targets": report.annex.get("targets", []),
        **roles,
    }
    return render(request, template, context)


def _act(request, code, action, done: str, **kwargs):
    report = selectors.report_get_for_user(request.user, code)
    try:
        action(actor=request.user, report=report, request=request, **kwargs)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect("reports:report_detail", code=report.code)


@require_POST
def report_narrative(request, code):
    report = selectors.report_get_for_user(request.user, code)
    form = NarrativeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The text was not saved: a section is too long."))
        return redirect("reports:report_detail", code=report.code)
    data = dict(form.cleaned_data)
    return _act(
        request,
        code,
        services.report_save_narrative,
        _("The text was saved."),
        sections=data,
        version=data.pop("version"),
    )


@require_POST
def report_generate(request, code):
    return _act(
        request,
        code,
        services.report_generate,
        _("The PDF is being produced with the latest numbers."),
    )


@require_POST
def report_issue(request, code):
    form = IssueForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the issue date."))
        return redirect("reports:report_detail", code=code)
    return _act(
        request,
        code,
        services.report_issue,
        _("The report was issued."),
        issued_on=form.cleaned_data["issued_on"],
    )


@require_POST
def report_new_version(request, code):
    report = selectors.report_get_for_user(request.user, code)
    try:
        draft = services.report_new_version(
            actor=request.user, report=report, request=request
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("reports:report_detail", code=report.code)
    messages.success(request, _("A new version was started from the issued text."))
    return redirect("reports:report_detail", code=draft.code)


@require_safe
def report_xlsx(request, code):
    report = selectors.report_get_for_user(request.user, code)
    if not report.annex:
        raise Http404
    annex = deidentify(Annex.from_dict(report.annex))
    audit_record(
        actor=request.user, action="report.exported", obj=report, request=request
    )
    body = annex_workbook(annex, title=services.report_title(report))
    response = HttpResponse(body, content_type=XLSX)
    filename = f"bieu-so-lieu-{report.kind}-{report.year}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def report_verify(request, verification):
    """The code printed on an issued copy: who issued what, when, and the stored
    PDF, for a signed-in user of the commune or of the province that received it
    (404 for anyone else: existence does not leak)."""
    report = selectors.issued_report_for_verification(request.user, verification)
    audit_record(
        actor=request.user, action="report.verified", obj=report, request=request
    )
    return render(request, "reports/report_verify.html", {"report": report})


@require_safe
def report_verify_pdf(request, verification):
    report = selectors.issued_report_for_verification(request.user, verification)
    document = report.document
    if document is None or document.status != document.Status.READY:
        raise Http404
    audit_record(
        actor=request.user, action="document.downloaded", obj=document, request=request
    )
    return FileResponse(
        document.file.open("rb"),
        content_type="application/pdf",
        filename=f"bao-cao-{report.number:02d}-{report.issued_on:%Y}.pdf",
    )
