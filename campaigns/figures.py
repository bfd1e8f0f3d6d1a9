"""Numbers for reports: for a commune and a date range, every figure the Action
Month report (Thông tư 28/2019 Điều 5) and the 6-month and annual reports need
from campaigns. Counts and sums only, never a name: what goes upward is
de-identified (DOMAIN.md §3).

The reports app calls `figures_for(user, commune=..., start=..., end=...)`.
Every query starts from visible_to(user): a requester outside the commune gets
zeros, not another commune's numbers.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Q, Sum

from campaigns.models import (
    Activity,
    Campaign,
    Category,
    ForumParticipant,
    FundingSource,
    SubKind,
    Support,
    Training,
    TrainingAttendee,
)
from campaigns.models.activities import CHILD_COUNT_FIELDS
from registry.models import Child, SpecialCircumstance


@dataclass
class Figures:
    start: datetime.date
    end: datetime.date
    campaigns: list[dict] = field(default_factory=list)
    budget: dict[str, int] = field(default_factory=dict)
    activities: dict = field(default_factory=dict)
    activities_by_category: list[dict] = field(default_factory=list)
    activities_by_kind: list[dict] = field(default_factory=list)
    participants: dict[str, int] = field(default_factory=dict)
    support: dict = field(default_factory=dict)
    support_by_source: list[dict] = field(default_factory=list)
    support_by_kind: list[dict] = field(default_factory=list)
    spent_by_source: dict[str, int] = field(default_factory=dict)
    forums: dict = field(default_factory=dict)
    trainings: dict = field(default_factory=dict)
    attendees_by_kind: list[dict] = field(default_factory=list)


def figures_for(user, *, commune, start: datetime.date, end: datetime.date) -> Figures:
    """Every campaign figure of `commune` between `start` and `end` (inclusive)."""
    figures = Figures(start=start, end=end)
    activities = Activity.objects.visible_to(user).filter(
        commune=commune, held_on__range=(start, end)
    )
    # A child removed from the registry (a duplicate, an error) is not counted.
    supports = Support.objects.visible_to(user).filter(
        commune=commune, given_on__range=(start, end), child__deleted_at__isnull=True
    )
    _campaigns(figures, user, commune)
    _activities(figures, activities)
    _support(figures, supports)
    figures.spent_by_source = _spent(activities, supports)
    _forums(figures, user, commune)
    _trainings(figures, user, commune)
    return figures


def figures_for_campaign(user, campaign: Campaign) -> Figures:
    """The same figures for one campaign's own records, whatever their dates
    (the launch may come before the first day): the campaign summary's."""
    figures = Figures(start=campaign.starts_on, end=campaign.ends_on)
    activities = Activity.objects.visible_to(user).filter(campaign=campaign)
    supports = Support.objects.visible_to(user).filter(
        campaign=campaign, child__deleted_at__isnull=True
    )
    _activities(figures, activities)
    _support(figures, supports)
    figures.spent_by_source = _spent(activities, supports)
    return figures


def _spent(activities, supports) -> dict[str, int]:
    return {
        source: _sum(activities.filter(cost_source=source), "cost")
        + _sum(supports.filter(source=source), "value")
        for source in FundingSource
    }


def _sum(queryset, expression) -> int:
    return queryset.aggregate(total=Sum(expression))["total"] or 0


def _children_expression():
    total = F(CHILD_COUNT_FIELDS[0])
    for name in CHILD_COUNT_FIELDS[1:]:
        total += F(name)
    return total


def _campaigns(figures: Figures, user, commune) -> None:
    """Campaigns that overlap the range, with their budgets."""
    rows = (
        Campaign.objects.visible_to(user)
        .filter(commune=commune, starts_on__lte=figures.end, ends_on__gte=figures.start)
        .exclude(status=Campaign.Status.CANCELLED)
        .order_by("starts_on", "pk")
    )
    figures.campaigns = [
        {
            "kind": c.kind,
            "title": c.title,
            "theme": c.theme,
            "starts_on": c.starts_on,
            "ends_on": c.ends_on,
            "budget": c.budget_total,
        }
        for c in rows
    ]
    figures.budget = {
        FundingSource.STATE: sum(c.budget_state for c in rows),
        FundingSource.MOBILISED: sum(c.budget_mobilised for c in rows),
        FundingSource.SPONSOR: sum(c.budget_sponsor for c in rows),
    }


def _activities(figures: Figures, activities) -> None:
    children = _children_expression()
    sums = {
        "count": Count("pk"),
        "sessions": Sum("sessions"),
        "children": Sum(children),
        "adults": Sum("adults"),
        "cost": Sum("cost"),
    }
    figures.activities = {
        key: value or 0 for key, value in activities.aggregate(**sums).items()
    }
    by_category = {
        row["category"]: row
        for row in activities.values("category").annotate(**sums).order_by()
    }
    figures.activities_by_category = [
        _row(by_category.get(category), category, sums) for category in Category
    ]
    by_kind = {
        row["sub_kind"]: row
        for row in activities.values("sub_kind").annotate(**sums).order_by()
    }
    figures.activities_by_kind = [
        _row(by_kind[kind], kind, sums) for kind in SubKind if kind in by_kind
    ]
    counts = activities.aggregate(
        **{name: Sum(name) for name in (*CHILD_COUNT_FIELDS, "adults")}
    )
    participants = {name: value or 0 for name, value in counts.items()}
    participants["boys"] = sum(v for k, v in participants.items() if k[:4] == "boys")
    participants["girls"] = sum(v for k, v in participants.items() if k[:5] == "girls")
    participants["children"] = participants["boys"] + participants["girls"]
    figures.participants = participants


def _row(found: dict | None, choice, sums: dict) -> dict:
    row = {key: (found or {}).get(key) or 0 for key in sums}
    return {"code": choice.value, "label": choice.label, **row}


def _support(figures: Figures, supports) -> None:
    special = Q(child__classification=Child.Classification.HCDB) | Q(
        child_id__in=SpecialCircumstance.objects.filter(
            resolved_on__isnull=True
        ).values("child_id")
    )
    summary = supports.aggregate(
        count=Count("pk"),
        children=Count("child", distinct=True),
        children_special=Count("child", distinct=True, filter=special),
        girls=Count("child", distinct=True, filter=Q(child__sex="nu")),
        value=Sum("value"),
    )
    figures.support = {key: value or 0 for key, value in summary.items()}
    sums = {
        "count": Count("pk"),
        "children": Count("child", distinct=True),
        "value": Sum("value"),
    }
    by_source = {
        row["source"]: row
        for row in supports.values("source").annotate(**sums).order_by()
    }
    figures.support_by_source = [
        _row(by_source.get(source), source, sums) for source in FundingSource
    ]
    by_kind = {
        row["kind"]: row for row in supports.values("kind").annotate(**sums).order_by()
    }
    figures.support_by_kind = [
        _row(by_kind.get(kind), kind, sums) for kind in Support.Kind
    ]


def _forums(figures: Figures, user, commune) -> None:
    """Forums held in the range and the children who took part."""
    participants = (
        ForumParticipant.objects.visible_to(user)
        .filter(
            commune=commune,
            child__deleted_at__isnull=True,
            campaign__ends_on__range=(figures.start, figures.end),
            campaign__kind=Campaign.Kind.FORUM,
        )
        .exclude(campaign__status=Campaign.Status.CANCELLED)
    )
    forums = (
        Campaign.objects.visible_to(user)
        .filter(
            commune=commune,
            kind=Campaign.Kind.FORUM,
            ends_on__range=(figures.start, figures.end),
        )
        .exclude(status=Campaign.Status.CANCELLED)
    )
    counts = participants.aggregate(
        children=Count("pk"), girls=Count("pk", filter=Q(child__sex="nu"))
    )
    figures.forums = {"count": forums.count(), **counts}


def _trainings(figures: Figures, user, commune) -> None:
    trainings = Training.objects.visible_to(user).filter(
        commune=commune, held_on__range=(figures.start, figures.end)
    )
    attendees = TrainingAttendee.objects.visible_to(user).filter(training__in=trainings)
    summary = trainings.aggregate(count=Count("pk"), hours=Sum("hours"))
    people = attendees.aggregate(
        attendees=Count("pk"),
        women=Count("pk", filter=Q(sex="nu")),
        person_hours=Sum("training__hours"),
    )
    figures.trainings = {
        "count": summary["count"],
        "hours": summary["hours"] or Decimal(0),
        "attendees": people["attendees"],
        "women": people["women"],
        "person_hours": people["person_hours"] or Decimal(0),
    }
    kinds = {
        row["kind"]: row["count"]
        for row in attendees.values("kind").annotate(count=Count("pk")).order_by()
    }
    figures.attendees_by_kind = [
        {"code": kind.value, "label": kind.label, "count": kinds.get(kind, 0)}
        for kind in TrainingAttendee.Kind
    ]
