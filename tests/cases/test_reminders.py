"""Reminders before and at each case and referral deadline: each goes out once,
to the people who must act, and never names the child."""

import datetime
import threading

import pytest
from django.db import connection, transaction

from accounts.models import Notification, OutboxMessage, Role
from cases.casework.reminders import _claim, send_case_reminders
from cases.models import Case, Referral, SentReminder
from tests.factories import user_with_role
from tests.registry.factories import ChildFactory

CHILD = "Hồ Thị Mai"
# 8:00 in Ba Tơ on a Monday.
RECEIVED = datetime.datetime(2026, 6, 1, 1, tzinfo=datetime.UTC)
TWELVE_HOURS = RECEIVED + datetime.timedelta(hours=12)


def open_case(cast, places, *, status="received", due_at=TWELVE_HOURS, group=None):
    """A case put straight into `status` with `due_at` (moves have their tests)."""
    group = group or places.group_a
    return Case.objects.create(
        commune=group.commune,
        residential_group=group,
        child=ChildFactory(residential_group=group, full_name=CHILD),
        level="can_thiep",
        caseworker=cast.officer,
        status=status,
        received_at=RECEIVED,
        status_changed_at=RECEIVED,
        due_at=due_at,
    )


def refer(case, officer, *, due_on, organisation="health_station", status="sent"):
    return Referral.objects.create(
        case=case,
        commune=case.commune,
        organisation=organisation,
        request="Khám sức khỏe cho trẻ",
        due_on=due_on,
        status=status,
        sent_by=officer,
        acknowledged_at=None if status == "sent" else RECEIVED,
    )


def told(kind_prefix=""):
    """{(username, kind)} of the notifications sent so far."""
    return {
        (n.user.username, n.kind)
        for n in Notification.objects.filter(kind__startswith=kind_prefix)
    }


def test_nothing_before_the_lead_then_before_then_at_each_once(cast, places):
    case = open_case(cast, places)

    assert (
        send_case_reminders(TWELVE_HOURS - datetime.timedelta(hours=3, minutes=1)) == 0
    )
    assert not Notification.objects.exists()

    before = TWELVE_HOURS - datetime.timedelta(hours=2, minutes=59)
    assert send_case_reminders(before) == 1
    assert send_case_reminders(before) == 0
    assert told() == {
        ("officer", "case.deadline_before"),
        ("chairman", "case.deadline_before"),
    }

    assert send_case_reminders(TWELVE_HOURS) == 1
    assert send_case_reminders(TWELVE_HOURS + datetime.timedelta(minutes=5)) == 0
    assert send_case_reminders(TWELVE_HOURS + datetime.timedelta(days=3)) == 0
    assert Notification.objects.filter(kind="case.deadline_at").count() == 2
    assert SentReminder.objects.filter(key__startswith=f"case:{case.pk}:").count() == 2


def test_a_late_first_run_sends_only_the_at_reminder(cast, places):
    open_case(cast, places)
    assert send_case_reminders(TWELVE_HOURS + datetime.timedelta(minutes=1)) == 1
    assert told() == {("officer", "case.deadline_at"), ("chairman", "case.deadline_at")}
    assert not SentReminder.objects.filter(key__endswith=":before").exists()


def test_working_day_steps_are_reminded_a_day_ahead(cast, places):
    due = RECEIVED + datetime.timedelta(days=5)
    open_case(cast, places, status="planning", due_at=due)
    assert send_case_reminders(due - datetime.timedelta(hours=25)) == 0
    assert send_case_reminders(due - datetime.timedelta(hours=23)) == 1
    assert told() == {
        ("officer", "case.deadline_before"),
        ("chairman", "case.deadline_before"),
    }


def test_a_moved_deadline_gets_reminders_of_its_own(cast, places):
    case = open_case(cast, places)
    assert send_case_reminders(TWELVE_HOURS) == 1
    later = TWELVE_HOURS + datetime.timedelta(days=5)
    Case.objects.filter(pk=case.pk).update(status="planning", due_at=later)

    assert send_case_reminders(later - datetime.timedelta(hours=1)) == 1
    assert send_case_reminders(later) == 1
    assert Notification.objects.filter(user=cast.officer).count() == 3


def test_closed_cases_and_their_referrals_get_nothing(cast, places):
    case = open_case(cast, places, status="closed")
    refer(case, cast.officer, due_on=RECEIVED.date())
    assert send_case_reminders(TWELVE_HOURS + datetime.timedelta(days=3)) == 0
    assert not Notification.objects.exists()


def test_a_case_without_a_deadline_gets_nothing(cast, places):
    open_case(cast, places, status="in_progress", due_at=None)
    assert send_case_reminders(TWELVE_HOURS) == 0


def test_the_texts_name_the_case_not_the_child(cast, places, mailoutbox):
    cast.officer.email = "officer@example.vn"
    cast.officer.save(update_fields=["email"])
    case = open_case(cast, places)
    refer(case, cast.officer, due_on=datetime.date(2026, 6, 3))
    send_case_reminders(datetime.datetime(2026, 6, 4, 1, tzinfo=datetime.UTC))

    notices = list(Notification.objects.all())
    assert {n.kind for n in notices} == {"case.deadline_at", "referral.due_at"}
    assert all(case.reference in n.title for n in notices)
    messages = list(OutboxMessage.objects.all())
    assert messages
    for text in [n.title for n in notices] + [m.subject + m.body for m in messages]:
        assert CHILD not in text
    assert all(case.reference not in m.subject for m in messages)


def test_referral_reminders_reach_that_organisations_partner_and_the_caseworker(
    cast, places
):
    user_with_role(
        Role.PARTNER, commune=places.commune, username="police", organisation="police"
    )
    user_with_role(
        Role.PARTNER,
        commune=places.other_commune,
        username="other_health",
        organisation="health_station",
    )
    case = open_case(cast, places, status="in_progress", due_at=None)
    due_on = datetime.date(2026, 6, 10)
    refer(case, cast.officer, due_on=due_on)
    # 9:00 in Ba Tơ, two days, one day, the day itself and the day after.
    morning = datetime.datetime(2026, 6, 8, 2, tzinfo=datetime.UTC)
    day = datetime.timedelta(days=1)

    assert send_case_reminders(morning) == 0
    assert send_case_reminders(morning + day) == 1
    assert send_case_reminders(morning + 2 * day) == 0
    assert send_case_reminders(morning + 3 * day) == 1
    assert send_case_reminders(morning + 4 * day) == 0
    assert told("referral.") == {
        ("partner", "referral.due_before"),
        ("officer", "referral.due_before"),
        ("partner", "referral.due_at"),
        ("officer", "referral.due_at"),
    }


def test_done_and_withdrawn_referrals_are_not_reminded(cast, places):
    case = open_case(cast, places, status="in_progress", due_at=None)
    refer(case, cast.officer, due_on=RECEIVED.date(), status="done")
    refer(case, cast.officer, due_on=RECEIVED.date(), status="cancelled")
    assert send_case_reminders(TWELVE_HOURS + datetime.timedelta(days=3)) == 0


def test_the_ledger_refuses_a_second_claim(cast, places):
    case = open_case(cast, places)
    key = f"case:{case.pk}:{TWELVE_HOURS.isoformat()}:at"
    with transaction.atomic():
        assert _claim(key, places.commune.pk)
    with transaction.atomic():
        assert not _claim(key, places.commune.pk)
    # A worker that claimed it first has sent it: this run sends nothing.
    assert send_case_reminders(TWELVE_HOURS) == 0
    assert not Notification.objects.exists()


def test_a_failed_send_leaves_the_reminder_for_the_next_run(cast, places, monkeypatch):
    from cases.casework import reminders

    open_case(cast, places)

    def broken(*args, **kwargs):
        raise RuntimeError("database hiccup while notifying")

    monkeypatch.setattr(reminders, "notify", broken)
    assert send_case_reminders(TWELVE_HOURS) == 0
    assert not SentReminder.objects.exists()
    monkeypatch.undo()
    assert send_case_reminders(TWELVE_HOURS) == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_runs_send_each_reminder_once(cast, places):
    for group in (places.group_a, places.group_b):
        open_case(cast, places, group=group)
    runs = 4
    barrier = threading.Barrier(runs)
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            results.append(send_case_reminders(TWELVE_HOURS))
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(runs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sum(results) == 2
    assert SentReminder.objects.count() == 2
    # Officer and chairman, once per case.
    assert Notification.objects.filter(kind="case.deadline_at").count() == 4
