"""The child-friendly commune self-assessment (QĐ 06/QĐ-TTg): the recognition
rule at its edges, the criteria as data, indicators computed from a known
commune, scores entered with evidence, approval, the two PDFs, and who may open
every page."""

import datetime
from decimal import Decimal
from fractions import Fraction

import pytest
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse

from accounts.models import AuditEntry, Notification
from campaigns.models import Campaign
from reports.childfriendly import rules, services
from reports.childfriendly.admin import CriteriaSetAdmin, criteria_set_copy
from reports.childfriendly.rules import CriterionSpec, recognition
from reports.childfriendly.selectors import assessment_sheet
from reports.models import Assessment, CriteriaSet, Criterion, Indicator, Score
from tests.campaigns.factories import CampaignFactory
from tests.conftest import CAST
from tests.registry.factories import ChildFactory, SpecialCircumstanceFactory
from tests.reports.annex_data import at, local, report
from tests.reports.pdf_checks import pdf_text

# Service messages and the rule's reasons are matched in English (the msgids).
pytestmark = pytest.mark.usefixtures("english")

D = datetime.date
THRESHOLDS = {"phuong_tp_tw": 900, "con_lai": 850, "mien_nui": 800}
# After the 2025 annual period (15/12/2024 - 14/12/2025) has closed.
AFTER_THE_YEAR = local(2026, 1, 10, 9, 0)


# --- The rule, pure --------------------------------------------------------


def thirteen(max_points=100, min_points=None) -> list[CriterionSpec]:
    """Thirteen criteria of one indicator each; indicator id = criterion number."""
    return [
        CriterionSpec(n, f"Tiêu chí {n}", max_points, min_points, ((n, max_points),))
        for n in range(1, 14)
    ]


def scores_totalling(total: int, *, zero: int | None = None) -> dict[int, int]:
    """Points for the 13 indicators adding up to `total`, none at 0 unless
    criterion `zero` is."""
    numbers = [n for n in range(1, 14) if n != zero]
    each, extra = divmod(total, len(numbers))
    points = {n: each + (1 if i < extra else 0) for i, n in enumerate(numbers)}
    if zero:
        points[zero] = 0
    assert sum(points.values()) == total
    return points


@pytest.mark.parametrize(("terrain", "threshold"), sorted(THRESHOLDS.items()))
def test_exactly_at_the_terrains_threshold_is_recognised(terrain, threshold):
    result = recognition(
        scores_totalling(threshold), thirteen(), terrain, thresholds=THRESHOLDS
    )
    assert result.met
    assert result.total == threshold
    assert result.threshold == threshold
    assert result.reasons == []


@pytest.mark.parametrize(("terrain", "threshold"), sorted(THRESHOLDS.items()))
def test_one_point_below_the_terrains_threshold_is_not(terrain, threshold):
    result = recognition(
        scores_totalling(threshold - 1), thirteen(), terrain, thresholds=THRESHOLDS
    )
    assert not result.met
    assert result.total == threshold - 1
    assert result.reasons == [
        f"The total of {threshold - 1} points is below the {threshold} needed."
    ]


def test_the_same_total_meets_a_mountain_commune_but_not_a_city_ward():
    scores = scores_totalling(850)
    assert recognition(scores, thirteen(), "mien_nui", thresholds=THRESHOLDS).met
    assert recognition(scores, thirteen(), "con_lai", thresholds=THRESHOLDS).met
    ward = recognition(scores, thirteen(), "phuong_tp_tw", thresholds=THRESHOLDS)
    assert not ward.met


def test_one_criterion_at_zero_fails_however_high_the_total():
    scores = scores_totalling(1200, zero=3)
    result = recognition(scores, thirteen(), "mien_nui", thresholds=THRESHOLDS)
    assert result.total == 1200
    assert not result.met
    assert result.zero_numbers == [3]
    assert result.unmet_numbers == [3]
    assert result.reasons == ["Criterion 3 scores 0."]
    assert result.points[3] == 0


def test_an_unscored_or_unconfigured_criterion_is_not_met():
    scores = scores_totalling(1000)
    del scores[5]
    criteria = thirteen()
    criteria[8] = CriterionSpec(9, "Tiêu chí 9", None, None, ((9, None),))
    result = recognition(scores, criteria, "mien_nui", thresholds=THRESHOLDS)
    assert not result.met
    assert result.unmet_numbers == [5, 9]
    assert "Criterion 5: not every indicator is scored." in result.reasons
    assert "Criterion 9: its points are not set in the criteria set." in result.reasons


def test_a_criterion_below_its_own_pass_mark_is_not_met():
    scores = scores_totalling(1000)
    scores[2] = 10
    result = recognition(
        scores, thirteen(min_points=50), "mien_nui", thresholds=THRESHOLDS
    )
    assert result.unmet_numbers == [2]
    assert not result.met


def test_an_unknown_terrain_or_an_empty_set_is_never_recognised():
    scores = scores_totalling(1300)
    assert not recognition(scores, thirteen(), "?", thresholds=THRESHOLDS).met
    assert not recognition({}, [], "mien_nui", thresholds=THRESHOLDS).met


def test_rules_compare_exactly():
    # 189 of 199 is 94.97 %: the annex prints 95.0, the rule says no.
    rate = Fraction(189, 199) * 100
    assert rules.award(points=50, comparison="gte", threshold=95, value=rate) == 0
    assert rules.award(points=50, comparison="gte", threshold=95, value=95) == 50
    assert rules.award(points=50, comparison="lte", threshold=0, value=0) == 50
    assert rules.award(points=50, comparison="gte", threshold=95, value=None) is None
    assert rules.award(points=None, comparison="gte", threshold=95, value=99) is None
    assert rules.award(points=50, comparison="", threshold=None, value=99) is None


# --- The criteria as data --------------------------------------------------


def qd06() -> CriteriaSet:
    return CriteriaSet.objects.get(valid_from=D(2019, 1, 3))


@pytest.mark.django_db
def test_the_qd06_set_is_loaded_as_the_domain_file_gives_it():
    criteria_set = qd06()
    assert criteria_set.thresholds == THRESHOLDS
    criteria = {c.number: c for c in criteria_set.criteria.all()}
    assert sorted(criteria) == list(range(1, 14))
    assert criteria[1].title == "Nguồn lực thực hiện quyền trẻ em"
    assert criteria[6].max_points == 125
    assert criteria[7].max_points == 50
    # Unverified points are left for the administrator, not guessed.
    assert [n for n, c in criteria.items() if c.max_points is None] == [
        1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13,
    ]  # fmt: skip
    supported, on_time = criteria[6].indicators.order_by("number")
    assert (supported.points, supported.rule_display) == (50, "≥ 95 %")
    assert supported.source_code == "hcdb.supported_pct"
    assert (on_time.points, on_time.rule_display) == (75, "≥ 100 %")
    computed = Indicator.objects.filter(
        criterion__criteria_set=criteria_set, method="computed"
    )
    assert {i.source_code for i in computed} == {
        "newborns.registered_on_time_pct",
        "abuse.children",
        "injury.reports",
        "hcdb.supported_pct",
        "cases.plans_on_time_pct",
        "campaigns.forums",
        "campaigns.forum_children",
    }
    for indicator in computed:
        indicator.full_clean()  # every code is one of the annex's


@pytest.mark.django_db
def test_an_indicator_must_read_a_known_figure_and_have_a_whole_rule():
    criterion = qd06().criteria.get(number=2)
    wrong = Indicator(criterion=criterion, code="2.9", text="x", method="computed")
    wrong.source_code = "children.nonexistent"
    with pytest.raises(ValidationError, match="statistical indicators"):
        wrong.full_clean()
    half = Indicator(
        criterion=criterion, code="2.8", text="x", method="entered", comparison="gte"
    )
    with pytest.raises(ValidationError, match="both"):
        half.full_clean()


def complete(criteria_set: CriteriaSet, points: int = 80) -> None:
    """What the administrator does once the official annex is at hand: points for
    every criterion and indicator still without them."""
    for criterion in criteria_set.criteria.filter(max_points__isnull=True):
        indicators = list(criterion.indicators.all())
        each = points // len(indicators)
        for indicator in indicators:
            indicator.points = each
            indicator.save()
        criterion.max_points = each * len(indicators)
        criterion.save()


# --- A known commune -------------------------------------------------------


@pytest.fixture
def year_2025(cast, places):
    """Ba Tơ in 2025 (data 15/12/2024 - 14/12/2025): two births, one registered
    in time; one abused child; two injuries; 20 children in special
    circumstances, 19 of them supported (exactly 95 %); no plan approved; one
    forum. Rows outside the year or the commune sit beside them."""
    a = places.group_a
    ChildFactory(
        residential_group=a,
        birth_date=D(2025, 3, 1),
        birth_registered=True,
        birth_registration_date=D(2025, 3, 20),
    )
    ChildFactory(residential_group=a, birth_date=D(2025, 4, 1))  # not registered
    ChildFactory(residential_group=a, birth_date=D(2025, 12, 20))  # after the year
    for n in range(20):
        SpecialCircumstanceFactory(
            child=ChildFactory(residential_group=a, classification="hcdb"),
            support_received="Trợ cấp xã hội hằng tháng" if n < 19 else "",
        )
    abused = ChildFactory(residential_group=a)
    report(cast.leader_a, a, local(2025, 5, 5, 9, 0), kind="bao_luc", child=abused)
    report(cast.leader_a, a, local(2025, 6, 1, 17, 0), kind="duoi_nuoc")
    report(cast.leader_a, a, local(2025, 12, 14, 23, 30), kind="nga")
    report(cast.leader_a, a, local(2025, 12, 15, 0, 10), kind="nga")  # next year's
    other = places.other_group
    report(cast.other_officer, other, local(2025, 5, 5, 9, 0), kind="bao_luc")
    CampaignFactory(
        commune=places.commune,
        created_by=cast.officer,
        kind=Campaign.Kind.FORUM,
        starts_on=D(2025, 5, 30),
        ends_on=D(2025, 5, 30),
    )
    places.commune.terrain = "mien_nui"
    places.commune.save()
    return places.commune


def create(cast, commune, year=2025) -> Assessment:
    with at(AFTER_THE_YEAR):
        return services.assessment_create(
            actor=cast.officer, commune=commune, year=year
        )


def scores_by_code(assessment) -> dict[str, Score]:
    return {
        s.indicator.code: s
        for s in Score.objects.filter(assessment=assessment).select_related("indicator")
    }


@pytest.mark.django_db
def test_computed_indicators_are_filled_from_the_years_annex(cast, year_2025):
    assessment = create(cast, year_2025)
    assert (assessment.data_from, assessment.data_to) == (
        D(2024, 12, 15),
        D(2025, 12, 14),
    )
    assert assessment.criteria_set == qd06()
    assert assessment.terrain == "mien_nui"
    scores = scores_by_code(assessment)
    assert (
        len(scores) == Indicator.objects.filter(criterion__criteria_set=qd06()).count()
    )
    assert scores["2.1"].value == Decimal("50.00")  # 1 of 2 births in time
    assert scores["3.1"].value == 1
    assert scores["5.1"].value == 2
    assert scores["11.1"].value == 1
    assert scores["11.2"].value == 0
    # Exactly 95 %: the rule gives the 50 points, computed.
    assert (scores["6.1"].value, scores["6.1"].points) == (Decimal("95.00"), 50)
    assert scores["6.1"].source == "computed"
    # No plan approved in the year: no rate, so no points until the officer says.
    assert (scores["6.2"].value, scores["6.2"].points) == (None, None)
    # Computed without a rule in the set (❓): the value, not the points.
    assert scores["2.1"].points is None
    assert scores["7.1"].value is None  # entered: vaccination is not in the records


@pytest.mark.django_db
def test_refresh_recomputes_until_approved(cast, places, year_2025):
    assessment = create(cast, year_2025)
    SpecialCircumstanceFactory(
        child=ChildFactory(residential_group=places.group_a, classification="hcdb")
    )
    with at(AFTER_THE_YEAR):
        services.assessment_refresh(
            actor=cast.officer, assessment=assessment, version=assessment.version
        )
    supported = scores_by_code(assessment)["6.1"]
    assert (supported.value, supported.points) == (Decimal("90.47"), 0)  # 19 of 21
    with pytest.raises(ValidationError, match="meanwhile"):
        services.assessment_refresh(
            actor=cast.officer, assessment=assessment, version=1
        )
    with pytest.raises(PermissionDenied):
        services.assessment_refresh(actor=cast.chairman, assessment=assessment)


@pytest.mark.django_db
def test_a_year_has_one_assessment_and_needs_a_set_in_force(cast, year_2025):
    first = create(cast, year_2025)
    assert create(cast, year_2025) == first
    with pytest.raises(ValidationError, match="No criteria set"):
        create(cast, year_2025, year=2018)
    with pytest.raises(PermissionDenied):
        services.assessment_create(actor=cast.clerk, commune=year_2025, year=2025)


# --- Entered scores --------------------------------------------------------


def enter(cast, assessment, code, **fields) -> Score:
    score = scores_by_code(assessment)[code]
    assessment.refresh_from_db()
    fields.setdefault("evidence", "Báo cáo của Trạm Y tế xã ngày 10/12/2025")
    return services.score_enter(
        actor=cast.officer,
        assessment=assessment,
        score=score,
        version=assessment.version,
        **fields,
    )


@pytest.mark.django_db
def test_entered_scores_need_evidence_and_follow_the_rule(cast, year_2025):
    assessment = create(cast, year_2025)
    vaccinated = enter(cast, assessment, "7.1", value=Decimal("98"))
    assert (vaccinated.points, vaccinated.source) == (50, "entered")
    assert vaccinated.entered_by == cast.officer
    assert enter(cast, assessment, "7.1", value=Decimal("97.99"), points=50).points == 0
    with pytest.raises(ValidationError) as missing:
        enter(cast, assessment, "7.1", value=Decimal("99"), evidence="  ")
    assert "evidence" in missing.value.message_dict
    with pytest.raises(ValidationError) as no_value:
        enter(cast, assessment, "7.1", value=None)
    assert "value" in no_value.value.message_dict
    # A computed figure with its rule is the records', not the officer's.
    with pytest.raises(ValidationError, match="computed from the database"):
        enter(cast, assessment, "6.1", points=50)
    # No plan in the year: the officer scores it, saying why.
    no_plans = enter(
        cast, assessment, "6.2", points=75, evidence="Không có vụ việc trong năm"
    )
    assert (no_plans.value, no_plans.points) == (None, 75)
    with pytest.raises(ValidationError) as too_many:
        enter(cast, assessment, "6.2", points=76)
    assert "points" in too_many.value.message_dict
    assert AuditEntry.objects.filter(action="childfriendly.score_entered").count() == 3


@pytest.mark.django_db
def test_an_indicator_without_points_in_the_set_cannot_be_scored(cast, year_2025):
    assessment = create(cast, year_2025)
    with pytest.raises(ValidationError, match="no points yet"):
        enter(cast, assessment, "1.1", points=10)
    complete(qd06())
    scored = enter(cast, assessment, "1.1", points=60, evidence="Nghị quyết HĐND")
    assert scored.points == 60


@pytest.mark.django_db
def test_evidence_files_are_kept_and_served_to_officer_and_chairman_only(
    client, cast, year_2025
):
    assessment = create(cast, year_2025)
    upload = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 evidence", "application/pdf")
    score = enter(cast, assessment, "7.1", value=Decimal("99"), attachment=upload)
    url = reverse("reports:childfriendly_evidence", args=[assessment.code, score.code])
    for member, expected in (("officer", 200), ("chairman", 200), ("clerk", 403)):
        client.force_login(getattr(cast, member))
        response = client.get(url)
        assert response.status_code == expected
        if expected == 200:
            assert b"".join(response.streaming_content) == b"%PDF-1.4 evidence"
    assert (
        AuditEntry.objects.filter(action="childfriendly.evidence_viewed").count() == 2
    )


# --- Submit, approve -------------------------------------------------------


def fully_scored(cast, commune) -> Assessment:
    """Every indicator scored: the ❓ points completed as an administrator would."""
    complete(qd06())
    assessment = create(cast, commune)
    for code, score in scores_by_code(assessment).items():
        if score.points is not None:
            continue
        if code == "7.1":
            enter(cast, assessment, code, value=Decimal("99"))
        else:
            enter(cast, assessment, code, points=score.indicator.points)
    assessment.refresh_from_db()
    return assessment


@pytest.mark.django_db
def test_submit_then_approve_freezes_the_result(cast, year_2025):
    draft = create(cast, year_2025)
    with pytest.raises(ValidationError, match="Score every indicator"):
        services.assessment_submit(actor=cast.officer, assessment=draft)
    draft.delete()
    assessment = fully_scored(cast, year_2025)
    with pytest.raises(ValidationError, match="submitted"):
        services.assessment_approve(actor=cast.chairman, assessment=assessment)
    services.assessment_submit(
        actor=cast.officer, assessment=assessment, version=assessment.version
    )
    assert Notification.objects.filter(
        user=cast.chairman, kind="childfriendly"
    ).exists()
    assessment.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.assessment_approve(actor=cast.officer, assessment=assessment)
    approved = services.assessment_approve(
        actor=cast.chairman, assessment=assessment, version=assessment.version
    )
    # 11 criteria at 80 + 125 + 50; mountain commune: 800 needed.
    assert (approved.status, approved.total_points, approved.recognised) == (
        "approved",
        1055,
        True,
    )
    with pytest.raises(ValidationError, match="approved"):
        services.assessment_refresh(actor=cast.officer, assessment=approved)
    with pytest.raises(ValidationError, match="approved"):
        enter(cast, approved, "7.1", value=Decimal("50"))
    set_admin = CriteriaSetAdmin(CriteriaSet, admin.site)
    request = RequestFactory().get("/")
    request.user = cast.admin
    assert not set_admin.has_change_permission(request, qd06())


@pytest.mark.django_db
def test_an_edit_after_submitting_sends_it_back_to_draft(cast, year_2025):
    assessment = fully_scored(cast, year_2025)
    services.assessment_submit(actor=cast.officer, assessment=assessment)
    enter(cast, assessment, "7.1", value=Decimal("90"))
    assessment.refresh_from_db()
    assert assessment.status == "draft"
    sheet = assessment_sheet(assessment)
    assert sheet.result.total == 1055 - 50
    assert sheet.result.points[7] == 0
    assert not sheet.result.met  # criterion 7 at 0, whatever the total
    assert "Criterion 7 scores 0." in sheet.result.reasons


@pytest.mark.django_db
def test_a_criteria_set_is_copied_as_a_new_version():
    copy = criteria_set_copy(qd06())
    assert copy.valid_from == D(2019, 1, 4)
    assert copy.criteria.count() == 13
    assert Indicator.objects.filter(criterion__criteria_set=copy).count() == (
        Indicator.objects.filter(criterion__criteria_set=qd06()).count()
    )
    assert Criterion.objects.get(criteria_set=copy, number=6).max_points == 125


# --- The dossier's PDFs ----------------------------------------------------


def _read(document) -> str:
    document.refresh_from_db()
    assert document.status == "ready", document.error
    with document.file.open("rb") as pdf:
        return pdf_text(pdf.read())


@pytest.mark.django_db
def test_the_evaluation_table_and_minutes_hold_the_commune_year_criteria_and_result(
    cast, year_2025, django_capture_on_commit_callbacks
):
    assessment = fully_scored(cast, year_2025)
    with at(AFTER_THE_YEAR):
        services.meeting_save(
            actor=cast.officer,
            assessment=assessment,
            meeting_on=D(2025, 12, 20),
            meeting_place="Hội trường UBND xã",
            meeting_chair="Phạm Văn Chủ",
            meeting_secretary="Lê Thị Thư",
            meeting_attendees="Trạm Y tế xã\nCông an xã",
            meeting_discussion="Thống nhất kết quả chấm điểm.",
        )
    with django_capture_on_commit_callbacks(execute=True):
        table, minutes = services.assessment_generate(
            actor=cast.chairman, assessment=assessment
        )
    text = " ".join(_read(table).split())
    for expected in (
        "BẢNG TỰ ĐÁNH GIÁ",
        "XÃ BA TƠ",
        "năm 2025",
        "Nguồn lực thực hiện quyền trẻ em",
        "Trẻ em có hoàn cảnh đặc biệt được trợ giúp",
        "Tổng số điểm",
        "1055",
        "Đạt đủ điều kiện đề nghị công nhận",
        "Bản dự thảo",
    ):
        assert expected in text, expected
    text = " ".join(_read(minutes).split())
    for expected in (
        "BIÊN BẢN",
        "XÃ BA TƠ",
        "năm 2025",
        "ngày 20 tháng 12 năm 2025",
        "Phạm Văn Chủ",
        "Lê Thị Thư",
        "Trẻ em bị tai nạn, thương tích",
        "1055",
        "Đạt đủ điều kiện đề nghị công nhận",
    ):
        assert expected in text, expected


@pytest.mark.django_db
def test_a_result_that_fails_prints_why(
    cast, year_2025, django_capture_on_commit_callbacks
):
    assessment = create(cast, year_2025)  # the QĐ 06 points not completed yet
    with django_capture_on_commit_callbacks(execute=True):
        table, _minutes = services.assessment_generate(
            actor=cast.officer, assessment=assessment
        )
    text = " ".join(_read(table).split())
    assert "Chưa đủ điều kiện đề nghị công nhận" in text
    assert (
        "Tiêu chí chưa có điểm chuẩn: số 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13." in text
    )
    assert "thấp hơn mức 800 điểm" in text


# --- Who may open what -----------------------------------------------------

SEE = {"officer", "chairman", "clerk"}


def _expected(member, allowed: set[str], code: int) -> int:
    if member in allowed:
        return code
    return 403 if member in SEE else 404


@pytest.mark.django_db
@pytest.mark.parametrize("member", CAST)
def test_every_page_by_role(client, cast, places, member):
    assessment = create(cast, places.commune)
    score = scores_by_code(assessment)["7.1"]
    upload = SimpleUploadedFile("x.pdf", b"%PDF", "application/pdf")
    enter(cast, assessment, "7.1", value=Decimal("99"), attachment=upload)
    client.force_login(getattr(cast, member))

    listing = client.get(reverse("reports:childfriendly_list"))
    sees_list = member in SEE | {"other_officer"}
    assert listing.status_code == (200 if sees_list else 403)
    if sees_list:
        assert (assessment in listing.context["assessments"]) is (member in SEE)
    create_page = client.post(reverse("reports:childfriendly_create"), {"year": 2025})
    assert create_page.status_code == (302 if "officer" in member else 403)

    def url(name, *more):
        return reverse(f"reports:childfriendly_{name}", args=[assessment.code, *more])

    detail = client.get(url("detail"))
    assert detail.status_code == (200 if member in SEE else 404)
    assert client.get(url("meeting")).status_code == _expected(member, {"officer"}, 200)
    score_url = url("score", score.code)
    assert client.get(score_url).status_code == _expected(member, {"officer"}, 200)
    evidence = client.get(url("evidence", score.code))
    assert evidence.status_code == _expected(member, {"officer", "chairman"}, 200)
    if evidence.status_code == 200:
        b"".join(evidence.streaming_content)  # read to the end: the file is closed
    version = {"version": assessment.version}
    posts = (
        ("refresh", {"officer"}),
        ("generate", {"officer", "chairman"}),
        ("submit", {"officer"}),
        ("approve", {"chairman"}),
    )
    for name, allowed in posts:
        response = client.post(url(name), version)
        assert response.status_code == _expected(member, allowed, 302), name


@pytest.mark.django_db
def test_the_page_shows_sources_evidence_and_the_result(client, cast, year_2025):
    assessment = create(cast, year_2025)
    enter(cast, assessment, "7.1", value=Decimal("99"), evidence="Sổ tiêm chủng")
    client.force_login(cast.chairman)
    page = client.get(reverse("reports:childfriendly_detail", args=[assessment.code]))
    html = page.content.decode()
    assert "hcdb.supported_pct" in html  # the figure's source
    assert "Sổ tiêm chủng" in html
    assert (
        "Tiêu chí 1: chưa đặt điểm trong bộ tiêu chí." in html
    )  # the page is Vietnamese
    assert 'id="childfriendly-submit"' not in html  # the officer's
    assert AuditEntry.objects.filter(action="childfriendly.viewed").exists()


@pytest.mark.django_db
def test_the_score_form_saves_with_evidence(client, cast, year_2025):
    assessment = create(cast, year_2025)
    score = scores_by_code(assessment)["7.1"]
    client.force_login(cast.officer)
    url = reverse("reports:childfriendly_score", args=[assessment.code, score.code])
    missing = client.post(url, {"version": assessment.version, "value": "99"})
    assert missing.status_code == 200
    assert missing.context["form"].errors["evidence"]
    saved = client.post(
        url, {"version": assessment.version, "value": "99", "evidence": "Sổ tiêm"}
    )
    assert saved.status_code == 302
    score.refresh_from_db()
    assert (score.points, score.evidence) == (50, "Sổ tiêm")


@pytest.mark.django_db
def test_the_list_takes_the_same_queries_for_one_year_or_many(
    client, cast, places, django_assert_max_num_queries
):
    def year(n):
        Assessment.objects.create(
            commune=places.commune,
            year=n,
            criteria_set=qd06(),
            terrain="mien_nui",
            data_from=D(n - 1, 12, 15),
            data_to=D(n, 12, 14),
            created_by=cast.officer,
        )

    client.force_login(cast.clerk)
    year(2023)
    url = reverse("reports:childfriendly_list")
    with django_assert_max_num_queries(10) as one:
        client.get(url)
    year(2024)
    year(2025)
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = client.get(url)
    assert len(page.context["assessments"]) == 3
