"""The case's documents: Mẫu 01, 05 and 07 as PDFs in the NĐ 30 format (eager
Celery renders them as soon as the request commits)."""

import datetime
import re
import subprocess

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEntry, User
from cases.casework import documents
from cases.casework.moves import case_open
from cases.models import CaseEvent, PlanItem, Separation, SupportPlan
from registry.models import Caregiver
from reports.models import GeneratedDocument
from tests.cases.factories import submit
from tests.conftest import CAST
from tests.registry.factories import ChildFactory

MONDAY_9AM = datetime.datetime(2026, 6, 1, 2, tzinfo=datetime.UTC)  # 9:00 in Vietnam
Kind = GeneratedDocument.Kind


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def case(cast, places):
    cast.chairman.full_name = "Phạm Văn Chủ"
    cast.chairman.save()
    with time_machine.travel(MONDAY_9AM, tick=False):
        child = ChildFactory(residential_group=places.group_a, full_name="Lê Thị Hoa")
        Caregiver.objects.create(
            child=child,
            commune=places.commune,
            full_name="Lê Văn Ba",
            relation="father",
        )
        report = submit(
            cast.leader_a, places.group_a, child=child, child_name="", kind="bao_luc"
        )
        return case_open(actor=cast.officer, report=report, level="can_thiep")


@pytest.fixture
def plan(cast, case):
    plan = SupportPlan.objects.create(
        case=case,
        commune=case.commune,
        status="submitted",
        goal="Trẻ được an toàn và đi học lại",
        drafted_by=cast.officer,
    )
    for task, budget in (("Khám sức khỏe", 1_500_000), ("Tư vấn tâm lý", 2_000_000)):
        PlanItem.objects.create(
            plan=plan,
            commune=case.commune,
            service="ct_a",
            description=task,
            start_on=datetime.date(2026, 6, 2),
            expected_end_on=datetime.date(2026, 6, 30),
            organisation="health_station",
            person="Y sĩ Hạnh",
            budget_vnd=budget,
        )
    return plan


@pytest.fixture
def separation(cast, case):
    starts = timezone.now()
    return Separation.objects.create(
        case=case,
        commune=case.commune,
        reason="Bố dượng đánh trẻ nhiều lần",
        separated_from="bố dượng Trần Văn Dữ",
        shelter="Nhà bà ngoại, Tổ dân phố 2",
        carer="Bà Nguyễn Thị Ngoại",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(days=15),
        decided_by=cast.chairman,
    )


def _request(actor, case, kind, subject=None, capture=None):
    with capture(execute=True):
        document = documents.case_document_request(
            actor=actor, case=case, kind=kind, subject=subject
        )
    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.READY, document.error
    return document


def _pdf_text(document) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", document.file.path, "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _pdf_fonts(document) -> list[tuple[str, str]]:
    """(name, embedded) of every font, from `pdffonts`' table."""
    out = subprocess.run(
        ["pdffonts", document.file.path], capture_output=True, text=True, check=True
    ).stdout
    rows = out.splitlines()[2:]  # a header line and a rule
    return [(row.split()[0], row.split()[-5]) for row in rows]


def test_the_approval_decision_is_the_chairmans_in_a_vietnamese_font(
    cast, case, plan, django_capture_on_commit_callbacks
):
    document = _request(
        cast.officer, case, Kind.CASE_APPROVAL, plan, django_capture_on_commit_callbacks
    )
    text = _pdf_text(document)
    assert "ỦY BAN NHÂN DÂN" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "QUYẾT ĐỊNH" in text
    assert "Về việc phê duyệt kế hoạch hỗ trợ, can thiệp đối với trẻ em" in text
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BA TƠ" in text
    assert case.reference in text
    assert "Lê Thị Hoa" in text
    assert "Phạm Văn Chủ" in text
    # The signer's title ends its line, level with "Nơi nhận:".
    assert re.search(r"Nơi nhận:\s+CHỦ TỊCH\s*$", text, re.MULTILINE)
    assert "Luật Trẻ em" in text
    assert "56/2017/NĐ-CP" in text
    assert "Điều 1." in text
    assert "Điều 3." in text
    assert "Nơi nhận:" in text
    assert "1.500.000" in text
    assert "3.500.000" in text  # the total
    # The clerk gives the number at issue: nothing between "Số:" and the symbol.
    assert re.search(r"Số:\s*/QĐ-UBND", text)
    fonts = _pdf_fonts(document)
    assert fonts
    assert all(re.search(r"Liberation-?Serif", name) for name, _ in fonts), fonts
    assert all(embedded == "yes" for _, embedded in fonts), fonts


def test_the_intake_report_names_the_informant_who_agreed(
    cast, case, django_capture_on_commit_callbacks
):
    document = _request(
        cast.officer, case, Kind.CASE_INTAKE, capture=django_capture_on_commit_callbacks
    )
    text = _pdf_text(document)
    assert "BÁO CÁO TIẾP NHẬN THÔNG TIN TRẺ EM BỊ XÂM HẠI" in text
    assert re.search(r"Số:\s*/BC-UBND", text)
    assert "Lê Thị Hoa" in text
    assert "Lê Văn Ba" in text  # the father
    assert "Người báo tin" in text
    assert "0905000111" in text
    assert "Cán bộ tiếp nhận thông tin" in text
    assert case.reference in text


def test_the_intake_report_keeps_an_anonymous_informant_out(
    cast, case, django_capture_on_commit_callbacks
):
    reporter = case.reports.get().reporter
    reporter.anonymous = True
    reporter.save()
    document = _request(
        cast.officer, case, Kind.CASE_INTAKE, capture=django_capture_on_commit_callbacks
    )
    text = _pdf_text(document)
    assert "Người báo tin" not in text
    assert "0905000111" not in text
    assert "không đồng ý cung cấp thông tin cá nhân" in text


def test_the_separation_decision(
    cast, case, separation, django_capture_on_commit_callbacks
):
    document = _request(
        cast.chairman,
        case,
        Kind.CASE_SEPARATION,
        separation,
        django_capture_on_commit_callbacks,
    )
    text = " ".join(_pdf_text(document).split())
    assert "Về việc tạm thời cách ly trẻ em khỏi cha, mẹ, người chăm sóc trẻ em" in text
    assert "bố dượng Trần Văn Dữ" in text
    assert "Nhà bà ngoại" in text
    assert "Bà Nguyễn Thị Ngoại" in text
    assert "15 ngày" in text
    assert "Phạm Văn Chủ" in text
    assert re.search(r"Số:\s*/QĐ-UBND", text)


def test_a_request_is_on_the_timeline_and_in_the_audit_log(
    cast, case, plan, django_capture_on_commit_callbacks
):
    document = _request(
        cast.officer, case, Kind.CASE_APPROVAL, plan, django_capture_on_commit_callbacks
    )
    assert document.subject_id == plan.pk
    event = CaseEvent.objects.get(case=case, action="document.case_approval")
    assert event.actor == cast.officer
    assert case.reference in event.note
    entry = AuditEntry.objects.get(action="document.requested")
    assert entry.user == cast.officer
    assert entry.object_id == str(document.code)


def test_only_officers_and_chairmen_of_the_commune_request(cast, case):
    for member in ("clerk", "leader_a", "partner", "other_officer"):
        with pytest.raises(PermissionDenied):
            documents.case_document_request(
                actor=getattr(cast, member), case=case, kind=Kind.CASE_INTAKE
            )
    assert not GeneratedDocument.objects.exists()


def test_a_decision_needs_its_plan_or_separation(cast, case):
    with pytest.raises(ValidationError):
        documents.case_document_request(
            actor=cast.officer, case=case, kind=Kind.CASE_APPROVAL
        )
    with pytest.raises(ValidationError):
        documents.case_document_request(
            actor=cast.officer, case=case, kind=Kind.CASE_SEPARATION
        )


# The request view: only the case's gatekeeper decides (404 outside scope).
REQUEST_STATUS = {m: 302 if m in {"officer", "chairman"} else 404 for m in CAST}


@pytest.mark.parametrize("member", CAST)
def test_requesting_by_role(
    client, cast, case, member, django_capture_on_commit_callbacks
):
    client.force_login(getattr(cast, member))
    url = reverse("cases:case_document_request", args=[case.code])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"kind": Kind.CASE_INTAKE})
    assert response.status_code == REQUEST_STATUS[member]
    if response.status_code == 302:
        document = GeneratedDocument.objects.get()
        assert response.url == reverse("reports:document_detail", args=[document.code])
        assert document.status == GeneratedDocument.Status.READY
    else:
        assert not GeneratedDocument.objects.exists()


def test_the_approval_is_for_the_latest_plan(
    client, cast, case, plan, django_capture_on_commit_callbacks
):
    plan.status = "approved"
    plan.save()
    newer = SupportPlan.objects.create(
        case=case,
        commune=case.commune,
        revision=2,
        goal="Điều chỉnh",
        drafted_by=cast.officer,
    )
    client.force_login(cast.chairman)
    url = reverse("cases:case_document_request", args=[case.code])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"kind": Kind.CASE_APPROVAL})
    assert GeneratedDocument.objects.get().subject_id == newer.pk


def test_without_a_plan_the_page_says_so(client, cast, case):
    client.force_login(cast.officer)
    url = reverse("cases:case_document_request", args=[case.code])
    response = client.post(url, {"kind": Kind.CASE_APPROVAL}, follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "cases:case_detail", args=[case.code]
    )
    assert [str(m) for m in response.context["messages"]]
    assert not GeneratedDocument.objects.exists()


def test_an_unknown_kind_is_refused(client, cast, case):
    client.force_login(cast.officer)
    url = reverse("cases:case_document_request", args=[case.code])
    response = client.post(url, {"kind": Kind.TEST_PAGE})
    assert response.status_code == 302
    assert not GeneratedDocument.objects.exists()


@pytest.fixture
def intake_and_approval(cast, case, plan, django_capture_on_commit_callbacks):
    return (
        _request(
            cast.officer,
            case,
            Kind.CASE_INTAKE,
            capture=django_capture_on_commit_callbacks,
        ),
        _request(
            cast.officer,
            case,
            Kind.CASE_APPROVAL,
            plan,
            django_capture_on_commit_callbacks,
        ),
    )


def test_the_clerk_never_reads_case_documents(client, cast, intake_and_approval):
    """The intake report names the informant; the decisions name the child and
    the separation's reason: none of it is the clerk's (DOMAIN.md §15)."""
    client.force_login(cast.clerk)
    for document in intake_and_approval:
        detail = reverse("reports:document_detail", args=[document.code])
        download = reverse("reports:document_download", args=[document.code])
        assert client.get(detail).status_code == 404
        assert client.get(download).status_code == 404
    listed = client.get(reverse("reports:document_list")).context["documents"]
    assert list(listed) == []


@pytest.mark.parametrize("member", CAST)
def test_opening_a_case_document_by_role(client, cast, intake_and_approval, member):
    intake, approval = intake_and_approval
    client.force_login(getattr(cast, member))
    sees_all = member in {"officer", "chairman"}
    for document, expected in (
        (intake, sees_all),
        (approval, sees_all),
    ):
        response = client.get(reverse("reports:document_detail", args=[document.code]))
        assert response.status_code == (200 if expected else 404)


def test_the_case_page_lists_the_documents_each_may_see(
    cast, case, intake_and_approval, django_assert_num_queries
):
    intake, approval = intake_and_approval
    fresh = User.objects.get(pk=cast.officer.pk)  # its scope not read yet
    with django_assert_num_queries(2):  # the user's scope, then the documents
        officer = documents.documents_context(fresh, case)
    assert [d.code for d in officer["case_documents"]] == [approval.code, intake.code]
    assert officer["can_request_documents"] is True
    clerk = documents.documents_context(cast.clerk, case)
    assert clerk["case_documents"] == []
    assert clerk["can_request_documents"] is False
    other = documents.documents_context(cast.other_officer, case)
    assert other["case_documents"] == []


def test_the_partial_offers_the_three_documents(cast, case, intake_and_approval):
    from django.template.loader import render_to_string

    html = render_to_string(
        "cases/_documents.html",
        {"case": case, **documents.documents_context(cast.officer, case)},
    )
    assert html.count('name="kind"') == 3
    assert reverse("cases:case_document_request", args=[case.code]) in html
    assert (
        reverse("reports:document_detail", args=[intake_and_approval[0].code]) in html
    )
