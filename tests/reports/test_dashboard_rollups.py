"""The dashboard's rollups hold the annex's own figures: for the year to date,
by residential group and by month, on the known commune of annex_data as of
14/06/2025 18:00; and they follow inserts and soft deletes once refreshed."""

import datetime

import pytest

from cases.selectors import deadline_board
from reports.dashboard import periods, rollups
from reports.dashboard.figures import GROUP_CHILDREN, REPORT_COUNTS
from reports.dashboard.province import PROVINCE_CODES
from reports.indicators.annex import compute_annex
from reports.models import DashboardRollup
from tests.cases.factories import submit
from tests.registry.factories import ChildFactory
from tests.reports import annex_data
from tests.reports.annex_data import D, at, local

pytestmark = pytest.mark.django_db

NOW = local(2025, 6, 14, 18, 0)
YEAR = (D(2025, 1, 1), D(2025, 6, 14))
Kind = DashboardRollup.Kind


@pytest.fixture
def known(cast, places):
    kids = annex_data.build(cast, places)
    rollups.rollup_refresh_commune(commune_id=places.commune.pk, now=NOW)
    return kids


def rows_of(commune, **filters):
    return DashboardRollup.objects.filter(commune=commune, **filters)


def year_row(commune):
    return rows_of(commune, kind=Kind.YEAR, residential_group=None).get()


def test_the_year_row_is_the_annex_of_the_year_to_date(known, places):
    annex = compute_annex(commune=places.commune, date_from=YEAR[0], date_to=YEAR[1])
    row = year_row(places.commune)
    assert (row.date_from, row.date_to) == YEAR
    figures = {k: v for k, v in row.values.items() if not k.startswith("deadlines.")}
    assert figures == annex.values()
    # The province view's codes, which it de-identifies across communes.
    assert row.province_values == {code: row.values[code] for code in PROVINCE_CODES}


def test_last_years_row_is_the_annex_of_the_same_days_a_year_before(known, places):
    row = rows_of(places.commune, kind=Kind.LAST_YEAR).get()
    annex = compute_annex(
        commune=places.commune, date_from=D(2024, 1, 1), date_to=D(2024, 6, 14)
    )
    assert (row.date_from, row.date_to) == (D(2024, 1, 1), D(2024, 6, 14))
    assert row.values == annex.values()


def test_what_is_overdue_is_what_the_deadline_page_lists(known, places, cast):
    board = deadline_board(cast.officer, NOW)
    values = year_row(places.commune).values
    assert values["deadlines.overdue_triage"] == len(board.untriaged_reports) == 11
    assert values["deadlines.overdue_cases"] == len(board.overdue_cases) == 2
    assert values["deadlines.overdue_referrals"] == len(board.overdue_referrals)
    assert values["deadlines.overdue"] == 13


ADDITIVE = (*GROUP_CHILDREN, *REPORT_COUNTS, "cases.received", "cases.open_at_end")


def test_the_groups_add_up_to_the_commune(known, places):
    commune = year_row(places.commune).values
    groups = list(
        rows_of(places.commune, kind=Kind.YEAR, residential_group__isnull=False)
    )
    assert {g.residential_group for g in groups} == {places.group_a, places.group_b}
    for code in ADDITIVE:
        assert sum(g.values[code] for g in groups) == commune[code], code


def test_a_groups_figures_are_its_own(known, places):
    b = rows_of(places.commune, residential_group=places.group_b).get().values
    # The orphan alone: in special circumstances, supported by the allowance.
    assert b["children.total"] == 1
    assert (b["hcdb.total"], b["hcdb.supported"], b["hcdb.supported_pct"]) == (
        1,
        1,
        100.0,
    )
    assert b["abuse.reports"] == b["cases.open_at_end"] == 0
    a = rows_of(places.commune, residential_group=places.group_a).get().values
    assert (a["hcdb.total"], a["hcdb.supported"], a["hcdb.supported_pct"]) == (
        3,
        2,
        66.7,
    )
    assert a["injury.reports.duoi_nuoc"] == 2
    assert a["injury.deaths"] == 2


def _month_end(first):
    return (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(
        days=1
    )


MONTH_CODES = ("abuse.reports", "injury.reports", "cases.received", "cases.closed")


def test_each_month_is_the_annex_of_that_month(known, places):
    months = list(rows_of(places.commune, kind=Kind.MONTH).order_by("date_from"))
    assert months[0].date_from == D(2024, 7, 1)
    assert len(months) == 12
    assert months[-1].date_to == D(2025, 6, 14)
    for month in months:
        end = min(_month_end(month.date_from), D(2025, 6, 14))
        annex = compute_annex(
            commune=places.commune, date_from=month.date_from, date_to=end
        )
        values = annex.values()
        for code in month.values:
            assert month.values[code] == values[code], (month.date_from, code)
    by_month = {m.date_from: m.values for m in months}
    assert by_month[D(2025, 5, 1)]["abuse.reports"] == 3
    assert by_month[D(2025, 5, 1)]["injury.reports.duoi_nuoc"] == 2
    assert by_month[D(2024, 12, 1)]["cases.closed"] == 1


def test_rows_change_only_when_refreshed_and_follow_inserts_and_soft_deletes(
    known, places, cast
):
    before = year_row(places.commune).values
    with at(NOW):
        newcomer = ChildFactory(
            residential_group=places.group_b, birth_date=D(2020, 2, 2), sex="nam"
        )
        submit(cast.leader_b, places.group_b, kind="duoi_nuoc", severity="death")
    assert year_row(places.commune).values == before  # not until the refresh
    later = NOW + datetime.timedelta(minutes=15)
    rollups.rollup_refresh_commune(commune_id=places.commune.pk, now=later)
    after = year_row(places.commune).values
    assert after["children.total"] == before["children.total"] + 1
    assert after["injury.reports.duoi_nuoc"] == before["injury.reports.duoi_nuoc"] + 1
    assert after["injury.deaths_drowning"] == before["injury.deaths_drowning"] + 1
    group_b = rows_of(places.commune, residential_group=places.group_b).get().values
    assert group_b["children.total"] == 2
    assert group_b["injury.reports.duoi_nuoc"] == 1
    june = rows_of(places.commune, kind=Kind.MONTH, date_from=D(2025, 6, 1)).get()
    assert june.values["injury.reports.duoi_nuoc"] == 1

    newcomer.deleted_at = later
    newcomer.save(update_fields=["deleted_at"])
    known.orphan.deleted_at = later
    known.orphan.save(update_fields=["deleted_at"])
    rollups.rollup_refresh_commune(
        commune_id=places.commune.pk, now=later + datetime.timedelta(minutes=15)
    )
    final = year_row(places.commune).values
    assert final["children.total"] == before["children.total"] - 1
    assert final["hcdb.total"] == before["hcdb.total"] - 1
    group_b = rows_of(places.commune, residential_group=places.group_b).get().values
    assert group_b["children.total"] == group_b["hcdb.total"] == 0


def test_a_refresh_updates_the_rows_in_place_and_last_year_once_a_day(known, places):
    count = DashboardRollup.objects.count()
    first = rows_of(places.commune, kind=Kind.LAST_YEAR).get().computed_at
    later = NOW + datetime.timedelta(minutes=15)
    rollups.rollup_refresh_commune(commune_id=places.commune.pk, now=later)
    assert DashboardRollup.objects.count() == count
    assert year_row(places.commune).computed_at == later
    assert rows_of(places.commune, kind=Kind.LAST_YEAR).get().computed_at == first
    tomorrow = local(2025, 6, 15, 0, 5)
    rollups.rollup_refresh_commune(commune_id=places.commune.pk, now=tomorrow)
    row = rows_of(places.commune, kind=Kind.LAST_YEAR).get()
    assert (row.date_to, row.computed_at) == (D(2024, 6, 15), tomorrow)


def test_a_new_year_starts_new_year_rows(known, places):
    rollups.rollup_refresh_commune(
        commune_id=places.commune.pk, now=local(2026, 1, 1, 8)
    )
    rows = rows_of(places.commune, kind=Kind.YEAR, residential_group=None)
    assert sorted(r.date_from for r in rows) == [D(2025, 1, 1), D(2026, 1, 1)]
    new = rows.get(date_from=D(2026, 1, 1)).values
    assert new["abuse.reports"] == 0
    assert new["children.total"] > 0


def test_the_29th_of_february_compares_with_the_28th():
    period = periods.same_period_last_year(D(2028, 2, 29))
    assert (period.date_from, period.date_to) == (D(2027, 1, 1), D(2027, 2, 28))


def test_the_chart_spans_twelve_months_to_today():
    span = periods.chart_span(D(2025, 1, 20))
    assert (span.date_from, span.date_to) == (D(2024, 2, 1), D(2025, 1, 20))


def test_beat_refreshes_every_commune(places, settings):
    from reports import tasks

    tasks.refresh_dashboards()  # eager in tests: each commune's task runs
    assert set(
        DashboardRollup.objects.filter(
            kind=Kind.YEAR, residential_group=None
        ).values_list("commune_id", flat=True)
    ) == {places.commune.pk, places.other_commune.pk}
    entry = settings.CELERY_BEAT_SCHEDULE["refresh-dashboards"]
    assert entry["schedule"] == rollups.REFRESH_SECONDS


def test_a_refresh_costs_a_fixed_number_of_queries(
    cast, places, django_assert_max_num_queries
):
    annex_data.build(cast, places)
    with django_assert_max_num_queries(90):
        rollups.rollup_refresh_commune(commune_id=places.commune.pk, now=NOW)
