"""Support to children: the priority list, the double-giving confirmation and the
campaign's totals."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import AuditEntry
from campaigns import totals
from campaigns.models import Support
from campaigns.paging import keyset_page
from campaigns.priority import ORDER, priority_children, priority_page
from campaigns.services.campaigns import campaign_set_status
from campaigns.services.support import support_delete, support_give
from registry.models import RiskCategory
from tests.campaigns.factories import ActivityFactory, CampaignFactory
from tests.factories import ResidentialGroupFactory
from tests.registry.factories import ChildFactory, SpecialCircumstanceFactory

# Service messages are matched in English, the language of the source.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

GIFT = {
    "kind": "gift",
    "value": 300_000,
    "source": "state",
    "given_on": datetime.date(2025, 6, 1),
}


def give(cast, campaign, child, **extra):
    return support_give(
        actor=cast.officer, campaign=campaign, child=child, **(GIFT | extra)
    )


@pytest.fixture
def kids(places):
    """Children of every tier in two groups, named so name order is visible."""
    a, b = places.group_a, places.group_b
    kids = {
        "b_special": ChildFactory(residential_group=b, full_name="An Văn Bé"),
        # Special by an open circumstance, though never classified.
        "a_special_open": ChildFactory(
            residential_group=a, full_name="Đinh Thị Ơn", classification="binh_thuong"
        ),
        "a_special": ChildFactory(
            residential_group=a, full_name="Đinh Văn Ất", classification="hcdb"
        ),
        "a_risk": ChildFactory(
            residential_group=a, full_name="Bùi Thị Cúc", classification="nguy_co"
        ),
        "b_risk": ChildFactory(
            residential_group=b, full_name="Âu Văn Dũng", classification="nguy_co"
        ),
        "a_other": ChildFactory(
            residential_group=a, full_name="Hồ Thị Én", classification="hoan_canh_khac"
        ),
        "a_none": ChildFactory(residential_group=a, full_name="Ai Cũng Có"),
        "a_moved": ChildFactory(
            residential_group=a,
            full_name="Lê Văn Đi",
            classification="hcdb",
            status="moved",
        ),
    }
    kids["b_special"].classification = "hcdb"
    kids["b_special"].save()
    SpecialCircumstanceFactory(child=kids["a_special_open"])
    # A resolved circumstance no longer puts a child first.
    SpecialCircumstanceFactory(
        child=kids["a_none"], resolved_on=datetime.date(2025, 3, 1)
    )
    return kids


def names(page):
    return [row.full_name for row in page.rows]


def test_the_priority_list_puts_special_circumstances_first_then_risk_by_group_and_name(
    cast, june, kids
):
    page = priority_page(cast.officer, june)
    # Vietnamese order: "Đ" after "D", "Ơ" after "Ă"... and group 1 before group 2.
    assert names(page) == [
        "Đinh Thị Ơn",
        "Đinh Văn Ất",
        "An Văn Bé",
        "Bùi Thị Cúc",
        "Âu Văn Dũng",
        "Hồ Thị Én",
    ]
    assert [row.tier for row in page.rows] == [0, 0, 0, 1, 1, 2]


def test_names_follow_vietnamese_alphabetical_order(cast, june, places):
    for name in ("Đỗ Văn A", "Dương Văn B", "Ân Thị C", "An Thị D"):
        ChildFactory(
            residential_group=places.group_a, full_name=name, classification="hcdb"
        )
    assert names(priority_page(cast.officer, june)) == [
        "An Thị D",
        "Ân Thị C",
        "Dương Văn B",
        "Đỗ Văn A",
    ]


def test_the_priority_list_marks_who_already_received_and_filters(
    cast, june, kids, places
):
    give(cast, june, kids["a_special"])
    page = priority_page(cast.officer, june)
    given = {row.full_name: row.already_given for row in page.rows}
    assert given["Đinh Văn Ất"] is True
    assert given["An Văn Bé"] is False
    waiting = priority_page(cast.officer, june, {"waiting": True})
    assert "Đinh Văn Ất" not in names(waiting)
    assert names(priority_page(cast.officer, june, {"tier": "1"})) == [
        "Bùi Thị Cúc",
        "Âu Văn Dũng",
    ]
    assert names(priority_page(cast.officer, june, {"group": places.group_b})) == [
        "An Văn Bé",
        "Âu Văn Dũng",
    ]
    assert names(priority_page(cast.officer, june, {"q": "cuc"})) == ["Bùi Thị Cúc"]


def test_priority_pages_neither_repeat_nor_skip(cast, june, places):
    groups = [
        places.group_a,
        places.group_b,
        ResidentialGroupFactory(commune=places.commune),
    ]
    for i in range(23):
        ChildFactory(
            residential_group=groups[i % 3],
            full_name=f"Trẻ {i:02d}",
            classification=("hcdb", "nguy_co", "hoan_canh_khac")[i % 2],
        )
    everything = names(priority_page(cast.officer, june, {}))
    seen, cursor = [], None
    while True:
        page = keyset_page(priority_children(cast.officer, june), ORDER, cursor, size=5)
        seen += names(page)
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == everything
    assert len(seen) == 23


def test_other_communes_children_never_appear(cast, june, places):
    ChildFactory(residential_group=places.other_group, classification="hcdb")
    assert names(priority_page(cast.officer, june)) == []
    assert names(priority_page(cast.other_officer, june)) == []


def test_giving_twice_in_a_campaign_needs_an_explicit_confirmation(cast, june, kids):
    child = kids["a_special"]
    first = give(cast, june, child)
    assert first.repeat_confirmed is False
    assert first.residential_group == child.residential_group
    with pytest.raises(ValidationError) as caught:
        give(cast, june, child, kind="cash", value=500_000)
    assert "confirm_repeat" in caught.value.message_dict
    assert "01/06/2025" in caught.value.message_dict["confirm_repeat"][0]
    assert Support.objects.count() == 1
    second = give(cast, june, child, kind="cash", value=500_000, confirm_repeat=True)
    assert second.repeat_confirmed is True
    assert Support.objects.filter(child=child).count() == 2


def test_the_same_child_in_another_campaign_needs_no_confirmation(
    cast, june, kids, places
):
    autumn = CampaignFactory(
        commune=places.commune,
        created_by=cast.officer,
        kind="mid_autumn",
        starts_on=datetime.date(2025, 7, 1),
        ends_on=datetime.date(2025, 7, 10),
    )
    give(cast, june, kids["a_special"])
    assert give(cast, autumn, kids["a_special"]).repeat_confirmed is False


def test_support_is_refused_outside_the_rules(cast, june, kids, places):
    with pytest.raises(PermissionDenied):
        support_give(
            actor=cast.chairman, campaign=june, child=kids["a_special"], **GIFT
        )
    with pytest.raises(ValidationError, match="another commune"):
        give(cast, june, ChildFactory(residential_group=places.other_group))
    with pytest.raises(ValidationError, match="no longer lives"):
        give(cast, june, kids["a_moved"])
    with pytest.raises(ValidationError) as caught:
        give(cast, june, kids["a_special"], given_on=datetime.date(2025, 7, 16))
    assert "given_on" in caught.value.message_dict
    campaign_set_status(actor=cast.officer, campaign=june, status="finished")
    with pytest.raises(ValidationError, match="finished or cancelled"):
        give(cast, june, kids["a_special"])
    assert not Support.objects.exists()


def test_support_is_audited_without_the_childs_name(cast, june, kids):
    support = give(cast, june, kids["a_special"])
    entry = AuditEntry.objects.get(action="support.given")
    assert entry.object_id == str(support.code)
    assert "Đinh" not in str(entry.detail)
    support_delete(actor=cast.officer, support=support)
    assert not Support.objects.exists()
    assert AuditEntry.objects.get(action="support.deleted").detail["value"] == 300_000


def test_budget_totals_by_source_kind_and_group(cast, june, kids):
    give(cast, june, kids["a_special"], value=300_000, source="state")
    give(cast, june, kids["a_risk"], value=500_000, source="sponsor", kind="cash")
    give(
        cast,
        june,
        kids["b_special"],
        value=1_000_000,
        source="mobilised",
        kind="scholarship",
    )
    give(
        cast,
        june,
        kids["a_special"],
        value=200_000,
        source="sponsor",
        confirm_repeat=True,
    )
    ActivityFactory(campaign=june, cost=1_500_000, cost_source="state")
    ActivityFactory(campaign=june, cost=700_000, cost_source="mobilised")
    result = totals.campaign_totals(cast.officer, june)
    rows = {row["source"]: row for row in result.rows}
    assert rows["state"] == {
        "source": "state",
        "label": rows["state"]["label"],
        "budget": 10_000_000,
        "activities": 1_500_000,
        "support": 300_000,
        "spent": 1_800_000,
        "left": 8_200_000,
    }
    assert (rows["mobilised"]["spent"], rows["mobilised"]["left"]) == (
        1_700_000,
        3_300_000,
    )
    assert (rows["sponsor"]["spent"], rows["sponsor"]["left"]) == (700_000, 1_300_000)
    assert result.total == {
        "budget": 17_000_000,
        "activities": 2_200_000,
        "support": 2_000_000,
        "spent": 4_200_000,
        "left": 12_800_000,
    }
    assert result.children_supported == 3
    assert result.supports == 4
    by_kind = {
        row["kind"]: (row["count"], row["value"]) for row in result.support_by_kind
    }
    assert by_kind == {
        "gift": (2, 500_000),
        "cash": (1, 500_000),
        "scholarship": (1, 1_000_000),
    }
    by_group = {
        row["residential_group__name"]: (row["count"], row["children"], row["value"])
        for row in result.support_by_group
    }
    assert by_group == {
        "Tổ dân phố 1": (3, 2, 1_000_000),
        "Tổ dân phố 2": (1, 1, 1_000_000),
    }


def test_totals_of_an_empty_campaign_are_zero(cast, june):
    result = totals.campaign_totals(cast.officer, june)
    assert result.total["spent"] == 0
    assert result.total["left"] == 17_000_000
    assert result.children_supported == 0


def test_risk_categories_alone_do_not_rank_a_child(cast, june, places):
    child = ChildFactory(residential_group=places.group_a)
    child.risk_categories.add(RiskCategory.objects.create(kind="at_risk", name="Thử"))
    assert names(priority_page(cast.officer, june)) == []
