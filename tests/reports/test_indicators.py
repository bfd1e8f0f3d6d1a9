"""The statistical annex on a known commune: every figure, the period's edges in
Vietnam time, scope, soft deletion, and a number of queries that does not grow."""

import datetime
import json

import pytest

from reports.indicators import codes
from reports.indicators.annex import compute_annex
from reports.indicators.casework import approval_deadline
from tests.cases.factories import submit
from tests.registry.factories import ChildFactory
from tests.reports import annex_data
from tests.reports.annex_data import DATE_FROM, DATE_TO, D, local

pytestmark = pytest.mark.django_db

# compute_annex's queries: a fixed number whatever the data.
MAX_QUERIES = 30


def annex_of(commune, date_from=DATE_FROM, date_to=DATE_TO):
    return compute_annex(commune=commune, date_from=date_from, date_to=date_to)


def expected_values() -> dict:
    """EXPECTED, with every other figure 0 and a percentage of nothing None."""
    expected = dict.fromkeys(codes.all_value_codes(), 0) | annex_data.EXPECTED
    for code, indicator in codes.INDICATORS.items():
        if indicator.percent_of and not expected[indicator.percent_of]:
            expected[f"{code}_pct"] = None
    return expected


@pytest.fixture
def known(cast, places):
    return annex_data.build(cast, places)


def test_every_figure_of_the_known_commune(known, places):
    values = annex_of(places.commune).values()
    expected = expected_values()
    assert list(values) == list(expected)  # the catalogue's order, nothing more
    wrong = {k: (values[k], expected[k]) for k in expected if values[k] != expected[k]}
    assert wrong == {}


def test_the_other_commune_sees_only_its_own(known, places):
    values = annex_of(places.other_commune).values()
    assert values["children.total"] == 2  # its HCĐB child and its case's child
    assert values["hcdb.total"] == 1
    assert values["abuse.reports"] == 2  # its case's report and one other
    assert values["injury.deaths_drowning"] == 1
    assert values["cases.received"] == 1
    assert values["campaigns.supports"] == 1
    assert values["campaigns.participants_children.boys"] == 99


def test_the_annex_holds_no_name(known, places):
    text = json.dumps(annex_of(places.commune).to_dict(), ensure_ascii=False)
    names = [known.toddler.full_name, known.case_a.full_name, "Em A", "Bé Na"]
    assert not [name for name in names if name in text]


def test_queries_do_not_grow_with_the_data(
    known, cast, places, django_assert_max_num_queries
):
    with django_assert_max_num_queries(MAX_QUERIES) as first:
        annex_of(places.commune)
    ChildFactory.create_batch(20, residential_group=places.group_b)
    for _ in range(5):
        with annex_data.at(local(2025, 5, 1, 9, 0)):
            submit(cast.leader_a, places.group_a, kind="bao_luc", child_age=8)
    with django_assert_max_num_queries(MAX_QUERIES) as second:
        annex_of(places.commune)
    assert len(second.captured_queries) == len(first.captured_queries)


def test_an_empty_commune_has_zeros_and_no_percentages(places):
    values = annex_of(places.commune).values()
    assert values["children.total"] == 0
    assert values["under6.insured_pct"] is None
    assert values["campaigns.support_value"] == 0


# The edges, each on its own.


def test_a_child_16_the_day_after_counts_and_16_on_the_day_does_not(places):
    ChildFactory(residential_group=places.group_a, birth_date=D(2009, 6, 15))
    ChildFactory(residential_group=places.group_a, birth_date=D(2009, 6, 14))
    values = annex_of(places.commune).values()
    assert values["children.total"] == 1
    assert values["children.age.11_16"] == 1


def test_a_child_born_on_29_february_is_16_on_1_march(places):
    ChildFactory(residential_group=places.group_a, birth_date=D(2008, 2, 29))
    on_28 = annex_of(places.commune, D(2024, 1, 1), D(2024, 2, 28)).values()
    on_29 = annex_of(places.commune, D(2024, 1, 1), D(2024, 2, 29)).values()
    assert (on_28["children.total"], on_29["children.total"]) == (1, 0)


def test_reports_count_by_the_local_day_they_were_received(cast, places):
    for moment in (
        local(2025, 6, 14, 23, 30),  # last evening: counts
        local(2025, 6, 15, 0, 10),  # just after midnight: next period
        local(2024, 12, 15, 0, 10),  # first night: counts
        local(2024, 12, 14, 23, 50),  # the evening before: previous period
    ):
        annex_data.report(
            cast.leader_a, places.group_a, moment, kind="bao_luc", child_age=9
        )
    assert annex_of(places.commune).values()["abuse.reports"] == 2


def test_soft_deleted_children_never_count(cast, places):
    kept = ChildFactory(residential_group=places.group_a, classification="hcdb")
    gone = ChildFactory(
        residential_group=places.group_a,
        classification="hcdb",
        deleted_at=local(2025, 1, 1, 9, 0),
    )
    values = annex_of(places.commune).values()
    assert values["children.total"] == 1
    assert values["hcdb.total"] == 1
    assert kept.pk != gone.pk


def test_a_child_archived_after_the_end_was_still_there(places):
    ChildFactory(
        residential_group=places.group_a,
        status="deceased",
        status_changed_on=D(2025, 6, 15),
    )
    ChildFactory(
        residential_group=places.group_a,
        status="deceased",
        status_changed_on=DATE_TO,
    )
    assert annex_of(places.commune).values()["children.total"] == 1


def test_approval_deadline_counts_local_working_days():
    """Submitted on Thursday 6 March 2025 at 06:30 in Vietnam (still Wednesday in
    UTC): two working days run to the end of Monday 10 March, local time."""
    submitted = local(2025, 3, 6, 6, 30)
    deadline = approval_deadline(submitted, (frozenset(), frozenset()))
    assert deadline == local(2025, 3, 10, 23, 59, 59)
    over_the_holidays = approval_deadline(
        local(2025, 4, 29, 10, 0),
        (frozenset({D(2025, 4, 30), D(2025, 5, 1), D(2025, 5, 2)}), frozenset()),
    )
    assert over_the_holidays.date() == D(2025, 5, 6)


def test_a_period_cannot_end_before_it_starts(places):
    with pytest.raises(ValueError, match="before"):
        annex_of(places.commune, D(2025, 6, 14), D(2025, 6, 13))


@pytest.mark.parametrize("year", [2024, 2025])
def test_a_year_end_period_reads_across_new_year(cast, places, year):
    annex_data.report(
        cast.leader_a,
        places.group_a,
        local(2024, 12, 31, 23, 59),
        kind="bao_luc",
        child_age=9,
    )
    values = annex_of(places.commune, D(year - 1, 12, 15), D(year, 12, 14)).values()
    assert values["abuse.reports"] == (1 if year == 2025 else 0)


def test_the_time_of_day_in_utc_does_not_move_a_report(cast, places):
    """00:10 local on 15/6 is 17:10 UTC on 14/6: still the next period."""
    moment = local(2025, 6, 15, 0, 10)
    assert moment.astimezone(datetime.UTC).date() == D(2025, 6, 14)
    annex_data.report(
        cast.leader_a, places.group_a, moment, kind="duoi_nuoc", severity="low"
    )
    assert annex_of(places.commune).values()["injury.reports"] == 0
