"""Self-assessment pages: the list and a new year, the assessment with its
criteria, scores, result and PDF progress, score entry with evidence, the
meeting, refresh, submit, approve and the dossier's PDFs."""

import mimetypes

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from accounts.models import Role
from accounts.services import audit_record
from batochild.lib.forms import add_service_errors
from registry.selectors import commune_acting_for
from reports.childfriendly import permissions, selectors, services
from reports.childfriendly.forms import (
    AssessmentCreateForm,
    MeetingForm,
    ScoreForm,
    VersionForm,
)

DETAIL = "reports:childfriendly_detail"


def _list_page(request, form):
    context = {"assessments": selectors.assessments_for(request.user), "form": form}
    return render(request, "reports/childfriendly/assessment_list.html", context)


@require_safe
def assessment_list(request):
    if not permissions.can_see_assessments(request.user):
        raise PermissionDenied
    commune = commune_acting_for(request.user, Role.OFFICER)
    return _list_page(request, AssessmentCreateForm() if commune else None)


@require_POST
def assessment_create(request):
    commune = commune_acting_for(request.user, Role.OFFICER)
    if not permissions.can_create_assessment(request.user, commune):
        raise PermissionDenied
    form = AssessmentCreateForm(request.POST)
    if not form.is_valid():
        return _list_page(request, form)
    try:
        assessment = services.assessment_create(
            actor=request.user, commune=commune, request=request, **form.cleaned_data
        )
    except ValidationError as exc:
        add_service_errors(form, exc)
        return _list_page(request, form)
    return redirect(DETAIL, code=assessment.code)


@require_safe
def assessment_detail(request, code):
    assessment = selectors.assessment_get_for_user(request.user, code)
    template = "reports/childfriendly/assessment_detail.html"
    if request.htmx:
        template += "#documents"
    else:
        audit_record(
            actor=request.user,
            action="childfriendly.viewed",
            obj=assessment,
            request=request,
        )
    user = request.user
    documents = [
        d
        for d in (assessment.evaluation_document, assessment.minutes_document)
        if d is not None
    ]
    context = {
        "assessment": assessment,
        "documents": documents,
        "documents_pending": any(not d.is_finished for d in documents),
        # The progress poll shows the documents only.
        "sheet": None if request.htmx else selectors.assessment_sheet(assessment),
        "can_fill": permissions.can_fill(user, assessment),
        "can_approve": permissions.can_approve(user, assessment),
        "can_generate": permissions.can_generate(user, assessment),
        "can_see_evidence": permissions.can_see_evidence(user, assessment),
    }
    return render(request, template, context)


def _act(request, code, action, done: str):
    """A POSTed action of the page, checked against the version it showed."""
    assessment = selectors.assessment_get_for_user(request.user, code)
    form = VersionForm(request.POST)
    version = form.cleaned_data["version"] if form.is_valid() else None
    try:
        action(
            actor=request.user, assessment=assessment, version=version, request=request
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect(DETAIL, code=assessment.code)


@require_POST
def assessment_refresh(request, code):
    return _act(
        request,
        code,
        services.assessment_refresh,
        _("The indicators were computed again from the records."),
    )


@require_POST
def assessment_submit(request, code):
    return _act(
        request,
        code,
        services.assessment_submit,
        _("The self-assessment was sent to the chairman."),
    )


@require_POST
def assessment_approve(request, code):
    return _act(
        request,
        code,
        services.assessment_approve,
        _("The self-assessment was approved."),
    )


@require_POST
def assessment_generate(request, code):
    assessment = selectors.assessment_get_for_user(request.user, code)
    services.assessment_generate(
        actor=request.user, assessment=assessment, request=request
    )
    messages.success(request, _("The two PDFs are being produced."))
    return redirect(DETAIL, code=assessment.code)


def _editable(request, code):
    assessment = selectors.assessment_get_for_user(request.user, code)
    if not permissions.can_fill(request.user, assessment):
        raise PermissionDenied
    return assessment


def _form_page(request, form, save, template: str, context: dict):
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect(DETAIL, code=context["assessment"].code)
    return render(request, template, {"form": form, **context})


@require_http_methods(["GET", "POST"])
def score_edit(request, code, score):
    assessment = _editable(request, code)
    score = selectors.score_get(assessment, score)
    initial = {
        "version": assessment.version,
        "value": score.value,
        "points": score.points,
        "evidence": score.evidence,
    }
    form = ScoreForm(request.POST or None, request.FILES or None, initial=initial)

    def save(data):
        services.score_enter(
            actor=request.user,
            assessment=assessment,
            score=score,
            request=request,
            **data,
        )

    context = {"assessment": assessment, "score": score, "indicator": score.indicator}
    return _form_page(
        request, form, save, "reports/childfriendly/score_form.html", context
    )


@require_http_methods(["GET", "POST"])
def meeting_edit(request, code):
    assessment = _editable(request, code)
    initial = {name: getattr(assessment, name) for name in services.MEETING_FIELDS}
    form = MeetingForm(
        request.POST or None, initial={**initial, "version": assessment.version}
    )

    def save(data):
        services.meeting_save(
            actor=request.user, assessment=assessment, request=request, **data
        )

    return _form_page(
        request,
        form,
        save,
        "reports/childfriendly/meeting_form.html",
        {"assessment": assessment},
    )


@require_safe
def score_evidence(request, code, score):
    """An attached evidence file, after the scope check; every read is audited."""
    assessment = selectors.assessment_get_for_user(request.user, code)
    if not permissions.can_see_evidence(request.user, assessment):
        raise PermissionDenied
    score = selectors.score_get(assessment, score)
    if not score.attachment:
        raise Http404
    audit_record(
        actor=request.user,
        action="childfriendly.evidence_viewed",
        obj=assessment,
        request=request,
        detail={"indicator": score.indicator.code},
    )
    content_type = (
        mimetypes.guess_type(score.attachment.name)[0] or "application/octet-stream"
    )
    response = FileResponse(
        score.attachment.open("rb"), content_type=content_type, as_attachment=True
    )
    response["Cache-Control"] = "private, no-store"
    return response
