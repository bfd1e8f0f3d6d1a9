"""Trainings: the list, the form, the page with its attendees."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from campaigns import selectors
from campaigns.forms import AttendeeForm, ConfirmForm, PageForm, TrainingForm
from campaigns.permissions import can_edit_campaigns
from campaigns.services import trainings as services
from campaigns.views.activities import can_create_anywhere
from campaigns.views.common import (
    form_page,
    officer_commune,
    posted,
    require_campaign_reader,
    require_editor,
)


@require_safe
def training_list(request):
    require_campaign_reader(request)
    form = PageForm(request.GET or None)
    after = form.cleaned_data.get("after") if form.is_valid() else None
    context = {
        "page": selectors.trainings_page(request.user, after=after),
        "can_create": can_create_anywhere(request),
    }
    return render(request, "campaigns/training_list.html", context)


@require_http_methods(["GET", "POST"])
def training_create(request):
    commune = officer_commune(request)
    form = TrainingForm(
        posted(request), campaigns=selectors.commune_campaigns(request.user, commune)
    )

    def save():
        training = services.training_create(
            actor=request.user,
            commune=commune,
            fields=form.cleaned_data,
            request=request,
        )
        return redirect("campaigns:training_detail", code=training.code)

    return form_page(
        request,
        form,
        save,
        _("The training was saved."),
        "campaigns/training_form.html",
        {"training": None},
    )


def _training_for_officer(request, code):
    training = selectors.training_get_for_user(request.user, code)
    require_editor(request, training.commune_id)
    return training


@require_http_methods(["GET", "POST"])
def training_edit(request, code):
    training = _training_for_officer(request, code)
    form = TrainingForm(
        posted(request),
        instance=training,
        campaigns=selectors.commune_campaigns(request.user, training.commune),
    )

    def save():
        services.training_update(
            actor=request.user,
            training=training,
            fields=form.cleaned_data,
            request=request,
        )
        return redirect("campaigns:training_detail", code=training.code)

    return form_page(
        request,
        form,
        save,
        _("The changes were saved."),
        "campaigns/training_form.html",
        {"training": training},
    )


@require_http_methods(["GET", "POST"])
def training_detail(request, code):
    """The training and its attendees; the officer adds one with the form below."""
    training = selectors.training_get_for_user(request.user, code)
    can_edit = can_edit_campaigns(request.user, training.commune_id)
    if request.method == "POST":
        require_editor(request, training.commune_id)
    form = AttendeeForm(posted(request)) if can_edit else None

    def save():
        services.attendee_add(
            actor=request.user, training=training, request=request, **form.cleaned_data
        )
        return redirect("campaigns:training_detail", code=training.code)

    attendees = selectors.training_attendees(request.user, training)
    context = {
        "training": training,
        "attendees": attendees,
        "person_hours": training.hours * len(attendees),
        "can_edit": can_edit,
    }
    if form is None:
        return render(request, "campaigns/training_detail.html", context)
    return form_page(
        request,
        form,
        save,
        _("The attendee was added."),
        "campaigns/training_detail.html",
        context,
    )


@require_http_methods(["GET", "POST"])
def attendee_remove(request, code):
    attendee = selectors.attendee_get_for_user(request.user, code)
    require_editor(request, attendee.commune_id)
    form = ConfirmForm(posted(request))

    def save():
        services.attendee_remove(actor=request.user, attendee=attendee, request=request)
        return redirect("campaigns:training_detail", code=attendee.training.code)

    return form_page(
        request,
        form,
        save,
        _("The attendee was removed."),
        "campaigns/confirm_delete.html",
        {
            "title": _("Remove this attendee?"),
            "what": attendee.full_name,
            "warning": "",
            "back_url": ("campaigns:training_detail", attendee.training.code),
        },
    )
