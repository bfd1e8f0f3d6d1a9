"""The nightly upkeep: children turning 16 are aged out, expiring cards are flagged."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.utils import timezone

from registry.models import Child, ChildEvent
from registry.upkeep import (
    _child_age_out,
    children_age_out,
    insurance_flag_expiring,
    insurance_flagged_count,
    sixteenth_birthday,
)
from tests.registry.factories import ChildFactory

pytestmark = pytest.mark.django_db

D = datetime.date
VIETNAM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def child(places):
    return ChildFactory(residential_group=places.group_a, birth_date=D(2010, 5, 12))


# Aged out ---------------------------------------------------------------------


def test_nothing_happens_the_day_before_the_16th_birthday(child):
    assert children_age_out(today=D(2026, 5, 11)) == 0

    child.refresh_from_db()
    assert child.status == Child.Status.ACTIVE
    assert not child.events.exists()


def test_a_child_is_aged_out_on_the_16th_birthday_with_a_timeline_entry(child):
    assert children_age_out(today=D(2026, 5, 12)) == 1

    child.refresh_from_db()
    assert child.status == Child.Status.AGED_OUT
    assert child.status_changed_on == D(2026, 5, 12)
    assert child.status_reason == "Đủ 16 tuổi"
    assert child.version == 2
    event = child.events.get()
    assert event.kind == ChildEvent.Kind.STATUS
    assert event.actor is None
    assert event.changes == {"status": ["active", "aged_out"]}


def test_the_nightly_run_uses_the_vietnamese_date_not_utc(child):
    # 00:30 on 12 May in Vietnam is still 11 May in UTC.
    with time_machine.travel(datetime.datetime(2026, 5, 12, 0, 30, tzinfo=VIETNAM)):
        assert children_age_out(today=timezone.localdate()) == 1


def test_a_late_run_still_dates_the_change_on_the_birthday(child):
    assert children_age_out(today=D(2026, 9, 1)) == 1

    child.refresh_from_db()
    assert child.status_changed_on == D(2026, 5, 12)


def test_running_twice_ages_out_once(child):
    assert children_age_out(today=D(2026, 6, 1)) == 1
    assert children_age_out(today=D(2026, 6, 2)) == 0

    assert child.events.count() == 1


def test_born_on_29_february_turns_16_on_29_february_of_a_leap_year(places):
    leapling = ChildFactory(residential_group=places.group_a, birth_date=D(2012, 2, 29))

    assert children_age_out(today=D(2028, 2, 28)) == 0
    assert children_age_out(today=D(2028, 2, 29)) == 1
    leapling.refresh_from_db()
    assert leapling.status_changed_on == D(2028, 2, 29)


def test_born_on_29_february_turns_16_on_1_march_when_there_is_no_29_february(
    places,
):
    # 2100 is not a leap year: the only way 16 years can miss a 29 February.
    leapling = ChildFactory(residential_group=places.group_a, birth_date=D(2084, 2, 29))
    assert sixteenth_birthday(D(2084, 2, 29)) == D(2100, 3, 1)

    assert children_age_out(today=D(2100, 2, 28)) == 0
    assert children_age_out(today=D(2100, 3, 1)) == 1
    leapling.refresh_from_db()
    assert leapling.status_changed_on == D(2100, 3, 1)


def test_soft_deleted_and_archived_children_are_never_touched(places):
    deleted = ChildFactory(
        residential_group=places.group_a,
        birth_date=D(2000, 1, 1),
        deleted_at=timezone.now(),
    )
    moved = ChildFactory(
        residential_group=places.group_a,
        birth_date=D(2000, 1, 1),
        status=Child.Status.MOVED,
    )

    assert children_age_out(today=D(2026, 1, 1)) == 0

    assert Child.all_objects.get(pk=deleted.pk).status == Child.Status.ACTIVE
    assert Child.objects.get(pk=moved.pk).status == Child.Status.MOVED
    assert not ChildEvent.objects.exists()


def test_a_child_archived_after_being_selected_is_not_claimed(child):
    # Another worker, or the officer, changed the child after this run read it.
    Child.objects.filter(pk=child.pk).update(status=Child.Status.MOVED)

    assert _child_age_out(child=child) is False

    child.refresh_from_db()
    assert child.status == Child.Status.MOVED
    assert not child.events.exists()


# Insurance --------------------------------------------------------------------

TODAY = D(2026, 3, 1)


def card(places, expiry, group=None, **fields):
    return ChildFactory(
        residential_group=group or places.group_a,
        insurance_card_number="TE1511234567890",
        insurance_expiry=expiry,
        **fields,
    )


def flagged_on(child):
    return Child.all_objects.get(pk=child.pk).insurance_flagged_on


def test_cards_ending_within_30_days_are_flagged(places):
    today_ = card(places, TODAY)
    day_30 = card(places, D(2026, 3, 31))
    day_31 = card(places, D(2026, 4, 1))
    expired = card(places, D(2026, 2, 28))
    no_card = ChildFactory(residential_group=places.group_a)

    assert insurance_flag_expiring(today=TODAY) == 2

    assert flagged_on(today_) == flagged_on(day_30) == TODAY
    assert flagged_on(day_31) is flagged_on(expired) is flagged_on(no_card) is None


def test_flagging_twice_flags_once(places):
    child = card(places, D(2026, 3, 20))

    assert insurance_flag_expiring(today=TODAY) == 1
    assert insurance_flag_expiring(today=TODAY) == 0
    assert insurance_flag_expiring(today=D(2026, 3, 2)) == 0

    assert flagged_on(child) == TODAY


def test_a_renewed_card_can_be_flagged_again_when_it_expires(places):
    child = card(places, D(2026, 3, 20))
    insurance_flag_expiring(today=TODAY)

    # The officer records the new card, valid one more year.
    Child.objects.filter(pk=child.pk).update(insurance_expiry=D(2027, 3, 20))
    assert insurance_flag_expiring(today=D(2026, 3, 2)) == 0
    assert flagged_on(child) is None

    assert insurance_flag_expiring(today=D(2027, 2, 17)) == 0
    assert insurance_flag_expiring(today=D(2027, 2, 18)) == 1
    assert flagged_on(child) == D(2027, 2, 18)


def test_a_renewed_card_already_in_its_window_is_flagged_at_once(places):
    child = card(places, D(2026, 1, 20))
    insurance_flag_expiring(today=D(2026, 1, 1))

    Child.objects.filter(pk=child.pk).update(insurance_expiry=D(2026, 3, 25))

    assert insurance_flag_expiring(today=TODAY) == 1
    assert flagged_on(child) == TODAY


def test_soft_deleted_and_archived_children_are_never_flagged(places):
    deleted = card(places, D(2026, 3, 10), deleted_at=timezone.now())
    stale = card(
        places, D(2027, 3, 10), deleted_at=timezone.now(), insurance_flagged_on=TODAY
    )
    moved = card(places, D(2026, 3, 10), status=Child.Status.MOVED)

    assert insurance_flag_expiring(today=TODAY) == 0

    assert flagged_on(deleted) is None
    assert flagged_on(stale) == TODAY
    assert flagged_on(moved) is None


def test_the_flagged_count_follows_each_users_scope(places, cast):
    card(places, D(2026, 3, 10))
    card(places, D(2026, 3, 20), group=places.group_b)
    card(places, D(2026, 3, 20), group=places.other_group)
    insurance_flag_expiring(today=TODAY)

    assert insurance_flagged_count(cast.officer, today=TODAY) == 2
    assert insurance_flagged_count(cast.leader_a, today=TODAY) == 1
    assert insurance_flagged_count(cast.other_officer, today=TODAY) == 1
    assert insurance_flagged_count(cast.partner, today=TODAY) == 0
    # Once the card has run out it is "missing", no longer "expiring".
    assert insurance_flagged_count(cast.officer, today=D(2026, 3, 15)) == 1
