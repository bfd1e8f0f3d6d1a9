"""The chairman's and officer's dashboard: who may open it, every card on the
known commune, targets and trends, a fixed number of queries, no name on the
page, and the lists behind the numbers (names for those allowed, audited)."""

import re

import pytest
import time_machine
from django.urls import reverse

from accounts.models import AuditEntry, User
from cases.models import IncidentReport, IncidentReporter
from cases.selectors import deadline_board
from registry.models import Child
from reports.dashboard import rollups
from reports.dashboard.cards import CARDS
from reports.models import PlanTarget
from reports.plans import services as plan_services
from tests.cases.factories import submit
from tests.conftest import CAST
from tests.factories import ResidentialGroupFactory
from tests.registry.factories import ChildFactory
from tests.reports import annex_data
from tests.reports.annex_data import local

pytestmark = pytest.mark.django_db

NOW = local(2025, 6, 14, 18, 0)
DASHBOARD = reverse("dashboard:home")
DASHBOARD_ROLES = {"officer", "chairman", "other_officer"}

# The known commune's cards on 14/06/2025: the annex of 1/1/2025 to 14/6/2025.
# Stocks are annex_data.EXPECTED's (the same last day); flows are EXPECTED's
# less what was received from 15/12 to 31/12/2024: one report of an abandoned
# baby (not a registered child).
CARD_VALUES = {
    "children.total": (19, "19", []),
    "hcdb.supported_pct": (75.0, "75 %", ["3", "4"]),
    "newborns.insured_pct": (50.0, "50 %", ["1", "2"]),
    "under6.insured_pct": (50.0, "50 %", ["4", "8"]),
    "disabled.reached_pct": (66.7, "66,7 %", ["2", "3"]),
    "abuse.children": (8, "8", ["9"]),
    "injury.reports": (4, "4", ["2"]),
    "injury.reports.duoi_nuoc": (2, "2", ["1"]),
    "cases.received": (3, "3", ["1"]),
    "cases.open_at_end": (3, "3", []),
    "cases.plans_on_time_pct": (50.0, "50 %", ["1", "2"]),
    "campaigns.supported_children": (2, "2", ["2"]),
}


@pytest.fixture
def known(cast, places):
    kids = annex_data.build(cast, places)
    rollups.rollup_refresh_commune(commune_id=places.commune.pk, now=NOW)
    return kids


@pytest.fixture
def at_now():
    with time_machine.travel(NOW, tick=False):
        yield


def card_html(html: str, code: str) -> str:
    start = html.index(f'data-code="{code}"')
    following = html.find("data-code=", start + 10)
    return html[start : following if following > 0 else None]


def test_every_card_is_listed_here():
    assert [spec.code for spec in CARDS] == list(CARD_VALUES)


def test_every_card_shows_its_figure_on_the_known_commune(client, cast, known, at_now):
    client.force_login(cast.chairman)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    cards = {card.spec.code: card for card in response.context["dashboard"].cards}
    for code, (value, shown, parts) in CARD_VALUES.items():
        card = cards[code]
        assert card.value == value, code
        assert [part for _label, part in card.parts] == parts, code
        html = card_html(response.text, code)
        assert f">{shown}<" in re.sub(r"\s+", "", html).replace("%", " %"), code


def test_the_overdue_card_counts_what_the_deadline_page_lists(
    client, cast, known, at_now
):
    client.force_login(cast.chairman)
    worklist = client.get(DASHBOARD).context["dashboard"].worklist
    board = deadline_board(cast.chairman, NOW)
    assert worklist.triage_total == len(board.untriaged_reports) == 11
    assert worklist.cases_total == len(board.overdue_cases) == 2
    assert worklist.referrals_total == len(board.overdue_referrals)
    assert worklist.total == 13
    assert len(worklist.triage) == 5  # the first five, the rest behind the link
    assert [r.pk for r in worklist.triage] == [
        r.pk for r in board.untriaged_reports[:5]
    ]


def test_targets_of_the_plan_against_the_figures(client, cast, places, known, at_now):
    plan = plan_services.plan_create(
        actor=cast.officer, commune=places.commune, year=2025
    )
    PlanTarget.objects.create(
        commune=places.commune,
        plan=plan,
        indicator="cases.open_at_end",
        label="Không quá 5 trường hợp đang theo dõi",
        target=5,
        comparison="lte",
        order=9,
    )
    client.force_login(cast.chairman)
    response = client.get(DASHBOARD)
    dashboard = response.context["dashboard"]
    found = {t.indicator: (t.actual, t.met) for t in dashboard.targets}
    assert found == {
        "hcdb.supported_pct": (75.0, False),
        "newborns.insured_pct": (50.0, False),
        "disabled.reached_pct": (66.7, False),
        "cases.open_at_end": (3, True),
    }
    cards = {card.spec.code: card for card in dashboard.cards}
    assert cards["hcdb.supported_pct"].target.target_display == "≥ 100%"
    assert cards["cases.open_at_end"].target.met is True
    assert "≤ 5" in card_html(response.text, "cases.open_at_end")
    assert 'id="targets"' in response.text


def test_the_trend_compares_with_the_same_days_last_year(client, cast, places, at_now):
    group = places.group_a
    with time_machine.travel(local(2024, 3, 1, 9), tick=False):
        submit(cast.leader_a, group, kind="duoi_nuoc")
        submit(cast.leader_a, group, kind="duoi_nuoc")
        submit(cast.leader_a, group, kind="duoi_nuoc")
    with time_machine.travel(local(2024, 7, 1, 9), tick=False):
        submit(cast.leader_a, group, kind="duoi_nuoc")  # after 14 June: not compared
    with time_machine.travel(local(2025, 3, 1, 9), tick=False):
        submit(cast.leader_a, group, kind="duoi_nuoc")
    rollups.rollup_refresh_commune(commune_id=places.commune.pk, now=NOW)
    client.force_login(cast.chairman)
    cards = {c.spec.code: c for c in client.get(DASHBOARD).context["dashboard"].cards}
    trend = cards["injury.reports.duoi_nuoc"].trend
    assert (trend.delta, trend.arrow, trend.last, trend.good) == (-2, "▼", "3", True)
    assert cards["children.total"].trend.good is None


@pytest.mark.parametrize("member", CAST)
def test_who_may_open_the_dashboard(client, cast, member):
    client.force_login(getattr(cast, member))
    response = client.get(DASHBOARD)
    assert response.status_code == (200 if member in DASHBOARD_ROLES else 403)
    menu = [i.url_name for i in client.get(reverse("home")).context["nav_items"]]
    assert ("dashboard:home" in menu) is (member in DASHBOARD_ROLES)
    assert ("dashboard:province" in menu) is (member == "province_viewer")


def test_each_user_sees_the_dashboard_of_their_own_commune(client, cast, places, known):
    rollups.rollup_refresh_commune(commune_id=places.other_commune.pk, now=NOW)
    client.force_login(cast.other_officer)
    response = client.get(DASHBOARD)
    assert response.context["dashboard"].commune == places.other_commune
    assert places.group_a.name not in response.text
    client.force_login(cast.officer)
    other = {"commune": str(places.other_commune.code)}
    assert client.get(DASHBOARD, other).status_code == 404
    assert client.get(DASHBOARD, {"commune": "not-a-uuid"}).status_code == 404
    overdue = reverse("dashboard:list", args=["overdue"])
    assert client.get(overdue, other).status_code == 404
    group = {"group": str(places.other_group.code)}
    assert client.get(overdue, group).status_code == 404
    assert client.get(reverse("dashboard:list", args=["nothing"])).status_code == 404


def test_a_user_of_two_communes_picks_one(client, cast, places):
    from accounts.models import Assignment

    Assignment.objects.create(
        user=cast.chairman, role="chairman", commune=places.other_commune
    )
    client.force_login(cast.chairman)
    response = client.get(DASHBOARD, {"commune": str(places.other_commune.code)})
    assert response.context["dashboard"].commune == places.other_commune
    assert f"?commune={places.commune.code}" in response.text


def planted_names() -> set[str]:
    """Every child's and informant's name in the database, but a name that is
    also a user's (the signed-in chairman's shows in the menu)."""
    names = set(Child.all_objects.values_list("full_name", flat=True))
    names |= set(IncidentReport.objects.values_list("child_name", flat=True))
    names |= set(IncidentReporter.objects.values_list("name", flat=True))
    names -= set(User.objects.values_list("full_name", flat=True))
    return {name for name in names if name}


def test_no_name_is_on_the_chairmans_dashboard(client, cast, places, known, at_now):
    ChildFactory(residential_group=places.group_b, full_name="Đinh Thị Cắm Mốc")
    submit(cast.leader_b, places.group_b, kind="bao_luc", child_name="Em Bí Mật")
    rollups.rollup_refresh_commune(commune_id=places.commune.pk, now=NOW)
    client.force_login(cast.chairman)
    html = client.get(DASHBOARD).content.decode()
    names = planted_names()
    assert {"Đinh Thị Cắm Mốc", "Em Bí Mật", known.orphan.full_name} <= names
    assert [name for name in names if name in html] == []


def test_the_page_reads_the_rollups_not_the_registry(
    client, cast, places, known, at_now
):
    ChildFactory.create_batch(3, residential_group=places.group_a)
    client.force_login(cast.chairman)
    cards = client.get(DASHBOARD).context["dashboard"].cards
    assert cards[0].value == 19  # until beat refreshes the rollups
    rollups.rollup_refresh_commune(commune_id=places.commune.pk, now=NOW)
    assert client.get(DASHBOARD).context["dashboard"].cards[0].value == 22


def _more(cast, places):
    """Much more of everything: groups, children, reports past triage."""
    for n in range(6):
        group = ResidentialGroupFactory(commune=places.commune, name=f"Thôn mới {n}")
        ChildFactory.create_batch(5, residential_group=group)
        with time_machine.travel(local(2025, 5, 1 + n, 9), tick=False):
            submit(cast.leader_a, places.group_a, kind="nga")


def test_the_dashboard_costs_the_same_queries_whatever_the_data(
    client, cast, places, at_now, django_assert_num_queries
):
    plan_services.plan_create(actor=cast.officer, commune=places.commune, year=2025)
    rollups.rollup_refresh_commune(commune_id=places.commune.pk, now=NOW)
    client.force_login(cast.chairman)
    client.get(DASHBOARD)
    with django_assert_num_queries(14) as small:
        client.get(DASHBOARD)
    annex_data.build(cast, places)
    _more(cast, places)
    rollups.rollup_refresh_commune(commune_id=places.commune.pk, now=NOW)
    with django_assert_num_queries(14) as large:
        response = client.get(DASHBOARD)
    assert len(response.context["dashboard"].groups) == 8
    assert len(small.captured_queries) == len(large.captured_queries)


def test_the_overdue_list_names_the_children_and_is_audited(
    client, cast, places, known, at_now
):
    client.force_login(cast.chairman)
    page = client.get(DASHBOARD).content.decode()
    link = re.search(r'id="overdue-link"\s+class="[^"]*"\s+href="([^"]+)"', page)
    response = client.get(link.group(1).replace("&amp;", "&"))
    assert response.status_code == 200
    sections = {s.kind: s for s in response.context["sections"]}
    assert sections["reports"].total == 11
    assert sections["cases"].total == 2
    assert known.case_c.full_name in response.text  # the chairman may read names
    entry = AuditEntry.objects.get(action="dashboard.drilldown", user=cast.chairman)
    assert entry.commune == places.commune
    assert entry.detail == {"list": "overdue", "what": "", "group": "", "rows": 13}
    assert known.case_c.full_name not in str(entry.detail)


def test_each_list_holds_what_its_number_counts(client, cast, places, known, at_now):
    client.force_login(cast.officer)
    values = client.get(DASHBOARD).context["dashboard"].year.values

    def total(name, **query):
        response = client.get(reverse("dashboard:list", args=[name]), query)
        return sum(section.total for section in response.context["sections"])

    assert total("incidents", what="abuse") == values["abuse.reports"] == 9
    assert total("incidents", what="injury") == values["injury.reports"] == 4
    assert total("incidents", what="drowning") == values["injury.reports.duoi_nuoc"]
    # Open cases are listed as they are now: the known commune's case D, open
    # on 14/06 (the figure's day), was closed on 20/06 by annex_data already.
    assert values["cases.open_at_end"] == 3
    assert total("open_cases") == 2
    unsupported = values["hcdb.total"] - values["hcdb.supported"]
    assert total("unsupported") == unsupported == 1
    group_b = {"group": str(places.group_b.code)}
    assert total("unsupported", **group_b) == 0
    assert total("incidents", **group_b) == 0
    assert AuditEntry.objects.filter(action="dashboard.drilldown").count() == 7


def test_the_group_table_links_to_each_groups_list(client, cast, places, known, at_now):
    client.force_login(cast.chairman)
    lines = client.get(DASHBOARD).context["dashboard"].groups
    assert [line.name for line in lines] == [places.group_a.name, places.group_b.name]
    a = {cell.url: cell.display for cell in lines[0].cells if cell.url}
    drowning = [url for url in a if "what=drowning" in url]
    assert len(drowning) == 1
    assert f"group={places.group_a.code}" in drowning[0]
    response = client.get(drowning[0])
    rows = response.context["sections"][0].rows
    assert len(rows) == 2
    assert {r.residential_group for r in rows} == {places.group_a}


def test_before_the_first_refresh_the_page_says_so(client, cast):
    client.force_login(cast.chairman)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert response.context["dashboard"].year is None
    assert response.context["refresh_minutes"] == 15
    assert "Số liệu chưa được tính" in response.text


def test_the_page_shows_the_charts_and_when_its_figures_were_computed(
    client, cast, known, at_now
):
    client.force_login(cast.chairman)
    html = client.get(DASHBOARD).content.decode()
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart') == 2
    assert ">05/25<" in html
    charts = html.split('id="charts-heading"')[1].split("</section>")[0]
    assert "style=" not in charts
    assert "18:00 14/06/2025" in html
    assert "01/01/2025" in html
