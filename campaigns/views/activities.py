"""Activities: the list, the form (in a campaign or standing alone), the page
with its photo consents and photos, and deletion after confirmation."""

import mimetypes

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.services import audit_record
from campaigns import selectors
from campaigns.forms import (
    ActivityFilterForm,
    ActivityForm,
    ChildSearchForm,
    ConfirmForm,
    ConsentForm,
    PhotoForm,
)
from campaigns.models import PhotoSubject
from campaigns.permissions import can_edit_campaigns
from campaigns.services import activities as services
from campaigns.views.common import (
    campaign_for_officer,
    form_page,
    officer_commune,
    posted,
    require_campaign_reader,
    require_editor,
)
from registry.models import Child


@require_safe
def activity_list(request):
    require_campaign_reader(request)
    form = ActivityFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = selectors.activities_page(
        request.user,
        category=filters.get("category", ""),
        standalone=filters.get("standalone", False),
        after=filters.get("after"),
    )
    context = {
        "form": form,
        "page": page,
        "can_create": can_create_anywhere(request),
    }
    return render(request, "campaigns/activity_list.html", context)


def can_create_anywhere(request) -> bool:
    try:
        officer_commune(request)
    except PermissionDenied:
        return False
    return True


def _activity_form_page(request, form, save, context):
    return form_page(
        request,
        form,
        save,
        _("The activity was saved."),
        "campaigns/activity_form.html",
        context,
    )


@require_http_methods(["GET", "POST"])
def activity_create(request, code=None):
    """From a campaign's page (`code`) or standing alone."""
    campaign = campaign_for_officer(request, code) if code else None
    commune = campaign.commune if campaign else officer_commune(request)
    form = ActivityForm(
        posted(request),
        groups=selectors.commune_groups(request.user, commune),
        campaigns=None if campaign else selectors.open_campaigns(request.user, commune),
    )

    def save():
        fields = form.cleaned_data | ({"campaign": campaign} if campaign else {})
        activity = services.activity_create(
            actor=request.user, commune=commune, fields=fields, request=request
        )
        return redirect("campaigns:activity_detail", code=activity.code)

    return _activity_form_page(
        request, form, save, {"campaign": campaign, "activity": None}
    )


def _activity_for_officer(request, code):
    activity = selectors.activity_get_for_user(request.user, code)
    require_editor(request, activity.commune_id)
    return activity


@require_http_methods(["GET", "POST"])
def activity_edit(request, code):
    activity = _activity_for_officer(request, code)
    form = ActivityForm(
        posted(request),
        instance=activity,
        groups=selectors.commune_groups(request.user, activity.commune),
        campaigns=selectors.commune_campaigns(request.user, activity.commune),
    )

    def save():
        services.activity_update(
            actor=request.user,
            activity=activity,
            fields=form.cleaned_data,
            request=request,
        )
        return redirect("campaigns:activity_detail", code=activity.code)

    context = {"campaign": activity.campaign, "activity": activity}
    return _activity_form_page(request, form, save, context)


@require_safe
def activity_detail(request, code):
    activity = selectors.activity_get_for_user(request.user, code)
    audit_record(
        actor=request.user, action="activity.viewed", obj=activity, request=request
    )
    can_edit = can_edit_campaigns(request.user, activity.commune_id)
    search = ChildSearchForm(request.GET or None)
    text = search.cleaned_data.get("q", "") if search.is_valid() else ""
    context = {
        "activity": activity,
        "can_edit": can_edit,
        "consents": selectors.activity_consents(request.user, activity),
        "photos": selectors.activity_photos(request.user, activity),
        "search": search,
        "matches": (
            selectors.children_matching(request.user, activity.commune, text)
            if can_edit
            else []
        ),
    }
    return render(request, "campaigns/activity_detail.html", context)


@require_http_methods(["GET", "POST"])
def activity_delete(request, code):
    activity = _activity_for_officer(request, code)
    form = ConfirmForm(posted(request))

    def save():
        campaign = activity.campaign
        services.activity_delete(actor=request.user, activity=activity, request=request)
        if campaign:
            return redirect("campaigns:campaign_detail", code=campaign.code)
        return redirect("campaigns:activity_list")

    return form_page(
        request,
        form,
        save,
        _("The activity was deleted."),
        "campaigns/confirm_delete.html",
        {
            "title": _("Delete this activity?"),
            "what": activity.title,
            "warning": _("Its photos and recorded consents are deleted with it."),
            "back_url": ("campaigns:activity_detail", activity.code),
        },
    )


@require_http_methods(["GET", "POST"])
def consent_add(request, code):
    activity = _activity_for_officer(request, code)
    child = selectors.child_for_campaign(
        request.user, activity.commune_id, request.GET.get("child")
    )
    form = ConsentForm(posted(request))

    def save():
        services.consent_record(
            actor=request.user,
            activity=activity,
            child=child,
            request=request,
            **form.cleaned_data,
        )
        return redirect("campaigns:activity_detail", code=activity.code)

    return form_page(
        request,
        form,
        save,
        _("The consent was recorded."),
        "campaigns/child_form.html",
        {
            "title": _("Consent to photos"),
            "child": child,
            "back_url": ("campaigns:activity_detail", activity.code),
            "back_label": activity.title,
        },
    )


@require_http_methods(["GET", "POST"])
def photo_add(request, code):
    activity = _activity_for_officer(request, code)
    consented = Child.objects.visible_to(request.user).filter(
        pk__in=selectors.consented_child_ids(request.user, activity)
    )
    form = PhotoForm(posted(request), posted(request, files=True), children=consented)

    def save():
        services.photo_add(
            actor=request.user, activity=activity, request=request, **form.cleaned_data
        )
        return redirect("campaigns:activity_detail", code=activity.code)

    return form_page(
        request,
        form,
        save,
        _("The photo was added."),
        "campaigns/photo_form.html",
        {"activity": activity},
    )


@require_safe
def photo_file(request, code):
    """The photo itself, after the scope check; every view is audited."""
    photo = selectors.photo_get_for_user(request.user, code)
    shown = list(
        Child.all_objects.filter(
            pk__in=PhotoSubject.objects.filter(photo=photo).values("child_id")
        )
    )
    if services.consent_problems(photo.activity, shown):
        # A consent changed after the photo was kept: it is no longer shown.
        raise Http404
    audit_record(actor=request.user, action="photo.viewed", obj=photo, request=request)
    content_type = (
        mimetypes.guess_type(photo.file.name)[0] or "application/octet-stream"
    )
    response = FileResponse(photo.file.open("rb"), content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
def photo_delete(request, code):
    photo = selectors.photo_get_for_user(request.user, code)
    require_editor(request, photo.commune_id)
    form = ConfirmForm(posted(request))

    def save():
        services.photo_delete(actor=request.user, photo=photo, request=request)
        return redirect("campaigns:activity_detail", code=photo.activity.code)

    return form_page(
        request,
        form,
        save,
        _("The photo was deleted."),
        "campaigns/confirm_delete.html",
        {
            "title": _("Delete this photo?"),
            "what": photo.caption,
            "warning": _("Delete it when a consent is withdrawn, too."),
            "back_url": ("campaigns:activity_detail", photo.activity.code),
        },
    )
