"""Support to children: the priority list, the support form, the full list and
deletion after confirmation."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.services import audit_record
from campaigns import selectors, totals
from campaigns.forms import ConfirmForm, PageForm, PriorityFilterForm, SupportForm
from campaigns.permissions import can_edit_campaigns
from campaigns.priority import priority_page
from campaigns.services import support as services
from campaigns.views.common import (
    campaign_for_officer,
    form_page,
    posted,
    require_editor,
)


@require_safe
def priority_list(request, code):
    """Who comes first for support; read by the chairman too."""
    campaign = selectors.campaign_get_for_user(request.user, code)
    audit_record(
        actor=request.user,
        action="campaign.priority_viewed",
        obj=campaign,
        request=request,
    )
    form = PriorityFilterForm(
        request.GET or None,
        groups=selectors.commune_groups(request.user, campaign.commune),
    )
    filters = form.cleaned_data if form.is_valid() else {}
    context = {
        "campaign": campaign,
        "form": form,
        "page": priority_page(request.user, campaign, filters),
        "can_give": can_edit_campaigns(request.user, campaign.commune_id)
        and campaign.is_open,
    }
    return render(request, "campaigns/priority_list.html", context)


@require_safe
def support_list(request, code):
    campaign = selectors.campaign_get_for_user(request.user, code)
    audit_record(
        actor=request.user,
        action="campaign.support_viewed",
        obj=campaign,
        request=request,
    )
    form = PageForm(request.GET or None)
    after = form.cleaned_data.get("after") if form.is_valid() else None
    context = {
        "campaign": campaign,
        "page": selectors.supports_page(request.user, campaign, after),
        "totals": totals.campaign_totals(request.user, campaign),
        "can_edit": can_edit_campaigns(request.user, campaign.commune_id),
    }
    return render(request, "campaigns/support_list.html", context)


@require_http_methods(["GET", "POST"])
def support_create(request, code):
    """The child comes from the priority list (?child=<code>)."""
    campaign = campaign_for_officer(request, code)
    child = selectors.child_for_campaign(
        request.user, campaign.commune_id, request.GET.get("child")
    )
    previous = selectors.child_supports(request.user, campaign, child)
    form = SupportForm(posted(request), already_given=bool(previous))

    def save():
        services.support_give(
            actor=request.user,
            campaign=campaign,
            child=child,
            request=request,
            **form.cleaned_data,
        )
        return redirect("campaigns:priority_list", code=campaign.code)

    context = {"campaign": campaign, "child": child, "previous": previous}
    return form_page(
        request,
        form,
        save,
        _("The support was recorded."),
        "campaigns/support_form.html",
        context,
    )


@require_http_methods(["GET", "POST"])
def support_delete(request, code):
    support = selectors.support_get_for_user(request.user, code)
    require_editor(request, support.commune_id)
    form = ConfirmForm(posted(request))

    def save():
        services.support_delete(actor=request.user, support=support, request=request)
        return redirect("campaigns:support_list", code=support.campaign.code)

    return form_page(
        request,
        form,
        save,
        _("The support was deleted."),
        "campaigns/confirm_delete.html",
        {
            "title": _("Delete this support?"),
            "what": _("%(kind)s for %(name)s")
            % {"kind": support.get_kind_display(), "name": support.child.full_name},
            "warning": _("Delete only what was recorded by mistake."),
            "back_url": ("campaigns:support_list", support.campaign.code),
        },
    )
