"""Who is told about a new report, and the reminder when triage is late."""

import datetime
import uuid

import kombu.exceptions
import pytest
import time_machine

from accounts.models import Notification, OutboxMessage
from accounts.tasks import drain_outbox
from cases.models import IncidentReport
from cases.services import incident_submit, incident_triage
from cases.tasks import remind_overdue_triage

MORNING = datetime.datetime(2026, 11, 29, 2, tzinfo=datetime.UTC)  # 9:00 in Ba Tơ


def give_emails(cast):
    for name in ("officer", "chairman", "leader_a", "other_officer"):
        user = getattr(cast, name)
        user.email = f"{name}@example.vn"
        user.save(update_fields=["email"])


def submit(cast, places, **overrides):
    fields = {
        "residential_group": places.group_a,
        "kind": "duoi_nuoc",
        "occurred_at": datetime.datetime.now(datetime.UTC)
        - datetime.timedelta(hours=1),
        "severity": "serious",
        "child_name": "Bé A",
        "source": "",
    } | overrides
    report, created = incident_submit(
        reporter=cast.leader_a,
        fields=fields,
        informant={"anonymous": True},
        idempotency_key=uuid.uuid4(),
    )
    assert created
    return report


@pytest.fixture
def dead_broker(monkeypatch):
    """Redis is down: sending a task fails the way kombu fails."""

    def refuse(*args, **kwargs):
        raise kombu.exceptions.OperationalError("Error 111 connecting. Refused.")

    monkeypatch.setattr(drain_outbox, "apply_async", refuse)
    monkeypatch.setattr(drain_outbox, "delay", refuse)


def test_a_new_report_notifies_the_communes_officers_only(
    cast, places, django_capture_on_commit_callbacks, mailoutbox
):
    give_emails(cast)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        report = submit(cast, places)

    assert callbacks, "the e-mail is asked for only after commit"
    notified = Notification.objects.filter(kind="incident.submitted")
    assert [n.user for n in notified] == [cast.officer]
    notification = notified.get()
    assert notification.commune == places.commune
    assert notification.read_at is None
    assert "Bé A" not in notification.title
    assert places.group_a.name in notification.title
    assert str(report.code) in notification.url or notification.url == ""
    assert [m.to for m in mailoutbox] == [["officer@example.vn"]]
    assert "Bé A" not in mailoutbox[0].subject + mailoutbox[0].body
    assert OutboxMessage.objects.get().sent_at is not None


def test_the_email_waits_for_the_commit(
    cast, places, django_capture_on_commit_callbacks, mailoutbox
):
    give_emails(cast)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submit(cast, places)

    # Not committed yet: nothing sent, the outbox row is waiting.
    assert len(callbacks) == 1
    assert mailoutbox == []
    assert OutboxMessage.objects.get().sent_at is None
    callbacks[0]()
    assert len(mailoutbox) == 1


def test_users_without_an_email_get_the_in_app_notice_only(
    cast, places, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(cast, places)

    assert Notification.objects.filter(user=cast.officer).count() == 1
    assert not OutboxMessage.objects.exists()
    assert mailoutbox == []


def test_broker_down_the_report_is_kept_and_the_email_goes_later(
    cast, places, django_capture_on_commit_callbacks, mailoutbox, dead_broker
):
    give_emails(cast)
    with django_capture_on_commit_callbacks(execute=True):
        report = submit(cast, places)

    assert IncidentReport.objects.filter(pk=report.pk).exists()
    assert Notification.objects.filter(user=cast.officer).exists()
    message = OutboxMessage.objects.get()
    assert message.sent_at is None
    assert mailoutbox == []

    # Beat drains the outbox once Redis is back.
    from accounts.notifications import outbox_drain

    assert outbox_drain() == 1
    message.refresh_from_db()
    assert message.sent_at is not None
    assert [m.to for m in mailoutbox] == [["officer@example.vn"]]
    assert outbox_drain() == 0
    assert len(mailoutbox) == 1


def test_nothing_is_reminded_before_the_deadline_then_exactly_once(
    cast, places, django_capture_on_commit_callbacks
):
    with time_machine.travel(MORNING, tick=False):
        report = submit(cast, places)
    Notification.objects.all().delete()

    with time_machine.travel(MORNING + datetime.timedelta(hours=11, minutes=59)):
        assert remind_overdue_triage() == 0
    assert not Notification.objects.exists()

    with time_machine.travel(MORNING + datetime.timedelta(hours=12, minutes=1)):
        assert remind_overdue_triage() == 1
        assert remind_overdue_triage() == 0
    reminded = Notification.objects.filter(kind="incident.triage_overdue")
    assert {n.user for n in reminded} == {cast.officer, cast.chairman}
    assert all("Bé A" not in n.title for n in reminded)
    report.refresh_from_db()
    assert report.reminded_at is not None

    with time_machine.travel(MORNING + datetime.timedelta(days=2)):
        assert remind_overdue_triage() == 0
    assert reminded.count() == 2


def test_a_triaged_report_is_not_reminded(cast, places):
    with time_machine.travel(MORNING, tick=False):
        report = submit(cast, places)
        incident_triage(actor=cast.officer, report=report, status="in_review")

    with time_machine.travel(MORNING + datetime.timedelta(hours=13)):
        assert remind_overdue_triage() == 0
    assert not Notification.objects.filter(kind="incident.triage_overdue").exists()
