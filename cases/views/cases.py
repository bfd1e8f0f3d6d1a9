"""Case pages: the list, the case page with its next action, opening and moving."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts.services import audit_record
from cases import permissions, selectors
from cases.casework import moves as case_services
from cases.casework.documents import documents_context
from cases.casework.page import case_page
from cases.forms import CaseMoveForm, CaseOpenForm
from cases.referral_selectors import referrals_context


@require_safe
def case_detail(request, code):
    case = selectors.case_get_for_user(request.user, code)
    audit_record(actor=request.user, action="case.viewed", obj=case, request=request)
    now = timezone.now()
    context = {
        "case": case,
        "page": case_page(request.user, case),
        "events": case.events.select_related("actor"),
        "assessments": case.risk_assessments.select_related("assessed_by"),
        "meetings": case.meetings.all(),
        "followups": case.followups.select_related("visited_by"),
        "separations": case.separations.all(),
        "now": now,
        "overdue": case.is_overdue(now),
        **documents_context(request.user, case),
        **referrals_context(request.user, case),
    }
    return render(request, "cases/case_detail.html", context)


@require_POST
def case_open(request, code):
    report = selectors.incident_get_for_user(request.user, code)
    if not permissions.can_triage(request.user, report):
        raise PermissionDenied
    form = CaseOpenForm(request.POST)
    if form.is_valid():
        try:
            case = case_services.case_open(
                actor=request.user, report=report, level=form.cleaned_data["level"]
            )
        except ValidationError as exc:
            for errors in exc.message_dict.values():
                for message in errors:
                    messages.error(request, message)
        else:
            messages.success(request, _("The case was opened."))
            return redirect("cases:case_detail", code=case.code)
    return redirect("cases:incident_detail", code=report.code)


@require_POST
def case_move(request, code):
    case = selectors.case_get_for_user(request.user, code)
    form = CaseMoveForm(request.POST)
    if form.is_valid():
        try:
            case_services.case_transition(
                actor=request.user, case=case, **form.cleaned_data
            )
        except case_services.ConflictError as exc:
            messages.error(request, exc.messages[0])
            for label, value in exc.changes:
                messages.info(request, f"{label}: {value}")
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The case moved to the next step."))
    return redirect("cases:case_detail", code=case.code)
