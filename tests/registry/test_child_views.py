"""Registry screens over the whole cast: 200 / 403 / 404, never another group's child."""

import datetime

import pytest
from django.urls import reverse

from accounts.models import AuditEntry
from registry.models import Child, Household
from tests.conftest import CAST
from tests.registry.factories import ChildFactory, SpecialCircumstanceFactory

LIST_STATUS = {
    "officer": 200,
    "chairman": 200,
    "leader_a": 200,
    "leader_b": 200,
    "partner": 403,
    "clerk": 403,
    "province_viewer": 403,
    "admin": 403,
    "other_officer": 200,
}
# A child of group A of Ba Tơ.
DETAIL_STATUS = dict.fromkeys(CAST, 404) | {
    "officer": 200,
    "chairman": 200,
    "leader_a": 403,
}
EDIT_STATUS = DETAIL_STATUS | {"chairman": 403}
OFFICER_PAGES = [
    "child_edit",
    "child_status",
    "child_delete",
    "circumstance_add",
    "caregiver_add",
]


@pytest.fixture
def child_a(places):
    return ChildFactory(
        residential_group=places.group_a,
        full_name="Đinh Thị Nhiên",
        personal_id="051316000001",
        birth_date=datetime.date(2016, 5, 2),
    )


@pytest.fixture
def children(places, child_a):
    return {
        "b": ChildFactory(residential_group=places.group_b, full_name="Hồ Văn Rết"),
        "other": ChildFactory(
            residential_group=places.other_group, full_name="Võ Thị Hạnh"
        ),
    }


@pytest.mark.parametrize("member", CAST)
def test_child_list_by_role(client, cast, children, child_a, member):
    client.force_login(getattr(cast, member))
    response = client.get(reverse("registry:child_list"))
    assert response.status_code == LIST_STATUS[member]
    if response.status_code != 200:
        return
    names = {c.full_name for c in response.context["page"].rows}
    expected = {
        "officer": {"Đinh Thị Nhiên", "Hồ Văn Rết"},
        "chairman": {"Đinh Thị Nhiên", "Hồ Văn Rết"},
        "leader_a": {"Đinh Thị Nhiên"},
        "leader_b": {"Hồ Văn Rết"},
        "other_officer": {"Võ Thị Hạnh"},
    }[member]
    assert names == expected


@pytest.mark.parametrize("member", ["leader_a", "leader_b"])
def test_group_leaders_see_nothing_sensitive(client, cast, children, child_a, member):
    SpecialCircumstanceFactory(
        child=child_a, group="BI_XAM_HAI_TINH_DUC", subgroup="DAM_O"
    )
    client.force_login(getattr(cast, member))
    html = client.get(reverse("registry:child_list")).text
    assert "051316000001" not in html
    assert reverse("registry:child_detail", args=[child_a.code]) not in html
    assert response_has_no_circumstances(html)


def response_has_no_circumstances(html: str) -> bool:
    return "badge text-bg-warning" not in html


@pytest.mark.parametrize("member", CAST)
def test_child_page_by_role(client, cast, child_a, member):
    client.force_login(getattr(cast, member))
    response = client.get(reverse("registry:child_detail", args=[child_a.code]))
    assert response.status_code == DETAIL_STATUS[member]
    if response.status_code == 200:
        assert "051316000001" in response.text


def test_every_view_of_a_child_page_is_audited(client, cast, child_a):
    client.force_login(cast.chairman)
    client.get(reverse("registry:child_detail", args=[child_a.code]))
    client.get(reverse("registry:child_detail", args=[child_a.code]))
    entries = AuditEntry.objects.filter(action="child.viewed", user=cast.chairman)
    assert entries.count() == 2
    assert entries.first().object_id == str(child_a.code)


@pytest.mark.parametrize("page", OFFICER_PAGES)
@pytest.mark.parametrize("member", CAST)
def test_officer_pages_by_role(client, cast, child_a, member, page):
    client.force_login(getattr(cast, member))
    response = client.get(reverse(f"registry:{page}", args=[child_a.code]))
    assert response.status_code == EDIT_STATUS[member]


@pytest.mark.parametrize("member", CAST)
def test_only_officers_register_children(client, cast, member):
    client.force_login(getattr(cast, member))
    response = client.get(reverse("registry:child_create"))
    assert response.status_code == (
        200 if member in {"officer", "other_officer"} else 403
    )


def test_an_officer_registers_a_child_with_an_estimated_age(client, cast, places):
    client.force_login(cast.officer)
    response = client.post(
        reverse("registry:child_create"),
        {
            "full_name": "Phạm Thị Sương",
            "estimated_age": "7",
            "sex": "nu",
            "residential_group": places.group_b.pk,
            "classification": "binh_thuong",
        },
    )
    child = Child.objects.get()
    assert response.status_code == 302
    assert child.birth_date_is_estimated
    assert child.age in (6, 7)
    assert child.commune == places.commune


def test_bad_input_shows_vietnamese_errors_and_saves_nothing(client, cast, places):
    client.force_login(cast.officer)
    response = client.post(
        reverse("registry:child_create"),
        {
            "full_name": "Lê Văn Tám",
            "birth_date": "2017-03-14",
            "sex": "nam",
            "residential_group": places.group_a.pk,
            "classification": "binh_thuong",
            "personal_id": "051317000123",  # 3 = female
        },
    )
    assert response.status_code == 200
    assert "Chữ số thứ 4" in response.text
    assert not Child.objects.exists()


def test_missing_birth_date_and_age_is_explained(client, cast, places):
    client.force_login(cast.officer)
    response = client.post(
        reverse("registry:child_create"),
        {
            "full_name": "Lê Văn Tám",
            "sex": "nam",
            "residential_group": places.group_a.pk,
        },
    )
    assert "ước lượng" in response.text
    assert not Child.objects.exists()


def test_an_officer_edits_and_the_timeline_shows_it(client, cast, child_a, places):
    client.force_login(cast.officer)
    form = client.get(reverse("registry:child_edit", args=[child_a.code])).context[
        "form"
    ]
    data = {
        k: v
        for k, v in form.initial.items()
        if v is not None and k != "risk_categories"
    }
    data.update(
        full_name="Đinh Thị Nhiên",
        birth_date="2016-05-02",
        sex="nu",
        residential_group=places.group_a.pk,
        classification="nguy_co",
        version=1,
        disabilities=[],
    )
    response = client.post(reverse("registry:child_edit", args=[child_a.code]), data)
    assert response.status_code == 302
    child_a.refresh_from_db()
    assert child_a.classification == "nguy_co"
    page = client.get(reverse("registry:child_detail", args=[child_a.code]))
    assert "(phân loại)" in page.text  # the timeline names the field as the form does


def test_deleting_asks_for_a_reason_first(client, cast, child_a):
    client.force_login(cast.officer)
    url = reverse("registry:child_delete", args=[child_a.code])
    assert client.get(url).status_code == 200
    assert Child.objects.filter(pk=child_a.pk).exists()
    client.post(url, {"reason": "Nhập trùng"})
    assert not Child.objects.filter(pk=child_a.pk).exists()


def test_the_list_uses_a_fixed_number_of_queries(
    client, cast, places, django_assert_max_num_queries
):
    def load():
        client.force_login(cast.officer)
        with django_assert_max_num_queries(13) as captured:
            client.get(reverse("registry:child_list"))
        return len(captured)

    for _ in range(3):
        SpecialCircumstanceFactory(child__residential_group=places.group_a)
    few = load()
    for _ in range(30):
        SpecialCircumstanceFactory(child__residential_group=places.group_b)
    assert load() == few


def test_the_list_filters_through_htmx_with_a_fragment(client, cast, children, child_a):
    client.force_login(cast.officer)
    response = client.get(
        reverse("registry:child_list"),
        {"q": "dinh thi nhien"},
        headers={"HX-Request": "true"},
    )
    assert "<html" not in response.text
    assert "Đinh Thị Nhiên" in response.text
    assert "Hồ Văn Rết" not in response.text


def _post_new(client, places, **extra):
    data = {
        "full_name": "Hồ Thị Bé",
        "sex": "nu",
        "residential_group": places.group_a.pk,
        "classification": "binh_thuong",
        **extra,
    }
    return client.post(reverse("registry:child_create"), data)


def test_an_estimated_baby_is_never_born_in_the_future(client, cast, places):
    import time_machine

    with time_machine.travel(datetime.datetime(2026, 3, 10, 9, tzinfo=datetime.UTC)):
        client.force_login(cast.officer)
        assert _post_new(client, places, estimated_age="0").status_code == 302
        assert Child.objects.get().birth_date <= datetime.date(2026, 3, 10)


def test_saving_an_estimated_child_unchanged_keeps_the_date(client, cast, places):
    import time_machine

    with time_machine.travel(datetime.datetime(2026, 3, 10, 9, tzinfo=datetime.UTC)):
        client.force_login(cast.officer)
        _post_new(client, places, estimated_age="7")
        child = Child.objects.get()
        form = client.get(reverse("registry:child_edit", args=[child.code])).context[
            "form"
        ]
        assert form["estimated_age"].value() == 7
        data = {
            "full_name": child.full_name,
            "estimated_age": form["estimated_age"].value(),
            "sex": "nu",
            "residential_group": places.group_a.pk,
            "classification": "binh_thuong",
            "version": child.version,
        }
        client.post(reverse("registry:child_edit", args=[child.code]), data)
    child.refresh_from_db()
    assert child.birth_date == datetime.date(2019, 7, 1)
    assert child.version == 1  # nothing changed, nothing written


def test_a_short_personal_id_is_explained_in_vietnamese(client, cast, places):
    client.force_login(cast.officer)
    response = _post_new(client, places, birth_date="2017-03-14", personal_id="12345")
    assert "Số định danh cá nhân phải có đúng 12 chữ số." in response.text
    assert not Child.objects.exists()


@pytest.mark.parametrize("member", CAST)
def test_only_officers_add_households(client, cast, places, member):
    client.force_login(getattr(cast, member))
    url = reverse("registry:household_create")
    response = client.get(url)
    assert response.status_code == (
        200 if member in {"officer", "other_officer"} else 403
    )
    if member == "officer":
        client.post(
            url,
            {
                "residential_group": places.group_b.pk,
                "head_name": "Hồ Văn Rết",
                "poverty": "poor",
            },
        )
        household = Household.objects.get()
        assert household.commune == places.commune
        assert household.poverty == "poor"


def test_a_household_cannot_be_put_in_another_communes_group(client, cast, places):
    client.force_login(cast.officer)
    client.post(
        reverse("registry:household_create"),
        {
            "residential_group": places.other_group.pk,
            "head_name": "X",
            "poverty": "none",
        },
    )
    assert not Household.objects.exists()


SENSITIVE_QUERIES = [
    {"circumstance": "BI_XAM_HAI_TINH_DUC"},
    {"classification": "hcdb"},
    {"disability": "yes"},
    {"insurance": "missing"},
    {"status": "deceased"},
    {"q": "0513160"},  # a prefix of the personal ID number
]


@pytest.mark.parametrize("query", SENSITIVE_QUERIES)
def test_group_leaders_cannot_filter_on_what_they_may_not_see(
    client, cast, child_a, query
):
    SpecialCircumstanceFactory(
        child=child_a, group="BI_XAM_HAI_TINH_DUC", subgroup="DAM_O"
    )
    Child.objects.filter(pk=child_a.pk).update(
        classification="hcdb", disabilities=["nhin"], status="active"
    )
    other = ChildFactory(
        residential_group=child_a.residential_group, full_name="Bé Khác"
    )
    client.force_login(cast.leader_a)
    rows = client.get(reverse("registry:child_list"), query).context["page"].rows
    # The filter is ignored (or the ID search finds nothing): no child is singled out.
    assert set(rows) in ({child_a, other}, set())


def test_a_group_leaders_name_search_still_works(client, cast, child_a):
    client.force_login(cast.leader_a)
    rows = (
        client.get(reverse("registry:child_list"), {"q": "dinh thi nhien"})
        .context["page"]
        .rows
    )
    assert rows == [child_a]


def test_an_officer_elsewhere_who_leads_a_group_here_sees_it_minimally(
    client, cast, places, child_a
):
    from accounts.models import Assignment, Role

    SpecialCircumstanceFactory(
        child=child_a, group="BI_XAM_HAI_TINH_DUC", subgroup="DAM_O"
    )
    Assignment.objects.create(
        user=cast.other_officer,
        role=Role.GROUP_LEADER,
        commune=places.commune,
        residential_group=places.group_a,
    )
    client.force_login(cast.other_officer)
    response = client.get(reverse("registry:child_list"))
    rows = {c.full_name: c for c in response.context["page"].rows}
    assert set(rows) == {"Đinh Thị Nhiên"} | set(
        Child.objects.filter(commune=places.other_commune).values_list(
            "full_name", flat=True
        )
    )
    assert rows["Đinh Thị Nhiên"].show_full is False
    assert reverse("registry:child_detail", args=[child_a.code]) not in response.text
    assert "badge text-bg-warning" not in response.text
    # The circumstance filter applies to Ba Vì's rows only: Ba Tơ's group comes back
    # whole, so the filter does not single out the abused child.
    ChildFactory(residential_group=places.group_a, full_name="Bé Khác")
    filtered = client.get(
        reverse("registry:child_list"), {"circumstance": "BI_XAM_HAI_TINH_DUC"}
    )
    names = {c.full_name for c in filtered.context["page"].rows}
    assert {"Đinh Thị Nhiên", "Bé Khác"} <= names


def test_opening_the_edit_form_is_audited(client, cast, child_a):
    client.force_login(cast.officer)
    client.get(reverse("registry:child_edit", args=[child_a.code]))
    assert AuditEntry.objects.filter(
        action="child.viewed", object_id=str(child_a.code)
    ).exists()


def test_the_group_leaders_list_has_a_fixed_number_of_queries(
    client, cast, places, django_assert_max_num_queries
):
    client.force_login(cast.leader_a)
    for _ in range(20):
        ChildFactory(residential_group=places.group_a)
    with django_assert_max_num_queries(8):
        client.get(reverse("registry:child_list"))
