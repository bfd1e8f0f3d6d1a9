"""Annual plan pages: the list with "new" and "copy last year's", the plan with
its targets against the year's figures and PDF progress, the edit page with its
three formsets, produce the PDF, adopt (the clerk) and new version."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from accounts.models import Role
from accounts.permissions import can_see_documents
from accounts.scope import user_scope
from accounts.services import audit_record
from batochild.lib.forms import add_service_errors
from registry.selectors import commune_acting_for
from reports.models import AnnualPlan
from reports.plans import selectors, services
from reports.plans.forms import (
    PlanAdoptForm,
    PlanAreaFormSet,
    PlanTargetFormSet,
    PlanTaskFormSet,
    PlanTextForm,
    PlanYearForm,
)
from reports.plans.targets import targets_vs_actual, year_annex, year_period

FORMSETS = {
    "targets": (PlanTargetFormSet, services.TARGET_FIELDS),
    "areas": (PlanAreaFormSet, services.AREA_FIELDS),
    "tasks": (PlanTaskFormSet, services.TASK_FIELDS),
}


def _roles(user, plan) -> dict:
    scope = user_scope(user)
    return {
        "is_officer": plan.commune_id in scope.communes_for(Role.OFFICER),
        "is_clerk": plan.commune_id in scope.communes_for(Role.CLERK),
    }


@require_safe
def plan_list(request):
    if not can_see_documents(request.user):
        raise PermissionDenied
    commune = commune_acting_for(request.user, Role.OFFICER)
    context = {
        "plans": selectors.plans_for(request.user),
        "form": PlanYearForm() if commune else None,
    }
    return render(request, "reports/plan_list.html", context)


def _start(request, make):
    """Create a plan with `make(commune, year)`; errors go back to the list."""
    commune = commune_acting_for(request.user, Role.OFFICER)
    if commune is None:
        raise PermissionDenied
    form = PlanYearForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a year between 2020 and 2100."))
        return redirect("reports:plan_list")
    try:
        plan = make(commune, form.cleaned_data["year"])
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("reports:plan_list")
    return redirect("reports:plan_detail", code=plan.code)


@require_POST
def plan_create(request):
    def make(commune, year):
        return services.plan_create(
            actor=request.user, commune=commune, year=year, request=request
        )

    return _start(request, make)


@require_POST
def plan_copy(request):
    """A new plan as a copy of the previous year's."""

    def make(commune, year):
        source = selectors.plan_of_year(commune.pk, year - 1)
        if source is None:
            raise ValidationError(
                _("There is no plan for %(year)s to copy.") % {"year": year - 1}
            )
        return services.plan_copy_from(
            actor=request.user, source=source, year=year, request=request
        )

    return _start(request, make)


@require_safe
def plan_detail(request, code):
    plan = selectors.plan_get_for_user(request.user, code)
    roles = _roles(request.user, plan)
    if request.htmx:  # the PDF status only, polled while it renders
        template = "reports/plan_detail.html#status"
        return render(request, template, {"plan": plan, **roles})
    audit_record(actor=request.user, action="plan.viewed", obj=plan, request=request)
    context = {
        "plan": plan,
        **selectors.plan_contents(plan),
        "period": year_period(plan.year),
        "target_rows": targets_vs_actual(plan, year_annex(plan.commune, plan.year)),
        "adopt_form": PlanAdoptForm() if roles["is_clerk"] else None,
        **roles,
    }
    return render(request, "reports/plan_detail.html", context)


def _edit_forms(plan, data=None) -> dict:
    if data is not None:
        return {
            "text": PlanTextForm(data),
            **{key: cls(data, prefix=key) for key, (cls, _f) in FORMSETS.items()},
        }
    contents = selectors.plan_contents(plan)
    text = {name: getattr(plan, name) for name in services.TEXT_FIELDS}
    return {
        "text": PlanTextForm(initial={**text, "version": plan.version}),
        **{
            key: cls(
                prefix=key,
                initial=[{n: getattr(row, n) for n in fields} for row in contents[key]],
            )
            for key, (cls, fields) in FORMSETS.items()
        },
    }


def _rows(formset) -> list[dict]:
    """The filled rows, in order; blank extra rows and deleted ones left out."""
    return [
        form.cleaned_data
        for form in formset.forms
        if form.has_changed() and not form.cleaned_data.get("DELETE")
    ]


@require_http_methods(["GET", "POST"])
def plan_edit(request, code):
    plan = selectors.plan_get_for_user(request.user, code)
    if not _roles(request.user, plan)["is_officer"]:
        raise PermissionDenied
    if not plan.is_editable:
        messages.error(
            request, _("An adopted plan cannot be changed; make a new version.")
        )
        return redirect("reports:plan_detail", code=plan.code)
    forms = _edit_forms(plan, request.POST if request.method == "POST" else None)
    if request.method == "POST" and all(f.is_valid() for f in forms.values()):
        text = forms["text"].cleaned_data
        try:
            services.plan_save(
                actor=request.user,
                plan=plan,
                version=text["version"],
                texts=text,
                request=request,
                **{key: _rows(forms[key]) for key in FORMSETS},
            )
        except ValidationError as exc:
            add_service_errors(forms["text"], exc)
        else:
            messages.success(request, _("The plan was saved."))
            return redirect("reports:plan_detail", code=plan.code)
    return render(request, "reports/plan_form.html", {"plan": plan, **forms})


def _act(request, plan, action, done: str, **kwargs):
    """Run a service on a gated plan; go to the plan it returns, or back."""
    try:
        result = action(actor=request.user, plan=plan, request=request, **kwargs)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("reports:plan_detail", code=plan.code)
    messages.success(request, done)
    target = result if isinstance(result, AnnualPlan) else plan
    return redirect("reports:plan_detail", code=target.code)


@require_POST
def plan_generate(request, code):
    plan = selectors.plan_get_for_user(request.user, code)
    return _act(request, plan, services.plan_generate, _("The PDF is being produced."))


@require_POST
def plan_adopt(request, code):
    plan = selectors.plan_get_for_user(request.user, code)
    form = PlanAdoptForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the adoption date."))
        return redirect("reports:plan_detail", code=plan.code)
    return _act(
        request,
        plan,
        services.plan_adopt,
        _("The plan was adopted."),
        adopted_on=form.cleaned_data["adopted_on"],
    )


@require_POST
def plan_new_version(request, code):
    plan = selectors.plan_get_for_user(request.user, code)
    return _act(
        request,
        plan,
        services.plan_new_version,
        _("A new version was started from the adopted plan."),
    )
