"""Numbers of one campaign and the legal rules read from the database: budget
against spending, the forum's checks, the result-report deadline."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Sum
from django.utils import timezone

from campaigns import rules
from campaigns.models import Activity, Campaign, FundingSource, Support

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
    supports = Support.objects.visible_to(user).filter(
        campaign=campaign, child__deleted_at__isnull=True
    )
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
