"""A group leader reports a drowning from a phone; the officer sees it; the other
group's leader cannot open it by its address."""

import contextlib

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.factories import PASSWORD
from tests.registry.factories import ChildFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, base, username):
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("#submit-id-submit")
    page.wait_for_url(base + "/")


def test_a_leader_reports_a_drowning_and_the_officer_sees_it(
    live_server, browser, cast, places
):
    child = ChildFactory(residential_group=places.group_a, full_name="Hồ Văn Rết")
    base = live_server.url

    phone = browser.new_context(viewport={"width": 360, "height": 740})
    page = phone.new_page()
    _login(page, base, "leader_a")
    page.goto(base + "/incidents/report/")
    assert page.locator('a[href="tel:111"]').count() >= 1
    page.select_option("#id_kind", "duoi_nuoc")
    page.select_option("#id_child", str(child.pk))
    page.check("#id_severity_3")  # "Nguy hiểm đến tính mạng"
    page.fill("#id_child_state", "Đã sơ cứu, đang chuyển lên trạm y tế")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.click("#report-form button[type=submit]")
    page.wait_for_url("**/incidents/mine/**")
    assert "Đã tiếp nhận" in page.content()
    # The draft kept for a dropped connection is forgotten once the report is in.
    drafts = page.evaluate(
        "Object.keys(localStorage).filter(k => k.startsWith('batochild-report-draft'))"
    )
    assert drafts == []
    report_url = page.locator("ul.list-group a").first.get_attribute("href")
    phone.close()

    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    page = desk.new_page()
    _login(page, base, "officer")
    assert page.locator("#unread-count").inner_text() == "1"
    page.goto(base + "/incidents/")
    row = page.locator("tbody tr").first
    assert "Đuối nước" in row.inner_text()
    row.locator("a").click()
    assert "Hồ Văn Rết" in page.content()
    desk.close()

    other = browser.new_context(viewport={"width": 360, "height": 740})
    page = other.new_page()
    _login(page, base, "leader_b")
    response = page.goto(base + report_url)
    assert response.status == 404
    other.close()


def test_what_was_typed_survives_a_dropped_connection(
    live_server, browser, cast, places
):
    base = live_server.url
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    _login(page, base, "leader_a")
    page.goto(base + "/incidents/report/")
    page.select_option("#id_kind", "bao_luc")
    page.fill("#id_child_name", "Bé Sương")
    key = page.input_value("#id_idempotency_key")
    context.set_offline(True)
    # The submission fails like a dropped mobile connection does.
    with contextlib.suppress(PlaywrightError):
        page.click("#report-form button[type=submit]", timeout=5000)
    context.set_offline(False)
    page.goto(base + "/incidents/report/")
    assert page.input_value("#id_child_name") == "Bé Sương"
    assert page.input_value("#id_idempotency_key") == key  # a retry cannot duplicate
    assert page.locator("#draft-restored").is_visible()
    context.close()
