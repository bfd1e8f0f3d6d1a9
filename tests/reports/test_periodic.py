"""Periodic reports: periods, recipients from configuration, the draft with its
numbers and text, the PDF, issuing with a gap-free number, frozen numbers,
new versions and who may do what."""

import datetime
import threading

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse

from reports import services as documents
from reports.models import (
    GeneratedDocument,
    NumberSequence,
    PeriodicReport,
    ReportingProfile,
)
from reports.periodic import config, services
from reports.periodic.numbering import number_next
from reports.periodic.periods import closing_on, period_for
from tests.conftest import CAST
from tests.registry.factories import ChildFactory
from tests.reports.pdf_checks import page_size_mm, pdf_fonts, pdf_text

pytestmark = pytest.mark.django_db

D = datetime.date


def _read(document) -> bytes:
    with document.file.open("rb") as pdf:
        return pdf.read()


@pytest.fixture
def profile(places):
    return config.profile_for(places.commune)


def test_the_six_month_and_annual_periods_follow_nd_09(profile):
    six = period_for("six_month", 2026, profile)
    assert (six.data_from, six.data_to) == (D(2025, 12, 15), D(2026, 6, 14))
    annual = period_for("annual", 2026, profile)
    assert (annual.data_from, annual.data_to) == (D(2025, 12, 15), D(2026, 12, 14))
    assert closing_on(D(2026, 6, 14), profile) == [("six_month", 2026)]
    assert closing_on(D(2026, 6, 15), profile) == []
    assert closing_on(D(2026, 12, 14), profile) == [("annual", 2026)]


def test_periods_and_deadlines_are_configured_not_constant(profile):
    profile.six_month_end_day = 15
    profile.action_month_due_month, profile.action_month_due_day = 7, 10
    six = period_for("six_month", 2026, profile)
    assert six.data_to == D(2026, 6, 15)
    assert period_for("action_month", 2026, profile).due_on == D(2026, 7, 10)
    forum = period_for("forum", 2026, profile, event_on=D(2026, 5, 20))
    assert forum.due_on == D(2026, 6, 4)  # 15 days after the forum


def test_the_two_presets_address_the_structure_of_their_time(places):
    profile = config.profile_for(places.commune)
    profile.former_district = "Ba Tơ"
    profile.save()
    config.preset_apply(places.commune, ReportingProfile.Preset.DISTRICT_2024)
    addressed, copies = config.recipients(places.commune, "six_month")
    assert addressed == ["Phòng Lao động - Thương binh và Xã hội huyện Ba Tơ"]
    assert "Lưu: VT, VHXH." in copies
    config.preset_apply(places.commune, ReportingProfile.Preset.PROVINCE_2025)
    addressed, _copies = config.recipients(places.commune, "six_month")
    assert addressed == [f"Sở Y tế tỉnh {places.commune.province.name}"]
    addressed, _copies = config.recipients(places.commune, "action_month")
    assert "(qua Sở Y tế)" in addressed[0]


def test_a_draft_has_its_numbers_and_a_prefilled_text(cast, places):
    ChildFactory(residential_group=places.group_a)
    report = services.report_create(
        actor=cast.officer, commune=places.commune, kind="six_month", year=2026
    )
    assert report.status == "draft"
    assert report.annex["sections"]
    assert set(report.narrative) == set(services.SECTION_KEYS)
    assert report.narrative["situation"].strip()
    again = services.report_create(
        actor=cast.officer, commune=places.commune, kind="six_month", year=2026
    )
    assert again.pk == report.pk  # one version being worked on per period


def _ready(cast, places, capture, kind="six_month", year=2026):
    report = services.report_create(
        actor=cast.officer, commune=places.commune, kind=kind, year=year
    )
    with capture(execute=True):
        services.report_generate(actor=cast.officer, report=report)
    report.refresh_from_db()
    assert report.document.status == "ready"
    return report


def test_the_issued_pdf_is_an_official_report(
    cast, places, django_capture_on_commit_callbacks
):
    report = _ready(cast, places, django_capture_on_commit_callbacks)
    draft_text = pdf_text(_read(report.document))
    assert "Số:" in draft_text
    assert "/BC-UBND" in draft_text
    with django_capture_on_commit_callbacks(execute=True):
        services.report_issue(actor=cast.clerk, report=report, issued_on=D(2026, 6, 18))
    report.refresh_from_db()
    data = _read(report.document)
    text = pdf_text(data)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN",
        "Số: 01/BC-UBND",
        "ngày 18 tháng 6 năm 2026",
        "15/12/2025",
        "14/06/2026",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nơi nhận",
        "Kính gửi",
        "PHỤ LỤC",
        report.verification,
    ):
        assert expected in text, expected
    assert {name.split("+")[-1] for name in pdf_fonts(data)} <= {
        "LiberationSerif",
        "LiberationSerif-Bold",
        "LiberationSerif-Italic",
        "LiberationSerif-BoldItalic",
        "Liberation-Serif",
        "Liberation-Serif-Bold",
        "Liberation-Serif-Italic",
        "Liberation-Serif-BoldItalic",
    } or all("Liberation" in n for n in pdf_fonts(data))
    assert page_size_mm(data) == (210, 297)


def _children_total(pdf: bytes) -> str:
    text = pdf_text(pdf).replace("\n", " ")
    return text.split("Tổng số trẻ em dưới 16 tuổi", 1)[1].split()[0]


def test_an_issued_reports_numbers_stay_frozen(
    cast, places, django_capture_on_commit_callbacks
):
    for _ in range(4):
        ChildFactory(residential_group=places.group_a, birth_date=D(2020, 1, 1))
    report = _ready(cast, places, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.report_issue(actor=cast.clerk, report=report, issued_on=D(2026, 6, 18))
    report.refresh_from_db()
    frozen, printed = report.annex, _children_total(_read(report.document))
    assert printed == "4"
    for _ in range(3):
        ChildFactory(residential_group=places.group_a, birth_date=D(2021, 1, 1))
    # Render the issued PDF again from scratch, as a lost render would be.
    GeneratedDocument.objects.filter(pk=report.document_id).update(
        status="pending", file=""
    )
    documents.document_render(document_id=report.document_id)
    report.refresh_from_db()
    assert report.annex == frozen
    assert _children_total(_read(report.document)) == "4"
    with pytest.raises(ValidationError):
        services.report_generate(actor=cast.officer, report=report)
    with pytest.raises(ValidationError):
        services.report_save_narrative(
            actor=cast.officer, report=report, sections={}, version=report.version
        )


def test_the_prefilled_text_hides_the_small_counts_the_annex_hides(cast, places):
    for _ in range(2):
        ChildFactory(
            residential_group=places.group_a, sex="nu", birth_date=D(2015, 1, 1)
        )
    report = services.report_create(
        actor=cast.officer, commune=places.commune, kind="annual", year=2026
    )
    text = " ".join(report.narrative.values())
    assert "2 em nữ" not in text


def test_an_issued_period_gets_a_new_version_not_a_second_report(
    cast, places, django_capture_on_commit_callbacks
):
    report = _ready(cast, places, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.report_issue(actor=cast.clerk, report=report, issued_on=D(2026, 6, 18))
    with pytest.raises(ValidationError):
        services.report_create(
            actor=cast.officer, commune=places.commune, kind="six_month", year=2026
        )


def test_issue_dates_follow_the_period_and_the_numbers(
    cast, places, django_capture_on_commit_callbacks
):
    six = _ready(cast, places, django_capture_on_commit_callbacks)
    with pytest.raises(ValidationError):  # before the data period ends
        services.report_issue(actor=cast.clerk, report=six, issued_on=D(2026, 6, 1))
    with django_capture_on_commit_callbacks(execute=True):
        services.report_issue(actor=cast.clerk, report=six, issued_on=D(2026, 6, 18))
    action = _ready(cast, places, django_capture_on_commit_callbacks, "action_month")
    with pytest.raises(ValidationError):  # before no. 1's date: out of order
        services.report_issue(actor=cast.clerk, report=action, issued_on=D(2026, 6, 17))
    action.refresh_from_db()
    assert action.number is None


def test_a_failed_final_pdf_is_rendered_again_from_the_frozen_report(
    cast, places, django_capture_on_commit_callbacks
):
    report = _ready(cast, places, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.report_issue(actor=cast.clerk, report=report, issued_on=D(2026, 6, 18))
    report.refresh_from_db()
    GeneratedDocument.objects.filter(pk=report.document_id).update(status="failed")
    report.refresh_from_db()
    frozen = report.annex
    with django_capture_on_commit_callbacks(execute=True):
        services.report_generate(actor=cast.officer, report=report)
    report.refresh_from_db()
    assert report.document.status == "ready"
    assert report.annex == frozen
    assert "Số: 01/BC-UBND" in pdf_text(_read(report.document))


@pytest.mark.parametrize("member", CAST)
def test_the_verification_code_answers_the_commune_and_its_province(
    client, cast, places, member, django_capture_on_commit_callbacks
):
    report = _ready(cast, places, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.report_issue(actor=cast.clerk, report=report, issued_on=D(2026, 6, 18))
    report.refresh_from_db()
    client.force_login(getattr(cast, member))
    page = client.get(reverse("reports:report_verify", args=[report.verification]))
    pdf = client.get(reverse("reports:report_verify_pdf", args=[report.verification]))
    allowed = member in {"officer", "chairman", "clerk", "province_viewer"}
    assert page.status_code == (200 if allowed else 404)
    assert pdf.status_code == (200 if allowed else 404)
    if allowed:
        assert b"".join(pdf.streaming_content).startswith(b"%PDF")


def test_a_new_version_supersedes_the_issued_one(
    cast, places, django_capture_on_commit_callbacks
):
    report = _ready(cast, places, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.report_issue(actor=cast.clerk, report=report, issued_on=D(2026, 6, 18))
    report.refresh_from_db()
    draft = services.report_new_version(actor=cast.officer, report=report)
    assert draft.supersedes == report
    assert draft.narrative == report.narrative
    with django_capture_on_commit_callbacks(execute=True):
        services.report_generate(actor=cast.officer, report=draft)
    with django_capture_on_commit_callbacks(execute=True):
        services.report_issue(actor=cast.clerk, report=draft, issued_on=D(2026, 6, 19))
    report.refresh_from_db()
    draft.refresh_from_db()
    assert report.status == "superseded"
    assert (report.number, draft.number) == (1, 2)


def test_numbers_run_per_commune_per_year(places):
    assert [number_next(commune_id=places.commune.pk, year=2026) for _ in range(3)] == [
        1,
        2,
        3,
    ]
    assert number_next(commune_id=places.commune.pk, year=2027) == 1
    assert number_next(commune_id=places.other_commune.pk, year=2026) == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_issuing_gives_unique_numbers_without_gaps(places):
    from django.db import transaction

    numbers, errors = [], []
    barrier = threading.Barrier(6)

    def issue():
        try:
            barrier.wait()
            with transaction.atomic():
                numbers.append(number_next(commune_id=places.commune.pk, year=2026))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=issue) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(numbers) == [1, 2, 3, 4, 5, 6]
    assert (
        NumberSequence.objects.get(commune=places.commune, year=2026).last_number == 6
    )


def test_a_rolled_back_issue_gives_its_number_back(cast, places):
    from django.db import transaction

    def issue_that_fails():
        with transaction.atomic():
            number_next(commune_id=places.commune.pk, year=2026)
            raise RuntimeError

    with pytest.raises(RuntimeError):
        issue_that_fails()
    assert number_next(commune_id=places.commune.pk, year=2026) == 1


def test_text_with_markup_or_file_urls_is_printed_not_fetched(
    cast, places, django_capture_on_commit_callbacks
):
    report = services.report_create(
        actor=cast.officer, commune=places.commune, kind="annual", year=2026
    )
    services.report_save_narrative(
        actor=cast.officer,
        report=report,
        sections={
            "situation": '<img src="file:///etc/passwd"> http://example.com/x.png'
        },
        version=report.version,
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.report_generate(actor=cast.officer, report=report)
    report.refresh_from_db()
    assert report.document.status == "ready"
    text = pdf_text(_read(report.document))
    assert 'src="file:///etc/passwd"' in text.replace("\n", " ")
    assert "root:x:0" not in text


def test_the_officer_prepares_and_the_clerk_issues(cast, places):
    with pytest.raises(PermissionDenied):
        services.report_create(
            actor=cast.clerk, commune=places.commune, kind="annual", year=2026
        )
    report = services.report_create(
        actor=cast.officer, commune=places.commune, kind="annual", year=2026
    )
    with pytest.raises(ValidationError):  # its PDF is not ready yet
        services.report_issue(actor=cast.clerk, report=report, issued_on=D(2026, 1, 1))
    assert PeriodicReport.objects.get().number is None


LIST = dict.fromkeys(CAST, 403) | {
    "officer": 200,
    "chairman": 200,
    "clerk": 200,
    "other_officer": 200,
}


@pytest.mark.parametrize("member", CAST)
def test_report_pages_by_role(client, cast, places, member):
    report = services.report_create(
        actor=cast.officer, commune=places.commune, kind="annual", year=2026
    )
    client.force_login(getattr(cast, member))
    listing = client.get(reverse("reports:report_list"))
    assert listing.status_code == LIST[member]
    if listing.status_code == 200:
        listed = report in listing.context["reports"]
        assert listed is (member in {"officer", "chairman", "clerk"})
    detail = client.get(reverse("reports:report_detail", args=[report.code]))
    sees = member in {"officer", "chairman", "clerk"}
    assert detail.status_code == (200 if sees else 404)
    xlsx = client.get(reverse("reports:report_xlsx", args=[report.code]))
    assert xlsx.status_code == (200 if sees else 404)
    generate = client.post(reverse("reports:report_generate", args=[report.code]))
    expected = {"officer": 302, "chairman": 403, "clerk": 403}
    assert generate.status_code == expected.get(member, 404)


def test_beat_prepares_the_draft_the_morning_after_the_period_closes(cast, places):
    from accounts.models import Notification
    from reports.periodic.schedule import deadlines_remind, drafts_prepare

    assert drafts_prepare(D(2026, 6, 14)) == []  # the period's last day
    assert drafts_prepare(D(2026, 6, 23)) == []  # a week after, too late to catch up
    made = drafts_prepare(D(2026, 6, 15))
    assert {(r.kind, r.commune) for r in made} == {
        ("six_month", places.commune),
        ("six_month", places.other_commune),  # every commune with an officer
    }
    assert drafts_prepare(D(2026, 6, 15)) == []  # a second run adds nothing
    assert PeriodicReport.objects.count() == 2
    assert Notification.objects.filter(user=cast.officer).exists()
    assert deadlines_remind(D(2026, 6, 15)) == 0  # due 19/6: 4 days ahead
    assert deadlines_remind(D(2026, 6, 16)) == 2  # within 3 days
    assert deadlines_remind(D(2026, 6, 17)) == 0  # sent once
    assert Notification.objects.filter(user=cast.chairman).count() == 1


def test_the_report_shows_each_plan_target_against_its_value(
    cast, places, django_capture_on_commit_callbacks
):
    from reports.plans.services import plan_create

    plan_create(actor=cast.officer, commune=places.commune, year=2026)
    report = _ready(cast, places, django_capture_on_commit_callbacks)
    targets = report.annex["targets"]
    assert [t["target"] for t in targets] == ["≥ 100%", "≥ 100%", "≥ 90%"]
    text = pdf_text(_read(report.document))
    assert "Chỉ tiêu kế hoạch năm 2026" in text
    assert targets[0]["label"] in text.replace("\n", " ")


def test_the_pdf_draws_the_dashboards_incident_chart_from_frozen_counts(
    cast, places, django_capture_on_commit_callbacks
):
    from tests.cases.factories import submit

    with time_machine.travel(datetime.datetime(2026, 3, 10, 3, tzinfo=datetime.UTC)):
        submit(cast.leader_a, places.group_a, kind="duoi_nuoc")
        submit(cast.leader_a, places.group_a, kind="bao_luc")
    report = _ready(cast, places, django_capture_on_commit_callbacks)
    march = next(m for m in report.annex["months"] if m["month"] == "3/2026")
    assert (march["abuse"], march["drowning"], march["other"]) == (1, 1, 0)
    assert [m["month"] for m in report.annex["months"]][:2] == ["12/2025", "1/2026"]
    text = pdf_text(_read(report.document))
    assert "Đuối nước" in text  # the legend, drawn in the PDF
    assert "3/2026" in text  # a month label
