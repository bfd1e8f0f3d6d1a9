"""Registering and changing children through the services."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from accounts.models import AuditEntry
from registry import selectors, services
from registry.models import Child, ChildEvent
from tests.registry.factories import ChildFactory, SpecialCircumstanceFactory


def _fields(places, **extra):
    return {
        "full_name": "Nguyễn Thị Đới",
        "birth_date": datetime.date(2017, 3, 14),
        "sex": "nu",
        "residential_group": places.group_a,
        **extra,
    }


def test_registering_keeps_the_search_key_and_writes_timeline_and_audit(cast, places):
    child = services.child_register(
        actor=cast.officer, commune=places.commune, fields=_fields(places)
    )
    assert child.search_key == "nguyen thi doi"
    assert ChildEvent.objects.get(child=child).kind == "created"
    audit = AuditEntry.objects.get(action="child.created")
    assert audit.object_id == str(child.code)
    assert audit.commune == places.commune


def test_a_personal_id_that_contradicts_the_sex_is_refused_with_nothing_saved(
    cast, places
):
    with pytest.raises(ValidationError) as exc:
        services.child_register(
            actor=cast.officer,
            commune=places.commune,
            fields=_fields(places, personal_id="051217000123"),  # digit 2 = male
        )
    assert "personal_id" in exc.value.message_dict
    assert not Child.objects.exists()


def test_the_personal_id_is_unique_per_commune(cast, places):
    services.child_register(
        actor=cast.officer,
        commune=places.commune,
        fields=_fields(places, personal_id="051317000123"),
    )
    with pytest.raises(ValidationError):
        services.child_register(
            actor=cast.officer,
            commune=places.commune,
            fields=_fields(places, full_name="Bé Khác", personal_id="051317000123"),
        )


def test_a_group_of_another_commune_is_refused(cast, places):
    with pytest.raises(ValidationError) as exc:
        services.child_register(
            actor=cast.officer,
            commune=places.commune,
            fields=_fields(places, residential_group=places.other_group),
        )
    assert "residential_group" in exc.value.message_dict


@time_machine.travel(datetime.datetime(2026, 11, 29, 9, tzinfo=datetime.UTC))
def test_an_under_six_card_gets_its_legal_expiry(cast, places):
    child = services.child_register(
        actor=cast.officer,
        commune=places.commune,
        fields=_fields(
            places, birth_date=datetime.date(2022, 11, 10), insurance_card_number="TE1"
        ),
    )
    assert child.insurance_expiry == datetime.date(2028, 11, 30)


def test_an_edit_based_on_an_old_version_is_refused(cast, places):
    child = ChildFactory(residential_group=places.group_a)
    services.child_update(
        actor=cast.officer, child=child, fields={"notes": "a"}, version=1
    )
    with pytest.raises(services.ConcurrentEditError):
        services.child_update(
            actor=cast.officer, child=child, fields={"notes": "b"}, version=1
        )
    child.refresh_from_db()
    assert child.notes == "a"
    assert child.version == 2


def test_an_update_records_what_changed(cast, places):
    child = ChildFactory(residential_group=places.group_a, full_name="Lê Văn A")
    services.child_update(
        actor=cast.officer, child=child, fields={"full_name": "Lê Văn Ân"}, version=None
    )
    event = ChildEvent.objects.get(child=child, kind="updated")
    assert event.changes["full_name"] == ["Lê Văn A", "Lê Văn Ân"]
    child.refresh_from_db()
    assert child.search_key == "le van an"


def test_a_deleted_child_vanishes_from_every_list_and_count(cast, places):
    child = ChildFactory(residential_group=places.group_a)
    ChildFactory(residential_group=places.group_a)
    services.child_delete(actor=cast.officer, child=child, reason="nhập trùng")
    assert Child.objects.count() == 1
    assert child not in Child.objects.visible_to(cast.officer)
    assert Child.all_objects.filter(pk=child.pk).exists()  # archived, not destroyed


def test_archiving_with_a_reason(cast, places):
    child = ChildFactory(residential_group=places.group_a)
    services.child_change_status(
        actor=cast.officer,
        child=child,
        status="moved",
        on=datetime.date(2026, 5, 1),
        reason="Chuyển vào TP Hồ Chí Minh",
    )
    child.refresh_from_db()
    assert child.status == "moved"
    assert ChildEvent.objects.get(child=child, kind="status").note.startswith("Chuyển")


def test_a_sub_group_must_belong_to_its_group(cast, places):
    child = ChildFactory(residential_group=places.group_a)
    with pytest.raises(ValidationError) as exc:
        services.circumstance_record(
            actor=cast.officer,
            child=child,
            fields={
                "group": "MO_COI",
                "subgroup": "HIEP_DAM",
                "identified_on": datetime.date(2025, 1, 1),
            },
        )
    assert "subgroup" in exc.value.message_dict


def test_group_i_needs_the_expert_conclusion(cast, places):
    child = ChildFactory(residential_group=places.group_a)
    with pytest.raises(ValidationError) as exc:
        services.circumstance_record(
            actor=cast.officer,
            child=child,
            fields={
                "group": "TON_HAI_DO_BAO_LUC",
                "identified_on": datetime.date(2025, 1, 1),
            },
        )
    assert "expert_conclusion" in exc.value.message_dict


@pytest.mark.parametrize(
    "query",
    [
        "nguyen thi doi",
        "Nguyễn Thị Đới",
        "NGUYEN THI DOI",
        "nguyen thi doii",
        "thi doi",
    ],
)
def test_search_finds_the_child_without_diacritics_and_with_small_typos(
    cast, places, query
):
    target = ChildFactory(residential_group=places.group_a, full_name="Nguyễn Thị Đới")
    ChildFactory(residential_group=places.group_a, full_name="Trần Văn Bình")
    found = list(selectors.children_for(cast.officer, {"q": query}))
    assert found == [target]


def test_names_sort_in_vietnamese_order(cast, places):
    names = ["Đới", "Bình", "Ân", "Dũng", "Ăn", "Ánh", "An"]
    for name in names:
        ChildFactory(residential_group=places.group_a, full_name=name)
    page = selectors.keyset_page(selectors.children_for(cast.officer, {}), None)
    assert [c.full_name for c in page.rows] == [
        "An",
        "Ánh",
        "Ăn",
        "Ân",
        "Bình",
        "Dũng",
        "Đới",
    ]


def test_keyset_pages_cover_every_child_once(cast, places):
    for n in range(7):
        ChildFactory(
            residential_group=places.group_a,
            full_name="Hồ Văn Rết" if n < 3 else f"Bé {n}",
        )
    seen, cursor = [], None
    while True:
        page = selectors.keyset_page(
            selectors.children_for(cast.officer, {}), cursor, size=2
        )
        seen += [c.pk for c in page.rows]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert sorted(seen) == sorted(Child.objects.values_list("pk", flat=True))
    assert len(seen) == len(set(seen))


def test_filters_by_circumstance_age_and_insurance(cast, places):
    today = timezone.localdate()
    orphan = SpecialCircumstanceFactory(child__residential_group=places.group_a).child
    young = ChildFactory(
        residential_group=places.group_a,
        birth_date=today - datetime.timedelta(days=400),
    )
    assert list(selectors.children_for(cast.officer, {"circumstance": "MO_COI"})) == [
        orphan
    ]
    assert list(selectors.children_for(cast.officer, {"age_band": "0-2"})) == [young]
    assert set(selectors.children_for(cast.officer, {"insurance": "missing"})) == {
        orphan,
        young,
    }


def test_the_search_index_exists(db):
    with connection.cursor() as cur:
        cur.execute(
            "select indexdef from pg_indexes where indexname = 'child_search_trgm'"
        )
        assert "gin_trgm_ops" in cur.fetchone()[0]


@time_machine.travel(datetime.datetime(2026, 3, 1, 9, tzinfo=datetime.UTC))
def test_a_card_issued_before_six_keeps_its_expiry_after_the_birthday(cast, places):
    child = services.child_register(
        actor=cast.officer,
        commune=places.commune,
        fields=_fields(
            places, birth_date=datetime.date(2020, 1, 20), insurance_card_number="TE2"
        ),
    )
    assert child.insurance_expiry == datetime.date(2026, 9, 30)


def test_a_sixteen_year_old_cannot_be_registered(cast, places):
    with pytest.raises(ValidationError) as exc:
        services.child_register(
            actor=cast.officer,
            commune=places.commune,
            fields=_fields(places, birth_date=datetime.date(2005, 1, 1)),
        )
    assert "birth_date" in exc.value.message_dict


def test_aged_out_only_from_the_16th_birthday(cast, places):
    child = ChildFactory(
        residential_group=places.group_a, birth_date=datetime.date(2020, 1, 1)
    )
    with pytest.raises(ValidationError):
        services.child_change_status(
            actor=cast.officer,
            child=child,
            status="aged_out",
            on=datetime.date(2026, 1, 1),
        )


def test_a_household_of_another_group_is_refused(cast, places):
    from tests.registry.factories import HouseholdFactory

    household = HouseholdFactory(residential_group=places.group_b)
    with pytest.raises(ValidationError) as exc:
        services.child_register(
            actor=cast.officer,
            commune=places.commune,
            fields=_fields(places, household=household),
        )
    assert "household" in exc.value.message_dict
