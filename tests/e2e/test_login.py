"""A real Chromium signs in and sees the Vietnamese home page."""

import pytest

from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_signs_in_on_a_phone_and_sees_the_vietnamese_home_page(
    live_server, phone_page, cast
):
    page = phone_page
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(live_server.url + "/")
    assert "/accounts/login/" in page.url
    page.get_by_label("Tên đăng nhập").fill("officer")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(live_server.url + "/")

    assert page.locator("html").get_attribute("lang") == "vi"
    assert "Xin chào" in page.locator("h1").inner_text()
    assert cast.officer.full_name in page.content()
    # Nothing wider than the phone: no horizontal scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # Bootstrap's collapsed menu opens on tap (its script loaded despite the CSP).
    page.get_by_role("button", name="Trình đơn").click()
    page.locator("#main-nav").get_by_role("link", name="Văn bản").wait_for(
        state="visible"
    )
    assert not errors, errors


def test_a_wrong_password_shows_the_vietnamese_message(live_server, phone_page, cast):
    page = phone_page
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill("officer")
    page.get_by_label("Mật khẩu").fill("sai-mat-khau")
    page.get_by_role("button", name="Đăng nhập").click()
    assert "không đúng" in page.locator("main form").inner_text()
