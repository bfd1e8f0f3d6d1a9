"""Annual plans: a new plan prefilled like the seed, a copy of last year's, each
target against the year's figures, the "KẾ HOẠCH" PDF, adoption with a number of
the yearly sequence shared with the reports, optimistic locking, new versions
and who may do what on every plan URL."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reports.indicators.annex import compute_annex
from reports.indicators.codes import all_value_codes
from reports.models import AnnualPlan
from reports.models.plans import target_codes
from reports.periodic import services as report_services
from reports.plans import services
from reports.plans.selectors import plan_contents, plan_of_year
from reports.plans.targets import (
    plan_targets_vs_actual,
    targets_vs_actual,
    year_period,
)
from tests.conftest import CAST
from tests.registry.factories import ChildFactory
from tests.reports.pdf_checks import page_size_mm, pdf_fonts, pdf_text

pytestmark = pytest.mark.django_db

D = datetime.date
SEED_TARGETS = [
    ("hcdb.supported_pct", 100),
    ("newborns.insured_pct", 100),
    ("disabled.reached_pct", 90),
]
SEED_ORGANISATIONS = [
    "culture_social",
    "health_station",
    "radio",
    "justice",
    "police",
    "front",
    "residential_groups",
]


def _read(document) -> str:
    with document.file.open("rb") as pdf:
        return pdf.read()


def _words(data: bytes) -> str:
    """The PDF's text with line breaks and runs of spaces made single spaces."""
    return " ".join(pdf_text(data).split())


def _rows(plan) -> dict[str, list[dict]]:
    contents = plan_contents(plan)
    return {
        "targets": [
            {
                "lead": t.lead,
                "target": t.target,
                "indicator": t.indicator,
                "label": t.label,
                "comparison": t.comparison,
            }
            for t in contents["targets"]
        ],
        "areas": [{"title": a.title, "body": a.body} for a in contents["areas"]],
        "tasks": [
            {"organisation": t.organisation, "heading": t.heading, "body": t.body}
            for t in contents["tasks"]
        ],
    }


def _texts(plan) -> dict[str, str]:
    return {name: getattr(plan, name) for name in services.TEXT_FIELDS}


def _save(actor, plan, **changes):
    data = {**_rows(plan), "texts": _texts(plan)} | changes
    return services.plan_save(actor=actor, plan=plan, version=plan.version, **data)


def _with_pdf(cast, plan, capture):
    with capture(execute=True):
        services.plan_generate(actor=cast.officer, plan=plan)
    plan.refresh_from_db()
    assert plan.document.status == "ready", plan.document.error
    return plan


def test_a_new_plan_is_prefilled_like_the_seed(cast, places):
    plan = services.plan_create(actor=cast.officer, commune=places.commune, year=2026)
    contents = plan_contents(plan)
    assert plan.status == "draft"
    assert plan.title == "Triển khai thực hiện công tác trẻ em năm 2026"
    assert [(t.indicator, t.target) for t in contents["targets"]] == SEED_TARGETS
    # Each target is measured by a figure the annex really holds.
    for target in contents["targets"]:
        assert target.indicator in target_codes()
        assert target.indicator in all_value_codes()
        assert target.is_percent
    assert [t.organisation for t in contents["tasks"]] == SEED_ORGANISATIONS
    assert len(contents["areas"]) == 6
    assert "Tháng hành động" in contents["areas"][4].title
    # The 2025 structure: the province's plan is the basis, the Sở Y tế a copy.
    assert "UBND tỉnh Quảng Ngãi" in plan.legal_bases
    assert plan.recipients.splitlines()[0] == "Sở Y tế tỉnh Quảng Ngãi;"
    assert all(t.commune_id == places.commune.pk for t in contents["targets"])
    with pytest.raises(ValidationError):  # one plan per commune and year
        services.plan_create(actor=cast.officer, commune=places.commune, year=2026)
    for member in ("chairman", "clerk", "other_officer"):
        with pytest.raises(PermissionDenied):
            services.plan_create(
                actor=getattr(cast, member), commune=places.commune, year=2027
            )


def test_a_new_plan_can_start_as_a_copy_of_last_years(cast, places):
    last = services.plan_create(actor=cast.officer, commune=places.commune, year=2025)
    rows = _rows(last)
    rows["targets"][2]["target"] = 95
    rows["tasks"][0]["body"] = (
        "Xây dựng kế hoạch năm 2025; Chương trình giai đoạn 2021 - 2025, "
        "định hướng đến năm 2025."
    )
    last = _save(cast.officer, last, **rows)
    plan = services.plan_copy_from(actor=cast.officer, source=last, year=2026)
    contents = plan_contents(plan)
    assert plan.copied_from == last
    assert plan.title == "Triển khai thực hiện công tác trẻ em năm 2026"
    assert "năm 2026" in plan.closing
    assert "năm 2025" not in plan.closing
    assert [(t.indicator, t.target) for t in contents["targets"]] == [
        ("hcdb.supported_pct", 100),
        ("newborns.insured_pct", 100),
        ("disabled.reached_pct", 95),
    ]
    assert contents["tasks"][0].body == (
        "Xây dựng kế hoạch năm 2026; Chương trình giai đoạn 2021 - 2025, "
        "định hướng đến năm 2025."
    )
    assert [t.organisation for t in contents["tasks"]] == SEED_ORGANISATIONS
    assert len(plan_contents(last)["targets"]) == 3  # the source is untouched
    with pytest.raises(ValidationError):
        services.plan_copy_from(actor=cast.officer, source=last, year=2026)


def test_copy_last_years_plan_from_the_list(client, cast, places):
    client.force_login(cast.officer)
    response = client.post(reverse("reports:plan_copy"), {"year": 2026})
    assert response.status_code == 302
    assert not AnnualPlan.objects.exists()  # no 2025 plan to copy
    last = services.plan_create(actor=cast.officer, commune=places.commune, year=2025)
    response = client.post(reverse("reports:plan_copy"), {"year": 2026})
    plan = AnnualPlan.objects.get(year=2026)
    assert response.url == reverse("reports:plan_detail", args=[plan.code])
    assert plan.copied_from == last


def test_each_target_against_its_actual_value(cast, places):
    group = places.group_a
    for n in range(4):  # born in 2026, three with a card
        ChildFactory(
            residential_group=group,
            birth_date=D(2026, 2, 1 + n),
            insurance_card_number="TE1234567890" if n < 3 else "",
        )
    ChildFactory(
        residential_group=group,
        birth_date=D(2015, 3, 1),
        disability_level="nang",
        disability_certificate_number="XN-01",
    )
    ChildFactory(
        residential_group=group,
        birth_date=D(2016, 3, 1),
        disability_level="nhe",
        school="primary",
    )
    # Another commune's child who would miss the disability target: not counted.
    ChildFactory(residential_group=places.other_group, disability_level="nang")
    plan = services.plan_create(actor=cast.officer, commune=places.commune, year=2026)
    rows = _rows(plan)
    rows["targets"].append(
        {
            "lead": "Không để xảy ra quá",
            "target": 0,
            "indicator": "injury.deaths_drowning",
            "label": "trẻ em tử vong do đuối nước",
            "comparison": "lte",
        }
    )
    plan = _save(cast.officer, plan, **rows)
    annex = compute_annex(
        commune=places.commune, date_from=D(2026, 1, 1), date_to=D(2026, 12, 31)
    )
    found = targets_vs_actual(plan, annex)
    assert [(r.indicator, r.actual, r.met) for r in found] == [
        ("hcdb.supported_pct", None, None),  # no child in special circumstances
        ("newborns.insured_pct", 75.0, False),
        ("disabled.reached_pct", 100.0, True),
        ("injury.deaths_drowning", 0, True),
    ]
    assert (found[1].target_display, found[1].actual_display) == ("≥ 100%", "75%")
    assert found[3].target_display == "≤ 0"
    assert plan_targets_vs_actual(places.commune, 2026, annex) == found
    assert plan_targets_vs_actual(places.commune, 2027, annex) == []
    assert targets_vs_actual(plan, None)[1].met is None


def test_the_plan_year_runs_to_today_then_to_its_end():
    assert year_period(2026, D(2026, 11, 29)) == (D(2026, 1, 1), D(2026, 11, 29))
    assert year_period(2025, D(2026, 11, 29)) == (D(2025, 1, 1), D(2025, 12, 31))
    assert year_period(2027, D(2026, 11, 29)) is None


def test_the_pdf_is_a_ke_hoach_like_the_seed(
    cast, places, django_capture_on_commit_callbacks
):
    plan = services.plan_create(actor=cast.officer, commune=places.commune, year=2026)
    plan = _with_pdf(cast, plan, django_capture_on_commit_callbacks)
    data = _read(plan.document)
    text = _words(data)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN",
        "/KH-UBND",
        "năm 2026",
        "KẾ HOẠCH",
        "Triển khai thực hiện công tác trẻ em năm 2026",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Phấn đấu 100% trẻ em có hoàn cảnh đặc biệt",
        "Đảm bảo 100% trẻ em sinh ra trong năm được cấp thẻ bảo hiểm y tế",
        "Phấn đấu 90% trẻ em khuyết tật",
        "II. NỘI DUNG",
        "III. TỔ CHỨC THỰC HIỆN",
        "2. Trạm Y tế",
        "3. Đài truyền thanh",
        "4. Tư pháp - Hộ tịch",
        "5. Công an",
        "Cung cấp dịch vụ hỗ trợ khẩn cấp cho trẻ em có hoàn cảnh đặc biệt",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        cast.chairman.full_name,
        "Nơi nhận:",
        "- Lưu: VT, VHXH.",
    ):
        assert expected in text, expected
    assert "Số: 0" not in text  # a draft has no number yet
    assert page_size_mm(data) == (210, 297)
    assert pdf_fonts(data)
    assert all("Liberation" in name for name in pdf_fonts(data))


def test_adopting_takes_the_next_number_of_the_yearly_sequence(
    cast, places, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    report = report_services.report_create(
        actor=cast.officer, commune=places.commune, kind="six_month", year=2026
    )
    with capture(execute=True):
        report_services.report_generate(actor=cast.officer, report=report)
    with capture(execute=True):
        report_services.report_issue(
            actor=cast.clerk, report=report, issued_on=D(2026, 6, 18)
        )
    plan = services.plan_create(actor=cast.officer, commune=places.commune, year=2026)
    with pytest.raises(ValidationError):  # no PDF of the current text yet
        services.plan_adopt(actor=cast.clerk, plan=plan, adopted_on=D(2026, 6, 19))
    plan = _with_pdf(cast, plan, capture)
    with pytest.raises(PermissionDenied):  # the clerk numbers documents
        services.plan_adopt(actor=cast.officer, plan=plan, adopted_on=D(2026, 6, 19))
    with pytest.raises(ValidationError):  # before no. 1's date: out of order
        services.plan_adopt(actor=cast.clerk, plan=plan, adopted_on=D(2026, 6, 17))
    with capture(execute=True):
        services.plan_adopt(actor=cast.clerk, plan=plan, adopted_on=D(2026, 6, 19))
    report.refresh_from_db()
    plan.refresh_from_db()
    assert (report.number, plan.number) == (1, 2)
    assert plan.status == "adopted"
    assert plan.document.status == "ready"
    text = _words(_read(plan.document))
    assert "Số: 02/KH-UBND" in text
    assert "ngày 19 tháng 6 năm 2026" in text
    with pytest.raises(ValidationError):  # adopted: never edited
        _save(cast.officer, plan)
    with pytest.raises(ValidationError):
        services.plan_generate(actor=cast.officer, plan=plan)


def test_a_new_version_supersedes_the_adopted_plan(
    cast, places, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    plan = services.plan_create(actor=cast.officer, commune=places.commune, year=2026)
    plan = _with_pdf(cast, plan, capture)
    with capture(execute=True):
        services.plan_adopt(actor=cast.clerk, plan=plan, adopted_on=D(2026, 3, 2))
    draft = services.plan_new_version(actor=cast.officer, plan=plan)
    assert (draft.year, draft.supersedes) == (2026, plan)
    assert len(plan_contents(draft)["tasks"]) == len(SEED_ORGANISATIONS)
    assert plan_of_year(places.commune.pk, 2026) == plan  # the adopted one
    with pytest.raises(ValidationError):
        services.plan_new_version(actor=cast.officer, plan=plan)
    draft = _with_pdf(cast, draft, capture)
    with capture(execute=True):
        services.plan_adopt(actor=cast.clerk, plan=draft, adopted_on=D(2026, 3, 9))
    plan.refresh_from_db()
    draft.refresh_from_db()
    assert plan.status == "superseded"
    assert (plan.number, draft.number) == (1, 2)
    assert plan_of_year(places.commune.pk, 2026) == draft


def test_saving_over_someone_elses_save_is_refused(cast, places):
    plan = services.plan_create(actor=cast.officer, commune=places.commune, year=2026)
    read_at = plan.version
    _save(cast.officer, plan, texts={**_texts(plan), "objectives": "Mục đích mới."})
    with pytest.raises(services.PlanConflictError):
        services.plan_save(
            actor=cast.officer,
            plan=plan,
            version=read_at,
            texts={**_texts(plan), "objectives": "Bản cũ."},
            **_rows(plan),
        )
    plan.refresh_from_db()
    assert plan.objectives == "Mục đích mới."
    assert plan.version == read_at + 1


def test_saving_clears_the_pdf_of_the_old_text(
    cast, places, django_capture_on_commit_callbacks
):
    plan = services.plan_create(actor=cast.officer, commune=places.commune, year=2026)
    plan = _with_pdf(cast, plan, django_capture_on_commit_callbacks)
    plan = _save(cast.officer, plan)
    assert plan.document is None
    with pytest.raises(ValidationError):
        services.plan_adopt(actor=cast.clerk, plan=plan, adopted_on=D(2026, 3, 2))


def test_a_target_must_be_an_indicator_of_the_annex(cast, places):
    plan = services.plan_create(actor=cast.officer, commune=places.commune, year=2026)
    rows = _rows(plan)
    rows["targets"][0]["indicator"] = "children.happiness_pct"
    with pytest.raises(ValidationError):
        _save(cast.officer, plan, **rows)
    rows = _rows(plan)
    rows["targets"][0]["target"] = 120  # a percentage
    with pytest.raises(ValidationError):
        _save(cast.officer, plan, **rows)
    rows = _rows(plan)
    rows["tasks"].append(dict(rows["tasks"][0]))
    with pytest.raises(ValidationError):  # one block per organisation
        _save(cast.officer, plan, **rows)


def _post_data(plan, *, version=None, **texts) -> dict:
    """The edit page's form as the browser posts it, with one blank extra row
    in each formset."""
    data = {**_texts(plan), "version": plan.version if version is None else version}
    data |= texts
    for key, rows in _rows(plan).items():
        data[f"{key}-TOTAL_FORMS"] = len(rows) + 1
        data[f"{key}-INITIAL_FORMS"] = len(rows)
        for n, row in enumerate(rows):
            data |= {f"{key}-{n}-{name}": value for name, value in row.items()}
    extra = len(_rows(plan)["targets"])
    data |= {f"targets-{extra}-lead": "Phấn đấu", f"targets-{extra}-comparison": "gte"}
    return data


def test_the_edit_page_saves_texts_targets_and_tasks(client, cast, places):
    plan = services.plan_create(actor=cast.officer, commune=places.commune, year=2026)
    client.force_login(cast.officer)
    page = client.get(reverse("reports:plan_edit", args=[plan.code]))
    assert page.status_code == 200
    assert page.context["targets"].initial[0]["indicator"] == "hcdb.supported_pct"
    data = _post_data(plan, objectives="Mục đích đã sửa.")
    data["targets-2-target"] = "85"
    data["tasks-6-DELETE"] = "on"
    response = client.post(reverse("reports:plan_edit", args=[plan.code]), data)
    assert response.status_code == 302, response.context["text"].errors
    plan.refresh_from_db()
    contents = plan_contents(plan)
    assert plan.objectives == "Mục đích đã sửa."
    assert [t.target for t in contents["targets"]] == [100, 100, 85]
    assert len(contents["tasks"]) == 6
    stale = client.post(reverse("reports:plan_edit", args=[plan.code]), data)
    assert stale.status_code == 200  # refused, shown on the form
    assert stale.context["text"].non_field_errors()


def test_the_plan_page_shows_targets_against_the_years_figures(
    client, cast, places, django_capture_on_commit_callbacks
):
    plan = services.plan_create(actor=cast.officer, commune=places.commune, year=2026)
    client.force_login(cast.clerk)
    page = client.get(reverse("reports:plan_detail", args=[plan.code]))
    assert [row.indicator for row in page.context["target_rows"]] == [
        code for code, _target in SEED_TARGETS
    ]
    assert page.context["adopt_form"] is not None
    assert b"plan-adopt" not in page.content  # no PDF to adopt yet
    plan = _with_pdf(cast, plan, django_capture_on_commit_callbacks)
    page = client.get(reverse("reports:plan_detail", args=[plan.code]))
    assert b"plan-adopt" in page.content
    status = client.get(
        reverse("reports:plan_detail", args=[plan.code]), HTTP_HX_REQUEST="true"
    )
    assert b"plan-download" in status.content
    assert b"plan-targets" not in status.content  # the polled part only


LIST = dict.fromkeys(CAST, 403) | {
    "officer": 200,
    "chairman": 200,
    "clerk": 200,
    "other_officer": 200,
}
SEES = {"officer", "chairman", "clerk"}
CREATES = {"officer", "other_officer"}  # each in their own commune


def _expect(member, *, officer=200, clerk=403, chairman=403):
    """The answer to a plan URL: the role's inside the commune, 404 outside."""
    return {"officer": officer, "clerk": clerk, "chairman": chairman}.get(member, 404)


@pytest.mark.parametrize("member", CAST)
def test_plan_urls_by_role(client, cast, places, member):
    plan = services.plan_create(actor=cast.officer, commune=places.commune, year=2026)
    client.force_login(getattr(cast, member))
    listing = client.get(reverse("reports:plan_list"))
    assert listing.status_code == LIST[member]
    if listing.status_code == 200:
        assert (plan in listing.context["plans"]) is (member in SEES)
    for name in ("plan_create", "plan_copy"):
        response = client.post(reverse(f"reports:{name}"), {"year": 2027})
        assert response.status_code == (302 if member in CREATES else 403), name
    url = {
        name: reverse(f"reports:{name}", args=[plan.code])
        for name in (
            "plan_detail",
            "plan_edit",
            "plan_generate",
            "plan_adopt",
            "plan_new_version",
        )
    }
    answers = {
        "plan_detail": client.get(url["plan_detail"]).status_code,
        "plan_edit": client.get(url["plan_edit"]).status_code,
        "plan_generate": client.post(url["plan_generate"]).status_code,
        "plan_adopt": client.post(
            url["plan_adopt"], {"adopted_on": "2026-03-02"}
        ).status_code,
        "plan_new_version": client.post(url["plan_new_version"]).status_code,
    }
    assert answers == {
        "plan_detail": _expect(member, clerk=200, chairman=200),
        "plan_edit": _expect(member),
        "plan_generate": _expect(member, officer=302),
        "plan_adopt": _expect(member, officer=403, clerk=302),
        "plan_new_version": _expect(member, officer=302),
    }
    plan.refresh_from_db()
    assert plan.status == "draft"  # nobody adopted a plan without its PDF


def test_the_list_does_not_query_per_plan(client, cast, places):
    client.force_login(cast.officer)
    services.plan_create(actor=cast.officer, commune=places.commune, year=2025)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("reports:plan_list")).status_code == 200
        return len(captured)

    one = queries()
    for year in (2026, 2027):
        services.plan_create(actor=cast.officer, commune=places.commune, year=year)
    assert queries() == one
