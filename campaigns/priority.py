"""The suggested priority list for support, from the child registry: children
in special circumstances first (classified HCĐB or with an open circumstance
of the 14 groups), then children at risk, then those in other circumstances;
within each tier by residential group, then by name (ICU Vietnamese order).

Each row says whether the child already received something in the campaign,
so the officer sees at a glance who is still waiting.
"""

from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, Value, When

from campaigns.models import Campaign, Support
from campaigns.paging import Page, keyset_page
from registry.models import Child, SpecialCircumstance
from registry.selectors import search

TIER_SPECIAL, TIER_AT_RISK, TIER_OTHER = 0, 1, 2
TIERS = (TIER_SPECIAL, TIER_AT_RISK, TIER_OTHER)
ORDER = ("tier", "group_name", "full_name", "pk")
C = Child.Classification


def priority_children(user, campaign: Campaign, filters: dict | None = None):
    """Active children of the campaign's commune who come first for support."""
    filters = filters or {}
    # The commune condition lets the subquery use the (commune, group) index.
    open_circumstance = SpecialCircumstance.objects.filter(
        child=OuterRef("pk"),
        commune_id=OuterRef("commune_id"),
        resolved_on__isnull=True,
    )
    given = Support.objects.filter(
        campaign=campaign, commune_id=campaign.commune_id, child=OuterRef("pk")
    )
    queryset = (
        Child.objects.visible_to(user)
        .filter(commune_id=campaign.commune_id, status=Child.Status.ACTIVE)
        .annotate(
            tier=Case(
                When(
                    Q(classification=C.HCDB) | Exists(open_circumstance), then=Value(0)
                ),
                When(classification=C.AT_RISK, then=Value(1)),
                When(classification=C.OTHER, then=Value(2)),
                default=Value(3),
                output_field=IntegerField(),
            ),
            group_name=F("residential_group__name"),
            already_given=Exists(given),
        )
        .filter(tier__in=TIERS)
        .select_related("residential_group")
    )
    if (tier := filters.get("tier")) not in (None, ""):
        queryset = queryset.filter(tier=int(tier))
    if group := filters.get("group"):
        queryset = queryset.filter(residential_group=group)
    if filters.get("waiting"):
        queryset = queryset.filter(already_given=False)
    return search(queryset, filters.get("q") or "", by_personal_id=False)


def priority_page(user, campaign: Campaign, filters: dict | None = None) -> Page:
    filters = filters or {}
    return keyset_page(
        priority_children(user, campaign, filters), ORDER, filters.get("after")
    )
