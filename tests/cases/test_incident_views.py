"""Incident screens over the whole cast, and what each role may see of a report."""

import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEntry
from cases.models import IncidentReport
from tests.cases.factories import submit
from tests.conftest import CAST

REPORTERS = {"officer", "chairman", "leader_a", "leader_b", "partner", "other_officer"}
INBOX = {"officer", "chairman", "other_officer"}
# A drowning reported by leader_a in group A of Ba Tơ.
DETAIL = dict.fromkeys(CAST, 404) | {"officer": 200, "chairman": 200, "leader_a": 200}
TRIAGE = DETAIL | {"officer": 302, "chairman": 403, "leader_a": 403}


@pytest.fixture
def report(cast, places):
    return submit(cast.leader_a, places.group_a, child_state="Đã đưa vào trạm y tế")


@pytest.mark.parametrize("member", CAST)
def test_the_report_form_by_role(client, cast, member):
    client.force_login(getattr(cast, member))
    response = client.get(reverse("cases:report_new"))
    assert response.status_code == (200 if member in REPORTERS else 403)
    if response.status_code == 200:
        assert 'href="tel:111"' in response.text


@pytest.mark.parametrize("member", CAST)
def test_my_reports_by_role(client, cast, report, member):
    client.force_login(getattr(cast, member))
    response = client.get(reverse("cases:my_reports"))
    assert response.status_code == (200 if member in REPORTERS else 403)
    if response.status_code == 200:
        assert (report in response.context["reports"]) is (member == "leader_a")


@pytest.mark.parametrize("member", CAST)
def test_the_inbox_by_role(client, cast, report, member):
    client.force_login(getattr(cast, member))
    response = client.get(reverse("cases:inbox"))
    assert response.status_code == (200 if member in INBOX else 403)
    if response.status_code == 200:
        assert (report in response.context["reports"]) is (member != "other_officer")


@pytest.mark.parametrize("member", CAST)
def test_a_report_by_role_including_guessed_urls(client, cast, report, member):
    client.force_login(getattr(cast, member))
    response = client.get(reverse("cases:incident_detail", args=[report.code]))
    assert response.status_code == DETAIL[member]
    guessed = client.get(reverse("cases:incident_detail", args=[uuid.uuid4()]))
    assert guessed.status_code == 404


@pytest.mark.parametrize("member", CAST)
def test_triage_by_role(client, cast, report, member):
    client.force_login(getattr(cast, member))
    url = reverse("cases:incident_triage", args=[report.code])
    response = client.post(url, {"status": "in_review", "note": "Đang xác minh"})
    assert response.status_code == TRIAGE[member]
    report.refresh_from_db()
    assert (report.status == "in_review") is (member == "officer")


def test_the_reporter_sees_the_status_but_never_the_officers_note(client, cast, report):
    client.force_login(cast.officer)
    client.post(
        reverse("cases:incident_triage", args=[report.code]),
        {"status": "in_review", "note": "Gia đình có tiền sự bạo lực"},
    )
    client.force_login(cast.leader_a)
    page = client.get(reverse("cases:incident_detail", args=[report.code])).text
    assert "Đang xử lý" in page
    assert "tiền sự" not in page
    assert "Người báo tin" not in page  # the informant's name is for officers only
    client.force_login(cast.chairman)
    assert (
        "Người báo tin"
        in client.get(reverse("cases:incident_detail", args=[report.code])).text
    )


def test_every_read_of_a_report_is_audited(client, cast, report):
    client.force_login(cast.chairman)
    client.get(reverse("cases:incident_detail", args=[report.code]))
    entry = AuditEntry.objects.get(action="incident.viewed")
    assert entry.user == cast.chairman
    assert entry.object_id == str(report.code)


def test_a_leader_reports_through_the_form_once_even_when_sent_twice(
    client, cast, places
):
    client.force_login(cast.leader_a)
    key = str(uuid.uuid4())
    data = {
        "kind": "duoi_nuoc",
        "occurred_at": (timezone.localtime() - datetime.timedelta(hours=1)).strftime(
            "%Y-%m-%dT%H:%M"
        ),
        "residential_group": places.group_a.pk,
        "child_name": "Bé Na",
        "child_age": "6",
        "severity": "death",
        "anonymous": "on",
        "idempotency_key": key,
    }
    first = client.post(reverse("cases:report_new"), data)
    second = client.post(reverse("cases:report_new"), data)
    assert first.status_code == second.status_code == 302
    assert IncidentReport.objects.count() == 1
    assert first.url.endswith(f"?sent={key}")


@pytest.mark.parametrize(
    "bad",
    [
        {"kind": ""},
        {"occurred_at": "2099-01-01T10:00"},
        {"child_state": "<script>alert(1)</script>" + "x" * 6000},
    ],
)
def test_bad_input_gives_vietnamese_errors_and_writes_nothing(
    client, cast, places, bad
):
    client.force_login(cast.leader_a)
    data = {
        "kind": "bao_luc",
        "occurred_at": "2026-01-01T10:00",
        "residential_group": places.group_a.pk,
        "child_name": "Bé Na",
        "severity": "moderate",
        "idempotency_key": str(uuid.uuid4()),
        **bad,
    }
    response = client.post(reverse("cases:report_new"), data)
    assert response.status_code == 200
    assert "Báo tin chưa được gửi" in response.text
    assert "<script>alert(1)</script>" not in response.text
    assert not IncidentReport.objects.exists()


def test_the_inbox_puts_the_most_severe_first_with_constant_queries(
    client, cast, places, django_assert_max_num_queries
):
    submit(cast.leader_a, places.group_a, severity="low")
    death = submit(cast.leader_a, places.group_a, severity="death")
    client.force_login(cast.officer)
    with django_assert_max_num_queries(10) as few:
        response = client.get(reverse("cases:inbox"))
    assert response.context["reports"][0] == death
    for _ in range(15):
        submit(cast.leader_b, places.group_b)
    with django_assert_max_num_queries(len(few)):
        client.get(reverse("cases:inbox"))


def test_the_officer_is_notified_in_the_app(
    client, cast, places, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = submit(cast.leader_a, places.group_a)
    client.force_login(cast.officer)
    home = client.get(reverse("home"))
    assert home.context["unread_notifications"] == 1
    page = client.get(reverse("accounts:notifications"))
    assert reverse("cases:incident_detail", args=[report.code]) in page.text
    assert "Bé Na" not in page.text  # no child's name in notifications
    client.post(reverse("accounts:notifications"))
    assert client.get(reverse("home")).context["unread_notifications"] == 0
    client.force_login(cast.other_officer)
    assert client.get(reverse("home")).context["unread_notifications"] == 0


def test_the_officer_links_the_registry_child(client, cast, places, report):
    from tests.registry.factories import ChildFactory

    child = ChildFactory(residential_group=places.group_a)
    elsewhere = ChildFactory(residential_group=places.group_b)
    url = reverse("cases:incident_link_child", args=[report.code])
    client.force_login(cast.leader_a)
    assert client.post(url, {"child": child.pk}).status_code == 403
    client.force_login(cast.officer)
    client.post(url, {"child": elsewhere.pk})
    report.refresh_from_db()
    assert report.child is None  # only a child of the report's group
    client.post(url, {"child": child.pk})
    report.refresh_from_db()
    assert report.child == child


def test_marking_a_duplicate_through_the_page(client, cast, places, report):
    other = submit(cast.leader_a, places.group_a, child_name="Bé Na")
    client.force_login(cast.officer)
    client.post(
        reverse("cases:incident_triage", args=[other.code]),
        {"status": "duplicate", "duplicate_of": report.pk},
    )
    other.refresh_from_db()
    assert other.status == "duplicate"
    assert other.duplicate_of == report


def test_a_partner_follows_the_reports_of_their_organisation(client, cast, places):
    from accounts.models import Role
    from tests.factories import user_with_role

    colleague = user_with_role(
        Role.PARTNER,
        commune=places.commune,
        username="nurse2",
        organisation="health_station",
    )
    school = user_with_role(
        Role.PARTNER, commune=places.commune, username="teacher", organisation="school"
    )
    report = submit(cast.partner, places.group_a)
    client.force_login(colleague)
    assert report in client.get(reverse("cases:my_reports")).context["reports"]
    assert (
        client.get(reverse("cases:incident_detail", args=[report.code])).status_code
        == 200
    )
    client.force_login(school)
    assert (
        client.get(reverse("cases:incident_detail", args=[report.code])).status_code
        == 404
    )


def test_a_partner_never_sees_the_registry_name_of_a_linked_child(client, cast, places):
    from cases import services
    from tests.registry.factories import ChildFactory

    report = submit(cast.partner, places.group_a, child_name="Bé X")
    child = ChildFactory(
        residential_group=places.group_a, full_name="Tên Thật Trong Sổ"
    )
    services.incident_link_child(actor=cast.officer, report=report, child=child)
    client.force_login(cast.partner)
    page = client.get(reverse("cases:incident_detail", args=[report.code])).text
    assert "Tên Thật Trong Sổ" not in page
    assert "Bé X" in page


def test_an_officer_records_a_call_received_earlier(client, cast, places):
    client.force_login(cast.officer)
    earlier = timezone.localtime() - datetime.timedelta(hours=5)
    data = {
        "kind": "bao_luc",
        "occurred_at": (earlier - datetime.timedelta(hours=1)).strftime(
            "%Y-%m-%dT%H:%M"
        ),
        "received_at": earlier.strftime("%Y-%m-%dT%H:%M"),
        "residential_group": places.group_b.pk,
        "child_name": "Bé Na",
        "severity": "serious",
        "source": "hotline_111",
        "hotline_reference": "111-2026-0042",
        "informant_name": "Bà Lan",
        "informant_address": "Tổ dân phố 2",
        "idempotency_key": str(uuid.uuid4()),
    }
    assert client.post(reverse("cases:report_new"), data).status_code == 302
    report = IncidentReport.objects.get()
    assert report.source == "hotline_111"
    assert report.triage_due_at - report.received_at == datetime.timedelta(hours=12)
    assert abs(report.received_at - earlier) < datetime.timedelta(minutes=1)
    assert report.reporter.address == "Tổ dân phố 2"


@pytest.mark.parametrize("member", CAST)
def test_the_list_of_all_reports_by_role(client, cast, report, member):
    client.force_login(getattr(cast, member))
    response = client.get(reverse("cases:incident_list"))
    assert response.status_code == (200 if member in INBOX else 403)
    if response.status_code == 200:
        assert (report in response.context["rows"]) is (member != "other_officer")


def test_all_reports_page_through_without_gaps(client, cast, places):
    from cases import selectors

    made = [
        submit(cast.leader_a, places.group_a) for _ in range(selectors.PAGE_SIZE + 3)
    ]
    client.force_login(cast.chairman)
    first = client.get(reverse("cases:incident_list"))
    second = client.get(
        reverse("cases:incident_list"), {"after": first.context["cursor"]}
    )
    seen = list(first.context["rows"]) + list(second.context["rows"])
    assert sorted(r.pk for r in seen) == sorted(r.pk for r in made)
    assert second.context["cursor"] is None
