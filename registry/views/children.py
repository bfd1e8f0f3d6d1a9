"""The child list, the child page and the officer's forms."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.models import Role
from accounts.scope import user_scope
from accounts.services import audit_record
from batochild.lib.forms import add_service_errors
from registry import permissions, selectors, services, upkeep
from registry.forms import (
    CaregiverForm,
    ChildFilterForm,
    ChildForm,
    CircumstanceForm,
    DeleteForm,
    HouseholdForm,
    StatusForm,
)
from registry.models import Child, ResidentialGroup


@require_safe
def child_list(request):
    if not permissions.can_list_children(request.user):
        raise PermissionDenied
    full_communes = user_scope(request.user).communes_for(Role.OFFICER, Role.CHAIRMAN)
    full = bool(full_communes)
    groups = ResidentialGroup.objects.visible_to(request.user).order_by("name")
    form = ChildFilterForm(request.GET or None, groups=groups)
    filters = form.cleaned_data if form.is_valid() else {}
    page = selectors.keyset_page(
        selectors.children_for(request.user, filters), filters.get("after")
    )
    # Decided per row: a person may be officer in one commune and leader in another.
    for child in page.rows:
        child.show_full = child.commune_id in full_communes
    selectors.attach_open_circumstances([c for c in page.rows if c.show_full])
    commune = selectors.commune_acting_for(request.user, Role.OFFICER)
    context = {
        "form": form,
        "page": page,
        "full": full,
        "can_create": commune is not None,
        # Only the full page shows the alert: htmx fragments skip the count.
        "flagged_cards": (
            upkeep.insurance_flagged_count(request.user)
            if commune and not request.htmx
            else 0
        ),
        "can_export": full,
    }
    template = "registry/child_list.html"
    if request.htmx and not request.htmx.boosted:
        template += "#child-table"
    return render(request, template, context)


def _child_for_officer(request, code) -> Child:
    child = selectors.child_get_for_user(request.user, code)
    if not permissions.can_edit_children(request.user, child.commune_id):
        raise PermissionDenied
    return child


@require_safe
def child_detail(request, code):
    child = selectors.child_get_for_user(request.user, code)
    if not permissions.can_view_child(request.user, child):
        raise PermissionDenied
    audit_record(actor=request.user, action="child.viewed", obj=child, request=request)
    context = {
        "child": child,
        "events": child.events.select_related("actor")[:50],
        "can_edit": permissions.can_edit_children(request.user, child.commune_id),
    }
    return render(request, "registry/child_detail.html", context)


@require_http_methods(["GET", "POST"])
def child_create(request):
    commune = selectors.commune_acting_for(request.user, Role.OFFICER)
    if commune is None:
        raise PermissionDenied
    form = ChildForm(
        request.POST or None, commune=commune, instance=Child(commune=commune)
    )
    if form.is_valid():
        try:
            child = services.child_register(
                actor=request.user,
                commune=commune,
                fields=form.child_fields(),
                risk_categories=form.cleaned_data["risk_categories"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The child was added to the registry."))
            return redirect("registry:child_detail", code=child.code)
    return render(request, "registry/child_form.html", {"form": form, "child": None})


@require_http_methods(["GET", "POST"])
def child_edit(request, code):
    child = _child_for_officer(request, code)
    if request.method == "GET":  # the form shows the whole record
        audit_record(
            actor=request.user, action="child.viewed", obj=child, request=request
        )
    form = ChildForm(request.POST or None, commune=child.commune, instance=child)
    if form.is_valid():
        try:
            services.child_update(
                actor=request.user,
                child=child,
                fields=form.child_fields(),
                version=form.cleaned_data["version"],
                risk_categories=form.cleaned_data["risk_categories"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The changes were saved."))
            return redirect("registry:child_detail", code=child.code)
    return render(request, "registry/child_form.html", {"form": form, "child": child})


def _small_form(request, child, form_class, service, title, success):
    """GET shows the form, POST calls `service(form)`; errors stay on the page."""
    form = form_class(request.POST or None)
    if form.is_valid():
        try:
            service(form)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, success)
            return None
    return render(
        request,
        "registry/child_small_form.html",
        {"form": form, "child": child, "title": title},
    )


@require_http_methods(["GET", "POST"])
def child_status(request, code):
    child = _child_for_officer(request, code)
    response = _small_form(
        request,
        child,
        StatusForm,
        lambda f: services.child_change_status(
            actor=request.user, child=child, **f.cleaned_data
        ),
        _("Change status (archive)"),
        _("The status was changed."),
    )
    return response or redirect("registry:child_detail", code=child.code)


@require_http_methods(["GET", "POST"])
def child_delete(request, code):
    child = _child_for_officer(request, code)
    response = _small_form(
        request,
        child,
        DeleteForm,
        lambda f: services.child_delete(
            actor=request.user, child=child, **f.cleaned_data
        ),
        _("Delete a record entered by mistake"),
        _("The record was deleted."),
    )
    return response or redirect("registry:child_list")


@require_http_methods(["GET", "POST"])
def circumstance_add(request, code):
    child = _child_for_officer(request, code)
    response = _small_form(
        request,
        child,
        CircumstanceForm,
        lambda f: services.circumstance_record(
            actor=request.user, child=child, fields=f.cleaned_data
        ),
        _("Record a special circumstance"),
        _("The special circumstance was recorded."),
    )
    return response or redirect("registry:child_detail", code=child.code)


@require_http_methods(["GET", "POST"])
def caregiver_add(request, code):
    child = _child_for_officer(request, code)
    response = _small_form(
        request,
        child,
        CaregiverForm,
        lambda f: services.caregiver_record(
            actor=request.user, child=child, fields=f.cleaned_data
        ),
        _("Add a caregiver"),
        _("The caregiver was added."),
    )
    return response or redirect("registry:child_detail", code=child.code)


@require_http_methods(["GET", "POST"])
def household_create(request):
    commune = selectors.commune_acting_for(request.user, Role.OFFICER)
    if commune is None:
        raise PermissionDenied
    form = HouseholdForm(request.POST or None, commune=commune)
    if form.is_valid():
        try:
            services.household_register(
                actor=request.user, commune=commune, fields=form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("The household was added. Choose it in the child's record.")
            )
            return redirect("registry:child_list")
    return render(request, "registry/household_form.html", {"form": form})
