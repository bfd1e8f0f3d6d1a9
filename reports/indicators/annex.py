"""compute_annex(): the statistical annex of one commune for one period.

Stocks (children and their characteristics, cases open at the end) are counted
on `date_to`; flows (incident reports, case steps, referrals, support,
activities) between `date_from` and `date_to` inclusive, in Vietnam local days.
Only the commune's rows; soft-deleted children never. Counts only, no names.

The number of queries is fixed (about 35, most of them the campaigns app's),
whatever the size of the commune: every figure is a filtered COUNT or SUM.
"""

import datetime

from django.utils import timezone

from registry.models import Commune
from reports.indicators.campaign_section import campaign_figures
from reports.indicators.casework import case_figures
from reports.indicators.children import children_figures
from reports.indicators.figures import make_sections
from reports.indicators.incidents import abuse_figures, injury_figures
from reports.indicators.period import Period
from reports.indicators.structure import Annex

__all__ = ["Annex", "compute_annex"]


def compute_annex(
    *, commune: Commune, date_from: datetime.date, date_to: datetime.date
) -> Annex:
    """Every figure of the annex for `commune` from `date_from` to `date_to`.

    Scope is the caller's: the report service checks that its user may see the
    commune; what comes back holds no name and may go upward once de-identified
    (smallcells.deidentify).
    """
    period = Period(date_from, date_to)
    figures = {
        **children_figures(commune.pk, period),
        **abuse_figures(commune.pk, period),
        **injury_figures(commune.pk, period),
        **case_figures(commune.pk, period),
        **campaign_figures(commune, period),
    }
    return Annex(
        commune_id=commune.pk,
        commune_name=commune.name,
        commune_kind=commune.kind,
        date_from=date_from,
        date_to=date_to,
        computed_at=timezone.now(),
        sections=make_sections(figures),
    )
