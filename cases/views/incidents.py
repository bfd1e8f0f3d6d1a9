import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from accounts.services import audit_record
from batochild.lib.forms import add_service_errors
from cases import permissions, selectors, services
from cases.forms import (
    LinkChildForm,
    ReportForm,
    ReportListForm,
    TriageForm,
)
from cases.models import Case, IncidentReport
from registry.models import Child


@require_http_methods(["GET", "POST"])
def report_new(request):
    if not permissions.can_report(request.user):
        raise PermissionDenied
    intake = permissions.records_intake(request.user)
    form = ReportForm(request.POST or None, user=request.user, intake=intake)
    if form.is_valid():
        try:
            report, _created = services.incident_submit(
                reporter=request.user,
                fields=form.report_fields(),
                informant=form.informant(),
                idempotency_key=form.cleaned_data["idempotency_key"],
                request=request,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Thank you. The report was received."))
            response = redirect("cases:my_reports")
            # Lets the page's script forget the draft kept for a dropped connection.
            response["Location"] += f"?sent={report.idempotency_key}"
            return response
    return render(request, "cases/report_form.html", {"form": form, "intake": intake})


@require_safe
def my_reports(request):
    if not permissions.can_report(request.user):
        raise PermissionDenied
    return render(
        request,
        "cases/my_reports.html",
        {"reports": selectors.reports_by(request.user)},
    )


@require_safe
def inbox(request):
    if not permissions.can_use_inbox(request.user):
        raise PermissionDenied
    context = {
        "reports": selectors.inbox(request.user),
        "recent": selectors.recently_triaged(request.user),
    }
    return render(request, "cases/inbox.html", context)


@require_safe
def incident_detail(request, code):
    report = selectors.incident_get_for_user(request.user, code)
    audit_record(
        actor=request.user, action="incident.viewed", obj=report, request=request
    )
    full = permissions.sees_full_report(request.user, report)
    context = {
        "report": report,
        "full": full,
        "can_triage": permissions.can_triage(request.user, report),
        "events": report.events.select_related("actor") if full else [],
        "informant": getattr(report, "reporter", None) if full else None,
        "form": _triage_form(request.user, report),
        "link_form": _link_form(request.user, report),
        "case_levels": Case.Level.choices,
        "opened_case": report.cases.visible_to(request.user).first(),
    }
    return render(request, "cases/incident_detail.html", context)


def _triage_form(user, report, data=None) -> TriageForm:
    # Not sliced (a sliced queryset refuses every choice): the last 90 days are
    # where a duplicate is found.
    since = report.received_at - datetime.timedelta(days=90)
    others = (
        IncidentReport.objects.visible_to(user)
        .filter(commune_id=report.commune_id, received_at__gte=since)
        .exclude(pk=report.pk)
    )
    return TriageForm(data, others=others.order_by("-received_at"))


@require_POST
def incident_triage(request, code):
    report = selectors.incident_get_for_user(request.user, code)
    if not permissions.can_triage(request.user, report):
        raise PermissionDenied
    form = _triage_form(request.user, report, request.POST)
    if form.is_valid():
        try:
            services.incident_triage(
                actor=request.user, report=report, request=request, **form.cleaned_data
            )
        except ValidationError as exc:
            for messages_ in exc.message_dict.values():
                for message in messages_:
                    messages.error(request, message)
        else:
            messages.success(request, _("The report was updated."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("cases:incident_detail", code=report.code)


def _link_form(user, report, data=None) -> LinkChildForm:
    children = (
        Child.objects.visible_to(user)
        .filter(residential_group_id=report.residential_group_id)
        .order_by("full_name")
    )
    return LinkChildForm(data, children=children)


@require_POST
def incident_link_child(request, code):
    """Attach the registry's child; a child not yet registered is added there first."""
    report = selectors.incident_get_for_user(request.user, code)
    if not permissions.can_triage(request.user, report):
        raise PermissionDenied
    form = _link_form(request.user, report, request.POST)
    if form.is_valid():
        services.incident_link_child(
            actor=request.user,
            report=report,
            child=form.cleaned_data["child"],
            request=request,
        )
        messages.success(request, _("The child was linked to the report."))
    else:
        messages.error(request, _("Choose a child of the report's residential group."))
    return redirect("cases:incident_detail", code=report.code)


@require_safe
def incident_list(request):
    """Every report of the commune, for the officer and the chairman."""
    if not permissions.can_use_inbox(request.user):
        raise PermissionDenied
    form = ReportListForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows, cursor = selectors.all_reports(
        request.user, status=filters.get("status", ""), after=filters.get("after", "")
    )
    return render(
        request,
        "cases/incident_list.html",
        {"form": form, "rows": rows, "cursor": cursor},
    )
