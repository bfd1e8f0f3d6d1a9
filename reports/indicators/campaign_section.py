"""Campaign figures (section VIII), read through campaigns.figures, the campaigns
app's own selector, so the annex and the campaign pages never disagree.

`figures_for` starts every query from `visible_to(user)`. The annex is computed
for a commune, not for a person (the caller has already checked that its user
may see that commune; beat computes it for the dashboards with no user), so it
reads as the commune's own reader: a principal whose scope is that one commune
with the officer's role, and nothing else.
"""

from accounts.scope import CommuneReader
from campaigns.figures import figures_for
from registry.models import Commune
from reports.indicators import codes
from reports.indicators.figures import Figure
from reports.indicators.period import Period


def campaign_figures(commune: Commune, period: Period) -> dict[str, Figure]:
    found = figures_for(
        CommuneReader(commune.pk),
        commune=commune,
        start=period.date_from,
        end=period.date_to,
    )
    by_category = {row["code"]: row for row in found.activities_by_category}
    by_source = {row["code"]: row for row in found.support_by_source}
    participants = found.participants
    return {
        "campaigns.activities": Figure(
            found.activities["count"],
            {
                cell: by_category.get(cell, {}).get("count", 0)
                for cell, _label in codes.ACTIVITY_CATEGORIES
            },
        ),
        "campaigns.sessions": Figure(found.activities["sessions"]),
        "campaigns.participants_children": Figure(
            participants["children"],
            {"boys": participants["boys"], "girls": participants["girls"]},
        ),
        "campaigns.participants_adults": Figure(participants["adults"]),
        "campaigns.supports": Figure(found.support["count"]),
        "campaigns.supported_children": Figure(found.support["children"]),
        "campaigns.supported_children_hcdb": Figure(found.support["children_special"]),
        "campaigns.support_value": Figure(
            found.support["value"],
            {
                cell: by_source.get(cell, {}).get("value", 0)
                for cell, _label in codes.FUNDING_SOURCES
            },
        ),
        "campaigns.activity_cost": Figure(found.activities["cost"]),
        "campaigns.forums": Figure(found.forums["count"]),
        "campaigns.forum_children": Figure(found.forums["children"]),
        "campaigns.trainings": Figure(found.trainings["count"]),
        "campaigns.trainees": Figure(found.trainings["attendees"]),
    }
