"""What the campaign views share: who acts, and the small form pattern."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render

from accounts.models import Role
from batochild.lib.forms import add_service_errors
from campaigns import selectors
from campaigns.permissions import can_edit_campaigns, can_see_campaigns
from registry.selectors import commune_acting_for


def require_campaign_reader(request) -> None:
    """List pages: officers and chairmen; everyone else 403."""
    if not can_see_campaigns(request.user):
        raise PermissionDenied


def officer_commune(request):
    """The commune in which the user records campaign data, else 403."""
    commune = commune_acting_for(request.user, Role.OFFICER)
    if commune is None:
        raise PermissionDenied
    return commune


def require_editor(request, commune_id: int) -> None:
    if not can_edit_campaigns(request.user, commune_id):
        raise PermissionDenied


def campaign_for_officer(request, code):
    """The campaign (404 outside scope), and 403 for a reader who may not write."""
    campaign = selectors.campaign_get_for_user(request.user, code)
    require_editor(request, campaign.commune_id)
    return campaign


def form_page(request, form, save, success: str, template: str, context: dict):
    """A valid POST calls `save()`, which returns the redirect; service errors
    go back on the form. Returns the redirect or the page."""
    if form.is_valid():
        try:
            response = save()
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, success)
            return response
    return render(request, template, {"form": form, **context})


def posted(request, files: bool = False):
    """The form's data: bound on every POST, even an empty one (a confirmation
    carries nothing but its token), unbound otherwise."""
    if request.method != "POST":
        return None
    return request.FILES if files else request.POST
