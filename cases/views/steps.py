"""The forms of each case step. Every view reaches the case through the
gatekeeper (404 outside scope); the services decide who may write (403)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from batochild.lib.forms import add_service_errors
from cases import selectors
from cases.casework import assessments
from cases.casework.moves import ConflictError, can_move_case
from cases.models import CaseStatus, RiskForm
from cases.step_forms import (
    DetailedAssessmentForm,
    FollowUpForm,
    NeedsMeetingForm,
    RiskAssessmentForm,
    SeparationForm,
)

STEP_TEMPLATE = "cases/step_form.html"


def _page(request, case, form, title, **extra):
    return render(
        request, STEP_TEMPLATE, {"case": case, "form": form, "title": title, **extra}
    )


def _require_caseworker(user, case):
    if not assessments.is_caseworker(user, case):
        raise PermissionDenied  # the chairman reads the case; forms are the caseworker's


@require_http_methods(["GET", "POST"])
def risk_assessment(request, code, form_code):
    case = selectors.case_get_for_user(request.user, code)
    _require_caseworker(request.user, case)
    if form_code not in RiskForm.values:
        raise Http404
    criteria = assessments.criteria_for(form_code)
    form = RiskAssessmentForm(
        request.POST or None, form_code=form_code, criteria=criteria
    )
    if form.is_valid():
        try:
            assessments.risk_assessment_record(
                actor=request.user,
                case=case,
                form=form_code,
                answers=form.answers(),
                conclusion=form.cleaned_data["conclusion"],
                notes=form.cleaned_data["notes"],
                request=request,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The assessment was saved."))
            return redirect("cases:case_detail", code=case.code)
    return _page(request, case, form, RiskForm(form_code).label)


@require_http_methods(["GET", "POST"])
def detailed_assessment(request, code):
    case = selectors.case_get_for_user(request.user, code)
    _require_caseworker(request.user, case)
    current = selectors.detailed_assessment_of(case)
    initial = {"version": current.version} if current else {}
    form = DetailedAssessmentForm(
        request.POST or None, instance=current, initial=initial
    )
    conflict = []
    if form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            assessments.detailed_assessment_save(
                actor=request.user,
                case=case,
                fields=fields,
                version=form.cleaned_data.get("version"),
                request=request,
            )
        except ConflictError as exc:
            # Keep what this person typed; show what the other person saved.
            conflict = exc.changes
            form.add_error(None, exc)
            fresh = selectors.detailed_assessment_of(case)
            form.data = form.data.copy()
            form.data["version"] = fresh.version
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The detailed assessment was saved."))
            return redirect("cases:case_detail", code=case.code)
    return _page(
        request,
        case,
        form,
        _("Detailed assessment (Form 03)"),
        conflict=conflict,
        script="js/hide-when.js",
    )


def _simple_step(request, case, form_class, service, title, done_message):
    form = form_class(request.POST or None)
    if form.is_valid():
        try:
            service(
                actor=request.user,
                case=case,
                fields=form.cleaned_data,
                request=request,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, done_message)
            return redirect("cases:case_detail", code=case.code)
    return _page(request, case, form, title)


@require_http_methods(["GET", "POST"])
def needs_meeting(request, code):
    case = selectors.case_get_for_user(request.user, code)
    _require_caseworker(request.user, case)
    return _simple_step(
        request,
        case,
        NeedsMeetingForm,
        assessments.needs_meeting_record,
        _("Minutes of the needs meeting"),
        _("The minutes were saved."),
    )


@require_http_methods(["GET", "POST"])
def followup(request, code):
    case = selectors.case_get_for_user(request.user, code)
    _require_caseworker(request.user, case)
    return _simple_step(
        request,
        case,
        FollowUpForm,
        assessments.followup_record,
        _("Follow-up visit"),
        _("The visit was saved."),
    )


@require_http_methods(["GET", "POST"])
def separation(request, code):
    case = selectors.case_get_for_user(request.user, code)
    if not can_move_case(request.user, case, CaseStatus.SEPARATION):
        raise PermissionDenied  # the chairman's decision (Đ32)
    return _simple_step(
        request,
        case,
        SeparationForm,
        assessments.separation_decide,
        _("Temporary separation decision (Form 07)"),
        _("The separation was decided."),
    )
