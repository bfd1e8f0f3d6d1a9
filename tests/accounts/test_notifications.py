"""The notification list and the e-mail outbox."""

import datetime

import pytest
import time_machine

from accounts.models import Notification, OutboxMessage
from accounts.notifications import (
    MAX_ATTEMPTS,
    mark_all_read,
    notifications_for,
    notify,
    outbox_drain,
    unread_count,
)


def test_notify_writes_a_notice_per_user_and_an_email_for_those_with_one(
    cast, places, django_capture_on_commit_callbacks, mailoutbox
):
    cast.officer.email = "officer@example.vn"
    cast.officer.save(update_fields=["email"])
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            users=[cast.officer, cast.chairman, cast.officer],
            commune=places.commune,
            kind="test",
            title="Có báo tin mới",
            url="/x/",
        )

    assert Notification.objects.filter(user=cast.officer).count() == 1
    assert Notification.objects.filter(user=cast.chairman).count() == 1
    assert OutboxMessage.objects.count() == 1
    assert [m.to for m in mailoutbox] == [["officer@example.vn"]]
    assert mailoutbox[0].subject == "Có báo tin mới"


def test_unread_count_list_and_mark_all_read(cast, places, django_assert_num_queries):
    for n in range(3):
        notify(users=[cast.officer], commune=places.commune, kind="t", title=f"T{n}")
    notify(users=[cast.chairman], commune=places.commune, kind="t", title="other")

    assert unread_count(cast.officer) == 3
    assert [n.title for n in notifications_for(cast.officer)] == ["T2", "T1", "T0"]
    assert len(notifications_for(cast.officer, limit=2)) == 2
    assert mark_all_read(cast.officer) == 3
    assert unread_count(cast.officer) == 0
    assert unread_count(cast.chairman) == 1


def test_anonymous_visitors_have_no_notifications():
    from django.contrib.auth.models import AnonymousUser

    assert unread_count(AnonymousUser()) == 0
    assert notifications_for(AnonymousUser()) == []


@pytest.fixture
def three_messages(db):
    return [
        OutboxMessage.objects.create(to_email=f"{name}@example.vn", subject=name)
        for name in ("first", "broken", "third")
    ]


def test_a_failing_message_does_not_block_the_others(
    three_messages, mailoutbox, monkeypatch
):
    import accounts.notifications as module

    real_send = module.send_mail

    def send(subject, body, sender, to):
        if subject == "broken":
            raise ConnectionRefusedError("mail server down")
        return real_send(subject, body, sender, to)

    monkeypatch.setattr(module, "send_mail", send)

    assert outbox_drain() == 2
    assert sorted(m.subject for m in mailoutbox) == ["first", "third"]
    broken = OutboxMessage.objects.get(subject="broken")
    assert broken.sent_at is None
    assert broken.attempts == 1
    assert "mail server down" in broken.last_error

    # Not hammered: it backs off, is tried again later, and goes out once it works.
    assert outbox_drain() == 0
    assert OutboxMessage.objects.get(subject="broken").attempts == 1
    with time_machine.travel(datetime.timedelta(minutes=2)):
        assert outbox_drain() == 0
    assert OutboxMessage.objects.get(subject="broken").attempts == 2
    monkeypatch.setattr(module, "send_mail", real_send)
    with time_machine.travel(datetime.timedelta(minutes=10)):
        assert outbox_drain() == 1
        assert outbox_drain() == 0
    assert len(mailoutbox) == 3


def test_a_message_claimed_by_a_worker_that_died_comes_back_later(db, mailoutbox):
    OutboxMessage.objects.create(to_email="x@example.vn", subject="s")
    from accounts.notifications import _claim

    assert len(_claim(10)) == 1  # claimed, then the worker is killed before sending
    assert outbox_drain() == 0  # leased: nobody sends it twice at once
    with time_machine.travel(datetime.timedelta(minutes=11)):
        assert outbox_drain() == 1
    assert len(mailoutbox) == 1


def test_a_message_that_keeps_failing_is_left_alone(db, mailoutbox):
    OutboxMessage.objects.create(
        to_email="x@example.vn", subject="s", attempts=MAX_ATTEMPTS
    )
    assert outbox_drain() == 0
    assert mailoutbox == []
