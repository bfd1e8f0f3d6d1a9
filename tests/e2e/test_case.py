"""A real Chromium takes a case through NĐ 56: from a triaged report the officer
opens a case, records the initial assessment, drafts a plan; the chairman approves
it; the health station acknowledges a referral from a phone; the officer reviews
and the chairman closes the case on the officer's proposal (Đ30.1.b)."""

import datetime

import pytest
from django.utils import timezone

from cases import services
from cases.models import Case, RiskCriterion
from tests.cases.factories import submit
from tests.e2e.test_incident import _login
from tests.registry.factories import ChildFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _desk(browser, base, username):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    _login(page, base, username)
    return context, page


def _rate_all(page, form):
    for criterion in RiskCriterion.objects.filter(form=form, active=True):
        page.check(f"input[name=q{criterion.pk}][value=thap]")


def _action(page, label):
    page.locator("#next-action").get_by_text(label, exact=True).click()


def test_a_case_from_report_to_closure(live_server, browser, cast, places):
    child = ChildFactory(residential_group=places.group_a, full_name="Đinh Thị Hiền")
    report = submit(cast.leader_a, places.group_a, child=child, child_name="")
    services.incident_triage(actor=cast.officer, report=report, status="in_review")
    base = live_server.url
    today = timezone.localdate()

    desk, page = _desk(browser, base, "officer")
    page.goto(f"{base}/incidents/{report.code}/")
    page.select_option("select[name=level]", "can_thiep")
    page.locator("form[action$='/open-case/'] button[type=submit]").click()
    page.wait_for_url("**/incidents/cases/**")
    case = Case.objects.get()
    assert case.reference in page.content()
    assert page.locator("[data-countdown]").count() == 1  # the 12-hour clock

    _action(page, "Ghi đánh giá nguy cơ ban đầu (Mẫu 02)")
    _rate_all(page, "m02")
    page.check("input[name=conclusion][value=no_emergency]")
    page.click("input[type=submit][name=save]")
    page.wait_for_url(f"**/cases/{case.code}/")

    _action(page, "Viết đánh giá nguy cơ cụ thể (Mẫu 03)")
    page.fill("#id_physical", "Vết bầm ở cánh tay")
    page.fill("#id_needs", "Khám sức khỏe, tư vấn tâm lý")
    page.check("#id_caregiver_is_perpetrator")
    assert not page.locator("#id_caregiver_views").is_visible()  # Đ27.1.h
    page.click("input[type=submit][name=save]")
    page.wait_for_url(f"**/cases/{case.code}/")

    _action(page, "Ghi biên bản họp xác định nhu cầu")
    page.fill("#id_held_at", timezone.localtime().strftime("%Y-%m-%dT%H:%M"))
    page.fill("#id_chaired_by", "Chủ tịch UBND xã")
    page.fill("#id_participants", "Chủ tịch, cán bộ VH-XH, tổ trưởng, bà ngoại")
    page.fill("#id_decisions", "Khám sức khỏe tại Trạm Y tế")
    page.click("input[type=submit][name=save]")
    page.wait_for_url(f"**/cases/{case.code}/")

    page.select_option("select[name=to]", "planning")
    page.locator("#next-action").get_by_role("button", name="Chuyển bước").click()
    page.wait_for_url(f"**/cases/{case.code}/")
    _action(page, "Soạn kế hoạch (Mẫu 04)")
    page.fill("#id_goal", "Trẻ được chăm sóc y tế và an toàn")
    page.select_option("#id_items-0-service", "ct_a")
    page.fill("#id_items-0-description", "Khám sức khỏe và điều trị")
    page.fill("#id_items-0-start_on", today.isoformat())
    end = today + datetime.timedelta(days=20)
    page.fill("#id_items-0-expected_end_on", end.isoformat())
    page.select_option("#id_items-0-organisation", "health_station")
    page.fill("#id_items-0-budget_vnd", "1500000")
    page.get_by_role("button", name="Lưu kế hoạch").click()
    page.wait_for_url(f"**/cases/{case.code}/")
    _action(page, "Trình kế hoạch lên Chủ tịch")
    page.wait_for_url(f"**/cases/{case.code}/")
    assert "Đang chờ Chủ tịch quyết định" in page.content()

    chair, chair_page = _desk(browser, base, "chairman")
    chair_page.goto(f"{base}/incidents/cases/{case.code}/")
    assert chair_page.locator("#approval-requirements li").count() == 3
    assert "✘" not in chair_page.locator("#approval-requirements").inner_text()
    _action(chair_page, "Phê duyệt kế hoạch (Mẫu 05)")
    chair_page.wait_for_url(f"**/cases/{case.code}/")
    assert "Đã phê duyệt kế hoạch" in chair_page.content()

    page.reload()
    page.locator("#referrals summary").click()
    page.select_option("#id_organisation", "health_station")
    page.fill("#id_request", "Khám sức khỏe cho trẻ trong tuần này")
    page.fill("#id_due_on", (today + datetime.timedelta(days=5)).isoformat())
    page.locator("#referrals button[type=submit]").click()
    page.wait_for_url(f"**/cases/{case.code}/")
    assert "Đã gửi, chưa xác nhận" in page.locator("#referrals").inner_text()

    phone = browser.new_context(viewport={"width": 360, "height": 740})
    health = phone.new_page()
    _login(health, base, "partner")
    health.goto(f"{base}/incidents/referrals/")
    health.get_by_role("link", name="Đinh Thị Hiền").first.click()
    assert "Vết bầm" not in health.content()  # no assessment for the partner
    health.get_by_role("button", name="Xác nhận: đơn vị nhận thực hiện").click()
    health.fill("#id_outcome", "Đã khám, sức khỏe ổn định")
    health.get_by_role("button", name="Ghi kết quả").click()
    assert "Đã xong" in health.content()
    assert health.evaluate("document.documentElement.scrollWidth") <= 360
    phone.close()

    page.reload()
    assert "Đã xong" in page.locator("#referrals").inner_text()
    page.select_option("select[name=to]", "review")
    page.locator("#next-action").get_by_role("button", name="Chuyển bước").click()
    page.wait_for_url(f"**/cases/{case.code}/")
    _action(page, "Ghi rà soát, đánh giá (Mẫu 06)")
    _rate_all(page, "m06")
    page.check("input[name=conclusion][value=close]")
    page.click("input[type=submit][name=save]")
    page.wait_for_url(f"**/cases/{case.code}/")

    chair_page.reload()
    chair_page.select_option("select[name=to]", "closed")
    chair_page.fill("input[name=note]", "Trẻ an toàn, ổn định")
    chair_page.locator("#next-action").get_by_role("button", name="Chuyển bước").click()
    chair_page.wait_for_url(f"**/cases/{case.code}/")
    case.refresh_from_db()
    assert case.status == "closed"
    assert "Trẻ an toàn, ổn định" in chair_page.locator("#timeline").inner_text()
    chair.close()
    desk.close()
