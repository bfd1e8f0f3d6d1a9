"""The campaign list, the campaign page, its form, status and printable summary,
and the figures page."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from accounts.services import audit_record
from campaigns import rules, selectors, totals
from campaigns.figures import figures_for, figures_for_campaign
from campaigns.forms import CampaignFilterForm, CampaignForm, FiguresForm, StatusForm
from campaigns.models import Campaign
from campaigns.permissions import can_edit_campaigns
from campaigns.services import campaigns as services
from campaigns.services.campaigns import MOVES
from campaigns.views.common import (
    campaign_for_officer,
    form_page,
    officer_commune,
    posted,
    require_campaign_reader,
)
from registry.selectors import commune_acting_for

RECENT_SUPPORT = 10


@require_safe
def campaign_list(request):
    require_campaign_reader(request)
    form = CampaignFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = selectors.campaigns_page(
        request.user,
        year=filters.get("year"),
        kind=filters.get("kind", ""),
        after=filters.get("after"),
    )
    context = {
        "form": form,
        "page": page,
        "can_create": commune_acting_for(request.user, "officer") is not None,
    }
    return render(request, "campaigns/campaign_list.html", context)


@require_http_methods(["GET", "POST"])
def campaign_create(request):
    commune = officer_commune(request)
    form = CampaignForm(posted(request))

    def save():
        campaign = services.campaign_create(
            actor=request.user,
            commune=commune,
            fields=form.cleaned_data,
            request=request,
        )
        return redirect("campaigns:campaign_detail", code=campaign.code)

    return form_page(
        request,
        form,
        save,
        _("The campaign was planned."),
        "campaigns/campaign_form.html",
        {"campaign": None},
    )


@require_http_methods(["GET", "POST"])
def campaign_edit(request, code):
    campaign = campaign_for_officer(request, code)
    form = CampaignForm(posted(request), instance=campaign)

    def save():
        services.campaign_update(
            actor=request.user,
            campaign=campaign,
            fields=form.cleaned_data,
            request=request,
        )
        return redirect("campaigns:campaign_detail", code=campaign.code)

    return form_page(
        request,
        form,
        save,
        _("The changes were saved."),
        "campaigns/campaign_form.html",
        {"campaign": campaign},
    )


def _campaign_context(request, campaign: Campaign) -> dict:
    due = totals.report_due_on(campaign)
    return {
        "campaign": campaign,
        "totals": totals.campaign_totals(request.user, campaign),
        "activities": selectors.campaign_activities(request.user, campaign),
        "report_due": due,
        "report_overdue": totals.report_overdue(campaign),
        "launch_late": (
            campaign.kind == Campaign.Kind.ACTION_MONTH
            and campaign.launch_on is not None
            and not rules.launch_in_window(campaign.launch_on, campaign.year)
        ),
    }


@require_safe
def campaign_detail(request, code):
    campaign = selectors.campaign_get_for_user(request.user, code)
    audit_record(
        actor=request.user, action="campaign.viewed", obj=campaign, request=request
    )
    can_edit = can_edit_campaigns(request.user, campaign.commune_id)
    context = _campaign_context(request, campaign) | {
        "can_edit": can_edit,
        "recent_support": selectors.recent_supports(
            request.user, campaign, RECENT_SUPPORT
        ),
        "moves": [Campaign.Status(s) for s in MOVES[campaign.status]]
        if can_edit
        else [],
        "forum_problems": totals.forum_problems(campaign) if campaign.is_forum else [],
    }
    return render(request, "campaigns/campaign_detail.html", context)


@require_POST
def campaign_status(request, code):
    campaign = campaign_for_officer(request, code)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.campaign_set_status(
                actor=request.user,
                campaign=campaign,
                status=form.cleaned_data["status"],
                request=request,
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The status was changed."))
    return redirect("campaigns:campaign_detail", code=campaign.code)


@require_safe
def campaign_summary(request, code):
    """The printable summary: numbers only, no child's name."""
    campaign = selectors.campaign_get_for_user(request.user, code)
    audit_record(
        actor=request.user,
        action="campaign.summary_viewed",
        obj=campaign,
        request=request,
    )
    figures = figures_for_campaign(request.user, campaign)
    context = _campaign_context(request, campaign) | {
        "figures": figures,
        "forum_checks": totals.forum_checks(campaign) if campaign.is_forum else [],
        "printed_on": timezone.localdate(),
    }
    return render(request, "campaigns/campaign_summary.html", context)


@require_safe
def figures(request):
    """The numbers the reports take, for any period; the 6-month period by default."""
    require_campaign_reader(request)
    commune = commune_acting_for(request.user, "officer", "chairman")
    today = timezone.localdate()
    start = datetime.date(today.year, 1 if today.month <= 6 else 7, 1)
    form = FiguresForm(request.GET or None, initial={"start": start, "end": today})
    if form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    else:
        end = today
    result = figures_for(request.user, commune=commune, start=start, end=end)
    context = {"form": form, "figures": result, "commune": commune}
    return render(request, "campaigns/figures.html", context)
