"""Reads of campaigns: every query starts from visible_to(user); single records
come through a gatekeeper that answers 404 outside the user's scope."""

import uuid

from django.db.models import Count
from django.http import Http404
from django.utils import timezone

from accounts.scope import get_visible_or_404
from campaigns import rules
from campaigns.models import (
    Activity,
    ActivityPhoto,
    Campaign,
    ForumParticipant,
    PhotoConsent,
    Support,
    Training,
    TrainingAttendee,
)
from campaigns.paging import PAGE_SIZE, Page, keyset_page
from registry.models import Child, ResidentialGroup
from registry.selectors import search

CAMPAIGN_ORDER = ("-starts_on", "-pk")
DATED_ORDER = ("-held_on", "-pk")
SUPPORT_ORDER = ("residential_group__name", "child__full_name", "pk")


# Gatekeepers --------------------------------------------------------------


def campaign_get_for_user(user, code) -> Campaign:
    """The campaign if `user` may see it, else 404."""
    return get_visible_or_404(
        Campaign.objects.select_related("commune", "forum"), user, code=code
    )


def activity_get_for_user(user, code) -> Activity:
    queryset = Activity.objects.select_related("campaign", "residential_group")
    return get_visible_or_404(queryset, user, code=code)


def photo_get_for_user(user, code) -> ActivityPhoto:
    return get_visible_or_404(
        ActivityPhoto.objects.select_related("activity"), user, code=code
    )


def support_get_for_user(user, code) -> Support:
    queryset = Support.objects.select_related("campaign", "child", "residential_group")
    return get_visible_or_404(queryset, user, code=code)


def participant_get_for_user(user, code) -> ForumParticipant:
    queryset = ForumParticipant.objects.select_related("campaign", "child")
    return get_visible_or_404(queryset, user, code=code)


def training_get_for_user(user, code) -> Training:
    return get_visible_or_404(
        Training.objects.select_related("campaign"), user, code=code
    )


def attendee_get_for_user(user, code) -> TrainingAttendee:
    queryset = TrainingAttendee.objects.select_related("training")
    return get_visible_or_404(queryset, user, code=code)


# Lists --------------------------------------------------------------------


def campaigns_page(user, *, year=None, kind="", after=None) -> Page:
    queryset = Campaign.objects.visible_to(user).select_related("commune")
    if year:
        queryset = queryset.filter(year=year)
    if kind:
        queryset = queryset.filter(kind=kind)
    return keyset_page(queryset, CAMPAIGN_ORDER, after)


def activities_page(user, *, campaign=None, category="", standalone=False, after=None):
    queryset = Activity.objects.visible_to(user).select_related(
        "campaign", "residential_group"
    )
    if campaign is not None:
        queryset = queryset.filter(campaign=campaign)
    elif standalone:
        queryset = queryset.filter(campaign__isnull=True)
    if category:
        queryset = queryset.filter(category=category)
    return keyset_page(queryset, DATED_ORDER, after)


def campaign_activities(user, campaign: Campaign) -> list[Activity]:
    """The campaign page's activities, oldest first (a campaign has tens)."""
    return list(
        Activity.objects.visible_to(user)
        .filter(campaign=campaign)
        .select_related("residential_group")
        .order_by("held_on", "pk")
    )


def supports_page(user, campaign: Campaign, after=None, size=PAGE_SIZE) -> Page:
    queryset = (
        Support.objects.visible_to(user)
        .filter(campaign=campaign)
        .select_related("child", "residential_group")
    )
    return keyset_page(queryset, SUPPORT_ORDER, after, size)


def trainings_page(user, *, after=None) -> Page:
    queryset = (
        Training.objects.visible_to(user)
        .select_related("campaign")
        .annotate(attendee_count=Count("attendees"))
    )
    return keyset_page(queryset, DATED_ORDER, after)


def training_attendees(user, training: Training) -> list[TrainingAttendee]:
    return list(
        TrainingAttendee.objects.visible_to(user)
        .filter(training=training)
        .order_by("full_name", "pk")
    )


def forum_participants(user, campaign: Campaign) -> list[ForumParticipant]:
    return list(
        ForumParticipant.objects.visible_to(user)
        .filter(campaign=campaign)
        .select_related("child", "child__residential_group")
        .order_by("child__residential_group__name", "child__full_name", "pk")
    )


def activity_consents(user, activity: Activity) -> list:
    """The activity's photo consents, each marked complete or not for its child's
    age today (from 7 the child's own consent is needed)."""
    today = timezone.localdate()
    consents = list(
        PhotoConsent.objects.visible_to(user)
        .filter(activity=activity)
        .select_related("child")
        .order_by("child__full_name", "pk")
    )
    for consent in consents:
        consent.needs_child = rules.needs_child_consent(consent.child.age_on(today))
        consent.complete = not consent.needs_child or bool(consent.child_consent_on)
    return consents


def consented_child_ids(user, activity: Activity):
    """The children whose photo consent is recorded for the activity."""
    return (
        PhotoConsent.objects.visible_to(user)
        .filter(activity=activity)
        .values("child_id")
    )


def activity_photos(user, activity: Activity) -> list[ActivityPhoto]:
    return list(
        ActivityPhoto.objects.visible_to(user)
        .filter(activity=activity)
        .prefetch_related("children")
        .order_by("uploaded_at", "pk")
    )


# Choices for the forms -----------------------------------------------------


def open_campaigns(user, commune):
    """Campaigns an activity may still be added to."""
    return (
        Campaign.objects.visible_to(user)
        .filter(
            commune=commune,
            status__in=(Campaign.Status.PLANNED, Campaign.Status.RUNNING),
        )
        .order_by("-starts_on", "-pk")
    )


def commune_campaigns(user, commune):
    return (
        Campaign.objects.visible_to(user)
        .filter(commune=commune)
        .order_by("-starts_on", "-pk")
    )


def commune_groups(user, commune):
    return (
        ResidentialGroup.objects.visible_to(user)
        .filter(commune=commune)
        .order_by("name")
    )


CHILD_MATCHES = 20


def children_matching(user, commune, text: str) -> list[Child]:
    """Up to 20 living children of the commune whose name matches `text`."""
    if not text.strip():
        return []
    queryset = (
        Child.objects.visible_to(user)
        .filter(commune=commune, status=Child.Status.ACTIVE)
        .select_related("residential_group")
    )
    return list(
        search(queryset, text, by_personal_id=False).order_by("full_name", "pk")[
            :CHILD_MATCHES
        ]
    )


def child_for_campaign(user, commune_id: int, code) -> Child:
    """Gatekeeper for a child picked in a campaign form: visible to the user and
    of the campaign's commune, else 404 (a missing or damaged code too)."""
    try:
        code = uuid.UUID(str(code))
    except ValueError:
        raise Http404 from None
    return get_visible_or_404(
        Child.objects.filter(commune_id=commune_id).select_related("residential_group"),
        user,
        code=code,
    )


def child_supports(user, campaign: Campaign, child: Child) -> list[Support]:
    """What the child already received in this campaign (for the support form)."""
    return list(
        Support.objects.visible_to(user)
        .filter(campaign=campaign, child=child)
        .order_by("given_on", "pk")
    )


def recent_supports(user, campaign: Campaign, size: int = 10) -> list[Support]:
    return list(
        Support.objects.visible_to(user)
        .filter(campaign=campaign)
        .select_related("child", "residential_group")
        .order_by("-given_on", "-pk")[:size]
    )
