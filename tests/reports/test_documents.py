"""Requesting, rendering and downloading a generated PDF (eager Celery)."""

import pytest
from django.urls import reverse

from accounts.models import AuditEntry
from reports import services, tasks
from reports.models import GeneratedDocument
from tests.conftest import CAST
from tests.reports.pdf_checks import page_size_mm, pdf_fonts, pdf_text

LIST_STATUS = {
    "officer": 200,
    "chairman": 200,
    "clerk": 200,
    "leader_a": 403,
    "leader_b": 403,
    "partner": 403,
    "province_viewer": 403,
    "admin": 403,
    "other_officer": 200,
}
CAN_REQUEST = {"officer", "chairman", "other_officer"}
# Who may open a document of Ba Tơ: 404 for everyone outside, never 403.
DETAIL_STATUS = {m: 200 if m in {"officer", "chairman", "clerk"} else 404 for m in CAST}


def _get(client, url):
    """GET, reading a streamed file to the end: the test client then closes it
    without ending the test's database connection."""
    response = client.get(url)
    if response.streaming:
        response.content_bytes = b"".join(response.streaming_content)
    return response


@pytest.fixture
def document(cast, places):
    document = services.document_request_test_page(
        requester=cast.officer, commune=places.commune
    )
    tasks.render_document.delay(document.pk)  # eager in the test settings
    document.refresh_from_db()
    assert document.status == document.Status.READY
    return document


@pytest.mark.parametrize("member", CAST)
def test_document_list_by_role(client, cast, member):
    client.force_login(getattr(cast, member))
    response = client.get(reverse("reports:document_list"))
    assert response.status_code == LIST_STATUS[member]
    if response.status_code == 200:
        assert response.context["can_request"] is (member in CAN_REQUEST)


@pytest.mark.parametrize("member", CAST)
def test_requesting_a_document_by_role(
    client, cast, member, django_capture_on_commit_callbacks
):
    client.force_login(getattr(cast, member))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:document_create"))
    if member in CAN_REQUEST:
        assert response.status_code == 302
        document = GeneratedDocument.objects.get()
        assert document.requested_by == getattr(cast, member)
        assert document.status == GeneratedDocument.Status.READY
    else:
        assert response.status_code == 403
        assert not GeneratedDocument.objects.exists()


@pytest.mark.parametrize("member", CAST)
def test_document_detail_and_download_by_role(client, cast, document, member):
    client.force_login(getattr(cast, member))
    detail = client.get(reverse("reports:document_detail", args=[document.code]))
    download = _get(client, reverse("reports:document_download", args=[document.code]))
    assert detail.status_code == DETAIL_STATUS[member]
    assert download.status_code == DETAIL_STATUS[member]


def test_the_pdf_is_an_official_a4_document_in_the_shipped_font(client, cast, document):
    client.force_login(cast.chairman)
    data = _get(
        client, reverse("reports:document_download", args=[document.code])
    ).content_bytes
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "ỦY BAN NHÂN DÂN" in text
    assert "XÃ BA TƠ" in text
    assert "Số:" in text
    assert "Nơi nhận:" in text
    assert "CHỦ TỊCH" in text
    assert "Ơ ơ Ư ư" in text
    fonts = pdf_fonts(data)
    assert fonts
    assert all("Liberation" in f for f in fonts), fonts
    assert not any("DejaVu" in f for f in fonts)
    assert page_size_mm(data) == (210, 297)


def test_a_download_is_audited(client, cast, document):
    client.force_login(cast.clerk)
    _get(client, reverse("reports:document_download", args=[document.code]))
    entry = AuditEntry.objects.get(action="document.downloaded")
    assert entry.user == cast.clerk
    assert entry.object_id == str(document.code)


def test_rendering_twice_makes_one_pdf(cast, document):
    first_name = document.file.name
    again = services.document_render(document_id=document.pk)
    assert again.file.name == first_name
    assert AuditEntry.objects.filter(action="document.rendered").count() == 1


def test_the_status_page_polls_until_ready(client, cast, places):
    pending = GeneratedDocument.objects.create(
        commune=places.commune, requested_by=cast.officer, kind="test_page", title="t"
    )
    client.force_login(cast.officer)
    url = reverse("reports:document_detail", args=[pending.code])
    page = client.get(url)
    assert 'hx-trigger="every 2s"' in page.text
    fragment = client.get(url, headers={"HX-Request": "true"})
    assert "<html" not in fragment.text
    assert 'id="document-status"' in fragment.text
    assert (
        client.get(
            reverse("reports:document_download", args=[pending.code])
        ).status_code
        == 404
    )


def test_the_document_list_has_a_fixed_number_of_queries(
    client, cast, places, django_assert_max_num_queries
):
    for _ in range(5):
        GeneratedDocument.objects.create(
            commune=places.commune,
            requested_by=cast.officer,
            kind="test_page",
            title="t",
        )
    client.force_login(cast.officer)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("reports:document_list"))
    assert len(response.context["documents"]) == 5


def test_a_database_hiccup_hands_the_document_back_for_the_retry(
    cast, places, monkeypatch
):
    from django.db import OperationalError

    document = services.document_request_test_page(
        requester=cast.officer, commune=places.commune
    )

    def broken(*args, **kwargs):
        raise OperationalError("connection lost")

    monkeypatch.setattr(services, "_store", broken)
    with pytest.raises(OperationalError):
        services.document_render(document_id=document.pk)
    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.PENDING
    monkeypatch.undo()
    assert services.document_render(document_id=document.pk).status == "ready"


def test_a_rendering_error_marks_the_document_failed(cast, places, monkeypatch):
    document = services.document_request_test_page(
        requester=cast.officer, commune=places.commune
    )
    monkeypatch.setattr(services, "render_pdf", lambda *a: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        services.document_render(document_id=document.pk)
    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.FAILED
    assert "ZeroDivisionError" in document.error


def test_lost_tasks_are_queued_again(cast, places):
    import datetime

    import time_machine

    document = services.document_request_test_page(
        requester=cast.officer, commune=places.commune
    )
    assert services.requeue_stale_documents() == []
    with time_machine.travel(datetime.timedelta(minutes=6)):
        assert services.requeue_stale_documents() == [document.pk]
        tasks.requeue_stale_documents.delay()
    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.READY
