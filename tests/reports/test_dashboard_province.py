"""The province view: its communes only, counts de-identified column by column
(small cells and their complement), percentages hidden with their numerator,
totals, sorting that tells nothing about hidden cells, the .xlsx, a fixed
number of queries, and no name anywhere."""

import io

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import AuditEntry
from reports.dashboard import rollups
from reports.dashboard.province import COLUMNS, COUNT_CODES
from reports.models import DashboardRollup
from tests.conftest import CAST
from tests.factories import CommuneFactory, ProvinceFactory
from tests.reports import annex_data
from tests.reports.annex_data import D, local
from tests.reports.test_dashboard import planted_names

pytestmark = pytest.mark.django_db

NOW = local(2025, 6, 14, 18, 0)
PROVINCE = reverse("dashboard:province")
XLSX = reverse("dashboard:province_xlsx")


@pytest.fixture(autouse=True)
def at_now():
    with time_machine.travel(NOW, tick=False):
        yield


def figures(commune, **changes):
    """A year row for `commune` with ordinary figures, `changes` by code
    (dots written as double underscores)."""
    values = dict.fromkeys(COUNT_CODES, 20)
    values |= {"children.total": 500, "under6.total": 150, "newborns.total": 30}
    values |= {code.replace("__", "."): value for code, value in changes.items()}
    for column in COLUMNS:
        if column.is_percent:
            base = values[column.denominator]
            values[column.code] = round(100 * values[column.numerator] / base, 1)
    DashboardRollup.objects.create(
        commune=commune,
        kind=DashboardRollup.Kind.YEAR,
        date_from=D(2025, 1, 1),
        date_to=D(2025, 6, 14),
        values=values,
        province_values=values,
        computed_at=NOW,
    )


@pytest.fixture
def province(places):
    """Ba Tơ, Ba Vì, Ba Động and Ba Liên in one province; Bình Định elsewhere."""
    dong = CommuneFactory(name="Ba Động", province=places.commune.province)
    lien = CommuneFactory(name="Ba Liên", province=places.commune.province)
    figures(places.commune, abuse__children=1, injury__reports=1, hcdb__supported=2)
    figures(places.other_commune, abuse__children=10, injury__reports=2)
    figures(dong, abuse__children=0, injury__reports=10, deadlines__overdue=1)
    figures(lien, abuse__children=7, injury__reports=5)
    elsewhere = CommuneFactory(
        name="Bình Định xã", province=ProvinceFactory(code="52", name="Bình Định")
    )
    figures(elsewhere, abuse__children=99)
    return places


def column(table, code):
    index = next(i for i, c in enumerate(COLUMNS) if c.code == code)
    return {line.name: line.cells[index].display for line in table.lines}


def table_of(client, cast, **query):
    client.force_login(cast.province_viewer)
    response = client.get(PROVINCE, query)
    assert response.status_code == 200
    return response.context["table"]


def test_only_the_provinces_communes_are_shown(client, cast, province):
    table = table_of(client, cast)
    # Vietnamese order: Đ after D, before L.
    assert [line.name for line in table.lines] == [
        "Ba Động",
        "Ba Liên",
        "Ba Tơ",
        "Ba Vì",
    ]
    total = dict(zip((c.code for c in COLUMNS), table.total, strict=True))
    assert total["abuse.children"].value == 18  # not Bình Định's 99
    assert total["children.total"].display == "2.000"


def test_a_small_count_hides_a_second_one_that_would_give_it_away(
    client, cast, province
):
    shown = column(table_of(client, cast), "abuse.children")
    # 1 is small; with the total shown it equals 18 - 10 - 0 - 7, so the
    # smallest other non-zero count (7) is hidden too. Zero stays.
    assert shown == {"Ba Tơ": "< 3", "Ba Liên": "x", "Ba Vì": "10", "Ba Động": "0"}


def test_two_small_counts_protect_each_other(client, cast, province):
    shown = column(table_of(client, cast), "injury.reports")
    assert shown == {"Ba Tơ": "< 3", "Ba Vì": "< 3", "Ba Động": "10", "Ba Liên": "5"}


def test_a_percentage_is_hidden_with_its_numerator(client, cast, province):
    table = table_of(client, cast)
    shown = column(table, "hcdb.supported_pct")
    # Ba Tơ's 2 supported children are a small cell; another commune's
    # numerator is hidden with it, and so its percentage.
    assert shown["Ba Tơ"] == "x"
    assert list(shown.values()).count("x") == 2
    assert "100 %" in shown.values()
    total = dict(zip((c.code for c in COLUMNS), table.total, strict=True))
    assert total["hcdb.supported_pct"].value == round(100 * 62 / 80, 1)


def test_counts_of_overdue_work_are_not_hidden(client, cast, province):
    assert column(table_of(client, cast), "deadlines.overdue")["Ba Động"] == "1"


def test_sorting_puts_hidden_figures_last_either_way(client, cast, province):
    down = table_of(client, cast, sort="abuse.children", order="desc")
    assert [line.name for line in down.lines] == [
        "Ba Vì",
        "Ba Động",
        "Ba Liên",
        "Ba Tơ",
    ]
    up = table_of(client, cast, sort="abuse.children", order="asc")
    assert [line.name for line in up.lines] == ["Ba Động", "Ba Vì", "Ba Liên", "Ba Tơ"]
    by_name = table_of(client, cast, order="desc")
    assert [line.name for line in by_name.lines] == [
        "Ba Vì",
        "Ba Tơ",
        "Ba Liên",
        "Ba Động",
    ]


def test_a_commune_not_computed_yet_is_listed_without_figures(client, cast, province):
    CommuneFactory(name="Ba Mới", province=province.commune.province)
    table = table_of(client, cast)
    line = next(line for line in table.lines if line.name == "Ba Mới")
    assert not line.computed
    assert {cell.display for cell in line.cells} == {"…"}
    total = dict(zip((c.code for c in COLUMNS), table.total, strict=True))
    assert total["abuse.children"].value == 18


def test_the_xlsx_holds_the_page_and_is_audited(client, cast, province):
    client.force_login(cast.province_viewer)
    response = client.get(XLSX, {"sort": "abuse.children", "order": "desc"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header = next(r for r in rows if r[0] in ("Commune", "Xã"))
    index = 1 + next(i for i, c in enumerate(COLUMNS) if c.code == "abuse.children")
    lines = {r[0]: r for r in rows[rows.index(header) + 1 :]}
    assert list(lines)[:4] == ["Ba Vì", "Ba Động", "Ba Liên", "Ba Tơ"]
    assert lines["Ba Tơ"][index] == "< 3"
    assert lines["Ba Liên"][index] == "x"
    assert lines["Ba Vì"][index] == 10
    assert isinstance(lines["Ba Vì"][1], int)
    entry = AuditEntry.objects.get(action="dashboard.province_exported")
    assert entry.user == cast.province_viewer
    assert entry.detail == {"province": province.commune.province.code, "communes": 4}


@pytest.mark.parametrize("member", CAST)
def test_only_province_viewers_see_the_province(client, cast, member):
    client.force_login(getattr(cast, member))
    expected = 200 if member == "province_viewer" else 403
    assert client.get(PROVINCE).status_code == expected
    assert client.get(XLSX).status_code == expected


def test_another_province_is_not_found(client, cast, province):
    client.force_login(cast.province_viewer)
    assert client.get(PROVINCE, {"province": "52"}).status_code == 404
    assert client.get(XLSX, {"province": "52"}).status_code == 404


def test_no_name_is_in_the_province_view_or_its_xlsx(client, cast, places):
    annex_data.build(cast, places)
    for commune in (places.commune, places.other_commune):
        rollups.rollup_refresh_commune(commune_id=commune.pk, now=NOW)
    client.force_login(cast.province_viewer)
    html = client.get(PROVINCE).content.decode()
    workbook = load_workbook(io.BytesIO(client.get(XLSX).content))
    cells = " ".join(
        str(value)
        for row in workbook.active.iter_rows(values_only=True)
        for value in row
        if value is not None
    )
    names = planted_names()
    assert len(names) > 20
    assert [name for name in names if name in html or name in cells] == []
    table = client.get(PROVINCE).context["table"]
    # Ba Tơ's two drownings and Ba Vì's one are small counts of children.
    assert column(table, "injury.reports.duoi_nuoc") == {"Ba Tơ": "< 3", "Ba Vì": "< 3"}
    # Ba Vì has two children on record, so Ba Tơ's 19 is hidden with them.
    assert column(table, "children.total") == {"Ba Tơ": "x", "Ba Vì": "< 3"}


def test_the_province_view_costs_the_same_queries_for_more_communes(
    client, cast, places, django_assert_num_queries
):
    figures(places.commune)
    client.force_login(cast.province_viewer)
    client.get(PROVINCE)
    with django_assert_num_queries(10) as few:
        client.get(PROVINCE)
    for n in range(10):
        figures(CommuneFactory(name=f"Xã số {n}", province=places.commune.province))
    with django_assert_num_queries(10) as many:
        response = client.get(PROVINCE)
    assert len(response.context["table"].lines) == 12
    assert len(few.captured_queries) == len(many.captured_queries)
