"""The Children's Forum page: the checks of Thông tư 29/2019, the numbers and the
children's voice, and the participants with their parents' consent."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.services import audit_record
from campaigns import rules, selectors, totals
from campaigns.forms import ChildSearchForm, ConfirmForm, ForumForm, ParticipantForm
from campaigns.models import Forum
from campaigns.permissions import can_edit_campaigns
from campaigns.services import forum as services
from campaigns.views.common import (
    campaign_for_officer,
    form_page,
    posted,
    require_editor,
)


def _forum_campaign(campaign):
    if not campaign.is_forum:
        raise Http404
    return campaign


def _forum_of(campaign) -> Forum:
    return getattr(campaign, "forum", None) or Forum(
        campaign=campaign, commune_id=campaign.commune_id
    )


@require_safe
def forum_detail(request, code):
    campaign = _forum_campaign(selectors.campaign_get_for_user(request.user, code))
    audit_record(
        actor=request.user, action="forum.viewed", obj=campaign, request=request
    )
    can_edit = can_edit_campaigns(request.user, campaign.commune_id)
    search = ChildSearchForm(request.GET or None)
    text = search.cleaned_data.get("q", "") if search.is_valid() else ""
    numbers = totals.forum_numbers(campaign)
    context = {
        "campaign": campaign,
        "forum": _forum_of(campaign),
        "checks": rules.forum_checks(**numbers),
        "numbers": numbers,
        "supervisors_needed": rules.supervisors_needed(numbers["children"]),
        "report_due": totals.report_due_on(campaign),
        "participants": selectors.forum_participants(request.user, campaign),
        "can_edit": can_edit,
        "search": search,
        "matches": (
            selectors.children_matching(request.user, campaign.commune, text)
            if can_edit
            else []
        ),
    }
    return render(request, "campaigns/forum_detail.html", context)


@require_http_methods(["GET", "POST"])
def forum_edit(request, code):
    campaign = _forum_campaign(campaign_for_officer(request, code))
    form = ForumForm(posted(request), instance=_forum_of(campaign))

    def save():
        services.forum_update(
            actor=request.user,
            campaign=campaign,
            fields=form.cleaned_data,
            request=request,
        )
        return redirect("campaigns:forum_detail", code=campaign.code)

    return form_page(
        request,
        form,
        save,
        _("The forum was saved."),
        "campaigns/forum_form.html",
        {"campaign": campaign},
    )


@require_http_methods(["GET", "POST"])
def participant_add(request, code):
    campaign = _forum_campaign(campaign_for_officer(request, code))
    child = selectors.child_for_campaign(
        request.user, campaign.commune_id, request.GET.get("child")
    )
    form = ParticipantForm(posted(request))

    def save():
        services.forum_participant_add(
            actor=request.user,
            campaign=campaign,
            child=child,
            request=request,
            **form.cleaned_data,
        )
        return redirect("campaigns:forum_detail", code=campaign.code)

    return form_page(
        request,
        form,
        save,
        _("The child was added to the forum."),
        "campaigns/child_form.html",
        {
            "title": _("Add to the forum"),
            "child": child,
            "back_url": ("campaigns:forum_detail", campaign.code),
            "back_label": campaign.title,
        },
    )


@require_http_methods(["GET", "POST"])
def participant_remove(request, code):
    participant = selectors.participant_get_for_user(request.user, code)
    require_editor(request, participant.commune_id)
    form = ConfirmForm(posted(request))

    def save():
        services.forum_participant_remove(
            actor=request.user, participant=participant, request=request
        )
        return redirect("campaigns:forum_detail", code=participant.campaign.code)

    return form_page(
        request,
        form,
        save,
        _("The child was removed from the forum."),
        "campaigns/confirm_delete.html",
        {
            "title": _("Remove this child from the forum?"),
            "what": participant.child.full_name,
            "warning": "",
            "back_url": ("campaigns:forum_detail", participant.campaign.code),
        },
    )
