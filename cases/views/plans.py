"""The plan pages: drafting Mẫu 04 with its rows, submitting, the chairman's
approval or return, and adjustments."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from batochild.lib.forms import add_service_errors
from cases import selectors
from cases.casework import plans
from cases.casework.assessments import is_caseworker
from cases.casework.moves import ConflictError
from cases.step_forms import PlanForm, PlanItemFormSet, ReasonForm


def _rows(formset) -> list[dict]:
    """The filled rows, in order; blank extra rows and deleted ones are left out."""
    return [
        form.cleaned_data
        for form in formset.forms
        if form.has_changed() and not form.cleaned_data.get("DELETE")
    ]


@require_http_methods(["GET", "POST"])
def plan_edit(request, code):
    case = selectors.case_get_for_user(request.user, code)
    if not is_caseworker(request.user, case):
        raise PermissionDenied
    draft = plans.open_plan(case)
    # A new revision starts from the plan in force, but is a new plan (version 0).
    plan = draft or plans.approved_plan(case)
    if request.method == "POST":
        form = PlanForm(request.POST)
        formset = PlanItemFormSet(request.POST, prefix="items")
    else:
        form = PlanForm(
            initial={
                "goal": plan.goal if plan else "",
                "version": draft.version if draft else 0,
            }
        )
        rows = [
            {name: getattr(item, name) for name in plans.ITEM_FIELDS}
            for item in (plan.items.all() if plan else [])
        ]
        formset = PlanItemFormSet(initial=rows, prefix="items")
    conflict = []
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            plans.plan_save(
                actor=request.user,
                case=case,
                goal=form.cleaned_data["goal"],
                items=_rows(formset),
                version=form.cleaned_data.get("version") or 0,
                request=request,
            )
        except ConflictError as exc:
            conflict = exc.changes
            form.add_error(None, exc)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The plan was saved."))
            return redirect("cases:case_detail", code=case.code)
    return render(
        request,
        "cases/plan_form.html",
        {"case": case, "form": form, "formset": formset, "conflict": conflict},
    )


def _version(request) -> int | None:
    """The case version the page was read at (optimistic locking)."""
    try:
        return int(request.POST["version"])
    except (KeyError, ValueError):
        return None


def _post_action(
    request, code, action, done_message, *, with_reason=False, with_version=True
):
    case = selectors.case_get_for_user(request.user, code)
    kwargs = {"version": _version(request)} if with_version else {}
    if with_reason:
        form = ReasonForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Give the reason."))
            return redirect("cases:case_detail", code=case.code)
        kwargs["reason"] = form.cleaned_data["reason"]
    try:
        action(actor=request.user, case=case, request=request, **kwargs)
    except ConflictError as exc:
        messages.error(request, exc.messages[0])
        for label, value in exc.changes:
            messages.info(request, f"{label}: {value}")
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, done_message)
    return redirect("cases:case_detail", code=case.code)


@require_POST
def plan_submit(request, code):
    return _post_action(
        request, code, plans.plan_submit, _("The plan was sent to the chairman.")
    )


@require_POST
def plan_approve(request, code):
    return _post_action(request, code, plans.plan_approve, _("The plan was approved."))


def _return(*, actor, case, request, reason, version):
    return plans.plan_return(
        actor=actor, case=case, note=reason, version=version, request=request
    )


@require_POST
def plan_return(request, code):
    return _post_action(
        request,
        code,
        _return,
        _("The plan was sent back to the caseworker."),
        with_reason=True,
    )


@require_POST
def plan_adjust(request, code):
    _post_action(
        request,
        code,
        plans.plan_adjust,
        _("An adjustment of the plan was started."),
        with_reason=True,
        with_version=False,
    )
    return redirect("cases:plan_edit", code=code)
