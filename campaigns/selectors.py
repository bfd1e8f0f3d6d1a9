"""Reads of campaigns: every query starts from visible_to(user); single records
come through a gatekeeper that answers 404 outside the user's scope."""

import datetime
import uuid
from dataclasses import dataclass, field

from django.db.models import Count, Sum
from django.http import Http404
from django.utils import timezone

from accounts.scope import get_visible_or_404
from campaigns import rules
from campaigns.models import (
    Activity,
    ActivityPhoto,
    Campaign,
    ForumParticipant,
    FundingSource,
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


# Campaign numbers ---------------------------------------------------------


@dataclass
class Totals:
    """Budget against spending, by source; support by kind and by group."""

    budget: dict[str, int]
    spent_activities: dict[str, int]
    spent_support: dict[str, int]
    support_by_kind: list[dict] = field(default_factory=list)
    support_by_group: list[dict] = field(default_factory=list)
    children_supported: int = 0
    supports: int = 0

    @property
    def rows(self) -> list[dict]:
        """One row per source, with a remainder, for the budget table."""
        rows = []
        for source in FundingSource:
            spent = self.spent_activities[source] + self.spent_support[source]
            rows.append(
                {
                    "source": source,
                    "label": source.label,
                    "budget": self.budget[source],
                    "activities": self.spent_activities[source],
                    "support": self.spent_support[source],
                    "spent": spent,
                    "left": self.budget[source] - spent,
                }
            )
        return rows

    @property
    def total(self) -> dict:
        rows = self.rows
        return {
            key: sum(row[key] for row in rows)
            for key in ("budget", "activities", "support", "spent", "left")
        }


def _by_source(queryset, amount: str, source: str) -> dict[str, int]:
    found = dict.fromkeys(FundingSource, 0)
    for row in queryset.values(source).annotate(total=Sum(amount)).order_by():
        found[FundingSource(row[source])] = row["total"] or 0
    return found


def campaign_totals(user, campaign: Campaign) -> Totals:
    """Budget by source against what the activities cost and the support given."""
    activities = Activity.objects.visible_to(user).filter(campaign=campaign)
    supports = Support.objects.visible_to(user).filter(campaign=campaign)
    kinds = dict(Support.Kind.choices)
    by_kind = [
        {**row, "label": kinds[row["kind"]]}
        for row in supports.values("kind")
        .annotate(count=Count("pk"), value=Sum("value"))
        .order_by("kind")
    ]
    by_group = list(
        supports.values("residential_group__name")
        .annotate(
            count=Count("pk"),
            children=Count("child", distinct=True),
            value=Sum("value"),
        )
        .order_by("residential_group__name")
    )
    summary = supports.aggregate(
        children=Count("child", distinct=True), count=Count("pk")
    )
    return Totals(
        budget=campaign.budget_by_source(),
        spent_activities=_by_source(activities, "cost", "cost_source"),
        spent_support=_by_source(supports, "value", "source"),
        support_by_kind=by_kind,
        support_by_group=by_group,
        children_supported=summary["children"],
        supports=summary["count"],
    )


# Rules read from the database ---------------------------------------------


def forum_numbers(campaign: Campaign) -> dict:
    forum = getattr(campaign, "forum", None)
    return {
        "children": campaign.forum_participants.count(),
        "supervisors": forum.supervisors if forum else 0,
        "volunteers": forum.volunteers if forum else 0,
        "guests": forum.guests if forum else 0,
        "days": (campaign.ends_on - campaign.starts_on).days + 1,
    }


def forum_checks(campaign: Campaign) -> list[rules.Check]:
    return rules.forum_checks(**forum_numbers(campaign))


def forum_problems(campaign: Campaign) -> list[rules.Check]:
    """The forum checks that fail, from the stored numbers."""
    return [check for check in forum_checks(campaign) if not check.ok]


def report_due_on(campaign: Campaign) -> datetime.date | None:
    """When the result report is due: 15 days after a forum (TT 29/2019
    Đ14.4), the configured day of July for the Action Month (TT 28/2019 Đ5)."""
    if campaign.is_forum:
        return rules.forum_report_due(campaign.ends_on)
    if campaign.kind == Campaign.Kind.ACTION_MONTH:
        return rules.action_month_report_due(campaign.year)
    return None


def report_overdue(campaign: Campaign, today: datetime.date | None = None) -> bool:
    due = report_due_on(campaign)
    today = today or timezone.localdate()
    return (
        due is not None
        and campaign.report_sent_on is None
        and campaign.status != Campaign.Status.CANCELLED
        and today > due
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
