"""The demo children: enough, varied and valid, and seeded only once."""

import datetime
import time
import zoneinfo
from collections import Counter

import pytest
import time_machine
from django.db import transaction

from registry.circumstances import (
    REQUIRES_EXPERT_CONCLUSION,
    CircumstanceGroup,
    group_of_subgroup,
)
from registry.demo import demo_seed_children, demo_seed_places_and_people
from registry.models import (
    Caregiver,
    Child,
    ChildEvent,
    Household,
    SpecialCircumstance,
)
from registry.places import places_load_quang_ngai
from registry.upkeep import children_age_out, insurance_flag_expiring
from registry.validators import personal_id_problems

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 1)
MORNING = datetime.datetime(
    2026, 3, 1, 8, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
)


@pytest.fixture
def places_and_people(db):
    # Ages count back from the real day: freeze it on the demo's day.
    with time_machine.travel(MORNING, tick=False):
        places_load_quang_ngai()
        demo_seed_places_and_people()
        yield


@pytest.fixture
def seeded(places_and_people):
    started = time.perf_counter()
    created = demo_seed_children()
    return created, time.perf_counter() - started


def counts():
    return (
        Child.all_objects.count(),
        Household.objects.count(),
        Caregiver.objects.count(),
        SpecialCircumstance.objects.count(),
        ChildEvent.objects.count(),
    )


def test_seeding_twice_creates_nothing_the_second_time(seeded):
    before = counts()

    assert demo_seed_children(today=TODAY) == 0
    assert demo_seed_children(today=TODAY + datetime.timedelta(days=40)) == 0
    assert counts() == before


def test_the_same_day_gives_the_same_children(places_and_people):
    def seed_and_roll_back():
        with transaction.atomic():
            demo_seed_children()
            rows = list(
                Child.all_objects.order_by("full_name", "birth_date").values_list(
                    "full_name", "birth_date", "personal_id", "residential_group"
                )
            )
            transaction.set_rollback(True)
        return rows

    assert seed_and_roll_back() == seed_and_roll_back()


def test_there_are_a_few_hundred_children_in_ba_to_and_some_in_ba_vi(seeded):
    created, seconds = seeded
    per_commune = Counter(Child.objects.values_list("commune__admin_code", flat=True))

    assert per_commune["21484"] >= 250
    assert 30 <= per_commune["21529"] <= 60
    assert created == sum(per_commune.values())
    assert seconds < 20
    groups = Counter(Child.objects.values_list("residential_group__name", flat=True))
    assert all(groups[g] >= 30 for g in ("Tổ dân phố 1", "Thôn Ba Bích 1"))


def test_every_circumstance_group_is_present_with_a_valid_sub_group(seeded):
    rows = SpecialCircumstance.objects.filter(commune__admin_code="21484")

    assert {r.group for r in rows} == set(CircumstanceGroup.values)
    for row in rows:
        assert group_of_subgroup(row.subgroup) == row.group
        assert row.child.classification == Child.Classification.HCDB
        if row.group in REQUIRES_EXPERT_CONCLUSION:
            assert row.expert_conclusion


def test_disabled_children_have_a_level_and_the_matching_sub_group(seeded):
    disabled = Child.objects.exclude(disabilities=[])

    assert disabled.count() >= 5
    for child in disabled:
        assert child.disability_level
        sub = child.circumstances.get(group="KHUYET_TAT").subgroup
        assert sub == {"dac_biet_nang": "KHUYET_TAT_1", "nang": "KHUYET_TAT_2"}.get(
            child.disability_level, "KHUYET_TAT_3"
        )


def test_every_personal_id_matches_the_childs_birth_year_and_sex(seeded):
    with_id = Child.all_objects.filter(
        personal_id__isnull=False, birth_date_is_estimated=False
    )

    assert with_id.count() >= 100
    for child in with_id:
        assert child.personal_id.startswith("051")
        assert not personal_id_problems(
            child.personal_id, birth_date=child.birth_date, sex=child.sex
        )
    assert not Child.objects.filter(
        birth_date_is_estimated=True, personal_id__isnull=False
    ).exists()


def test_names_are_kinh_and_hre(seeded):
    ethnic = Counter(Child.objects.values_list("ethnic_group__code", flat=True))
    names = set(Child.objects.values_list("full_name", flat=True))

    assert ethnic["01"] >= 50
    assert ethnic["19"] >= 50
    assert {n.split()[0] for n in names} >= {"Nguyễn", "Trần", "Đinh", "Phạm", "Hồ"}
    hre_names = Child.objects.filter(ethnic_group__code="19").values_list(
        "full_name", flat=True
    )
    assert all(n.split()[1] in ("Văn", "Thị") for n in hre_names)
    assert "Phạm Thị Đới" not in names


def test_the_registry_has_what_the_screens_and_reports_need(seeded):
    children = Child.objects.all()

    assert children.filter(birth_date_is_estimated=True).exists()
    assert children.filter(status=Child.Status.MOVED).exists()
    assert children.filter(status=Child.Status.DECEASED).exists()
    assert set(children.values_list("classification", flat=True)) == set(
        Child.Classification.values
    )
    assert children.filter(insurance_card_number="").exists()
    assert Household.objects.exclude(poverty=Household.Poverty.NONE).exists()
    under_six = [c for c in children if c.age_on(TODAY) < 6]
    insured = [c for c in under_six if c.insurance_card_number]
    assert len(insured) / len(under_six) > 0.75
    assert Caregiver.objects.count() > children.count()
    # Timelines are those of entries made through the services.
    assert ChildEvent.objects.filter(kind=ChildEvent.Kind.CREATED).count() == (
        Child.all_objects.count()
    )


def test_the_nightly_upkeep_has_work_to_do_on_the_demo(seeded):
    assert children_age_out(today=TODAY) >= 2
    assert not Child.objects.active().filter(birth_date__lte=datetime.date(2010, 3, 1))
    assert insurance_flag_expiring(today=TODAY) >= 3
