"""Submitting and triaging incident reports."""

import datetime
import threading
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from accounts.models import AuditEntry
from cases import services
from cases.models import IncidentEvent, IncidentReport, IncidentReporter
from tests.cases.factories import submit


def _fields(group, **extra):
    return {
        "residential_group": group,
        "kind": "bao_luc",
        "occurred_at": timezone.now() - datetime.timedelta(hours=2),
        "severity": "moderate",
        "child_name": "Bé Na",
        "source": "",
        **extra,
    }


def test_a_leader_reports_for_their_group(cast, places):
    report = submit(cast.leader_a, places.group_a)
    assert report.commune == places.commune
    assert report.source == "group_leader"
    assert report.status == "new"
    assert report.triage_due_at == report.received_at + datetime.timedelta(hours=12)
    assert IncidentEvent.objects.get(report=report).new_status == "new"
    assert AuditEntry.objects.filter(action="incident.submitted").exists()


def test_a_leader_cannot_report_for_another_group(cast, places):
    with pytest.raises(ValidationError) as exc:
        submit(cast.leader_a, places.group_b)
    assert "residential_group" in exc.value.message_dict
    assert not IncidentReport.objects.exists()


def test_the_same_key_twice_gives_one_report(cast, places):
    key = uuid.uuid4()
    fields = _fields(places.group_a)  # a retry sends exactly the same form
    first, created = services.incident_submit(
        reporter=cast.leader_a, fields=fields, informant={}, idempotency_key=key
    )
    again, created_again = services.incident_submit(
        reporter=cast.leader_a, fields=fields, informant={}, idempotency_key=key
    )
    assert created
    assert not created_again
    assert first == again
    assert IncidentReport.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_ten_concurrent_submissions_of_one_key_make_one_report(cast, places):
    key = uuid.uuid4()
    fields = _fields(places.group_a)  # ten copies of one submission
    barrier = threading.Barrier(10)
    errors = []

    def send():
        try:
            barrier.wait()
            services.incident_submit(
                reporter=cast.leader_a,
                fields=fields,
                informant={"anonymous": True},
                idempotency_key=key,
            )
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert IncidentReport.objects.count() == 1


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"occurred_at": timezone.now() + datetime.timedelta(days=2)}, "occurred_at"),
        ({"child_name": "", "child_age": None}, "child_name"),
        ({"child_state": "x" * (10 * 1024 * 1024)}, "child_state"),
        ({"kind": "not-a-kind"}, "kind"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(cast, places, extra, field):
    with pytest.raises(ValidationError) as exc:
        services.incident_submit(
            reporter=cast.leader_a,
            fields=_fields(places.group_a, **extra),
            informant={},
            idempotency_key=uuid.uuid4(),
        )
    assert field in exc.value.message_dict
    assert not IncidentReport.objects.exists()
    assert not IncidentReporter.objects.exists()


def test_an_anonymous_informant_leaves_no_name(cast, places):
    report, _ = services.incident_submit(
        reporter=cast.partner,
        fields=_fields(places.group_b),
        informant={"anonymous": True, "name": "Ai đó", "phone": "0905"},
        idempotency_key=uuid.uuid4(),
    )
    assert report.reporter.anonymous
    assert report.reporter.name == ""
    assert report.reporter.phone == ""


def test_dismissing_needs_a_reason(cast, places):
    report = submit(cast.leader_a, places.group_a)
    with pytest.raises(ValidationError):
        services.incident_triage(actor=cast.officer, report=report, status="dismissed")
    report = services.incident_triage(
        actor=cast.officer, report=report, status="dismissed", note="Tin không đúng"
    )
    assert report.status == "dismissed"
    assert report.triaged_at is not None
    assert [e.new_status for e in report.events.all()] == ["new", "dismissed"]


def test_a_duplicate_points_to_another_report_of_the_commune(cast, places):
    first = submit(cast.leader_a, places.group_a)
    second = submit(cast.leader_a, places.group_a)
    with pytest.raises(ValidationError):
        services.incident_triage(actor=cast.officer, report=second, status="duplicate")
    services.incident_triage(
        actor=cast.officer, report=second, status="duplicate", duplicate_of=first
    )
    second.refresh_from_db()
    assert second.duplicate_of == first


def test_a_referred_report_cannot_move_back(cast, places):
    report = submit(cast.leader_a, places.group_a)
    services.incident_triage(actor=cast.officer, report=report, status="referred")
    with pytest.raises(ValidationError):
        services.incident_triage(actor=cast.officer, report=report, status="in_review")


def test_the_same_key_with_other_content_is_a_second_report(cast, places):
    key = uuid.uuid4()
    first, _ = services.incident_submit(
        reporter=cast.leader_a,
        fields=_fields(places.group_a, child_name="Bé Một"),
        informant={},
        idempotency_key=key,
    )
    second, created = services.incident_submit(
        reporter=cast.leader_a,
        fields=_fields(places.group_a, child_name="Bé Hai"),
        informant={},
        idempotency_key=key,
    )
    assert created
    assert second != first
    assert {r.child_name for r in IncidentReport.objects.all()} == {"Bé Một", "Bé Hai"}


def test_a_leaders_own_group_report_is_not_shared_with_their_partner_colleagues(
    cast, places
):
    from accounts.models import Assignment, Role

    Assignment.objects.create(
        user=cast.leader_a,
        role=Role.PARTNER,
        commune=places.commune,
        organisation="school",
    )
    cast.leader_a.__dict__.pop("_scope_cache", None)
    report = submit(cast.leader_a, places.group_a)
    assert report.organisation == ""


def test_long_notes_add_up_without_blocking_the_report(cast, places):
    report = submit(cast.leader_a, places.group_a)
    services.incident_triage(
        actor=cast.officer, report=report, status="in_review", note="x" * 4000
    )
    report = services.incident_triage(
        actor=cast.officer, report=report, status="referred", note="y" * 4000
    )
    assert report.status == "referred"
