"""Referral pages: the list, a referral with its acknowledgement, outcome and
withdrawal, and the send form of the case page. Every action redirects back."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts.permissions import can_see_referrals
from accounts.services import audit_record
from cases import referral_selectors as selectors
from cases import selectors as case_selectors
from cases.casework import referrals as services
from cases.referral_forms import (
    CancelForm,
    OutcomeForm,
    ReferralForm,
    ReferralListForm,
)


def _show_errors(request, form=None, exc: ValidationError | None = None) -> None:
    """Form or service errors as messages, for a page that redirects; the
    field's label goes first so the message reads alone."""
    errors = form.errors if form is not None else {}
    if exc is not None:
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
    for field, field_errors in errors.items():
        label = form.fields[field].label if form and field in form.fields else ""
        for message in field_errors:
            if label:
                message = _("%(field)s: %(error)s") % {"field": label, "error": message}
            messages.error(request, message)


@require_safe
def referral_list(request):
    """Partners: the referrals sent to them; officers and chairmen: the commune's."""
    if not can_see_referrals(request.user):
        raise PermissionDenied
    form = ReferralListForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows, cursor = selectors.referrals_for_partner(
        request.user, status=filters.get("status", ""), after=filters.get("after", "")
    )
    context = {"form": form, "rows": rows, "cursor": cursor}
    return render(request, "cases/referral_list.html", context)


@require_safe
def referral_detail(request, code):
    referral = selectors.referral_get_for_user(request.user, code)
    audit_record(
        actor=request.user, action="referral.viewed", obj=referral, request=request
    )
    user = request.user
    context = {
        "referral": referral,
        "overdue": referral.is_overdue(timezone.localdate()),
        "sees_case": selectors.sees_case(user, referral),
        "can_acknowledge": selectors.can_acknowledge_referral(user, referral),
        "can_complete": selectors.can_complete_referral(user, referral),
        "can_cancel": selectors.can_cancel_referral(user, referral),
        "outcome_form": OutcomeForm(),
        "cancel_form": CancelForm(),
    }
    return render(request, "cases/referral_detail.html", context)


@require_POST
def referral_acknowledge(request, code):
    referral = selectors.referral_get_for_user(request.user, code)
    if not selectors.is_partner_for(request.user, referral):
        raise PermissionDenied
    try:
        services.referral_acknowledge(actor=request.user, referral=referral)
    except ValidationError as exc:
        _show_errors(request, exc=exc)
    else:
        messages.success(request, _("The referral was acknowledged."))
    return redirect("cases:referral_detail", code=referral.code)


@require_POST
def referral_complete(request, code):
    referral = selectors.referral_get_for_user(request.user, code)
    if not selectors.is_partner_for(request.user, referral):
        raise PermissionDenied
    form = OutcomeForm(request.POST)
    if not form.is_valid():
        _show_errors(request, form)
        return redirect("cases:referral_detail", code=referral.code)
    try:
        services.referral_complete(
            actor=request.user, referral=referral, **form.cleaned_data
        )
    except ValidationError as exc:
        _show_errors(request, form, exc)
    else:
        messages.success(request, _("The outcome was recorded."))
    return redirect("cases:referral_detail", code=referral.code)


@require_POST
def referral_cancel(request, code):
    referral = selectors.referral_get_for_user(request.user, code)
    if not selectors.is_commune_officer(request.user, referral.commune_id):
        raise PermissionDenied
    form = CancelForm(request.POST)
    if not form.is_valid():
        _show_errors(request, form)
        return redirect("cases:referral_detail", code=referral.code)
    try:
        services.referral_cancel(
            actor=request.user, referral=referral, **form.cleaned_data
        )
    except ValidationError as exc:
        _show_errors(request, form, exc)
    else:
        messages.success(request, _("The referral was withdrawn."))
    return redirect("cases:referral_detail", code=referral.code)


@require_POST
def referral_send(request, code):
    """From the case page; errors come back there as messages, nothing is saved."""
    case = case_selectors.case_get_for_user(request.user, code)
    if not selectors.is_commune_officer(request.user, case.commune_id):
        raise PermissionDenied
    form = ReferralForm(request.POST, plan_items=selectors.current_plan_items(case))
    if not form.is_valid():
        _show_errors(request, form)
        return redirect("cases:case_detail", code=case.code)
    try:
        services.referral_send(actor=request.user, case=case, **form.cleaned_data)
    except ValidationError as exc:
        _show_errors(request, form, exc)
    else:
        messages.success(request, _("The referral was sent."))
    return redirect("cases:case_detail", code=case.code)
