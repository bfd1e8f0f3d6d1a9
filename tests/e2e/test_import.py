"""A real Chromium: an officer imports an Excel list, fixes a bad row, imports it,
then finds the child by searching without diacritics and opens the child's page."""

import io

import pytest
from openpyxl import Workbook
from playwright.sync_api import expect

from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADERS = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số định danh cá nhân", "Tổ"]


def workbook(personal_id: str) -> dict:
    """A small commune list (title row, "STT" column), as Playwright's file payload."""
    book = Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH TRẺ EM"])
    sheet.append(HEADERS)
    sheet.append([1, "Nguyễn Thị Đới", "12/03/2016", "Nữ", personal_id, "Tổ dân phố 1"])
    sheet.append([2, "Hồ Văn Rết", "01/06/2018", "Nam", None, "Tổ dân phố 2"])
    buffer = io.BytesIO()
    book.save(buffer)
    return {
        "name": "danh-sach.xlsx",
        "mimeType": XLSX_TYPE,
        "buffer": buffer.getvalue(),
    }


def upload(page, base: str, file: dict) -> None:
    page.goto(base + "/children/import/")
    page.locator("input[name=file]").set_input_files(file)
    page.locator("#import-upload-button").click()
    # The check runs in Celery (eager here); the page shows its result.
    page.locator("#import-result:not([hx-get])").wait_for()


def test_an_officer_imports_fixes_a_row_and_finds_the_child(live_server, browser, cast):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    base = live_server.url
    page.goto(base + "/accounts/login/")
    page.locator("input[name=username]").fill("officer")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form [type=submit]").click()
    page.wait_for_url(base + "/")

    # 11 digits: the first child's row (Excel row 3) is refused.
    upload(page, base, workbook("05131600004"))
    error = page.locator('#import-errors tr[data-row="3"]')
    error.wait_for()
    assert "3" in error.inner_text()
    assert page.locator("#count-error").inner_text() == "1"
    assert page.locator("#import-commit").count() == 0

    upload(page, base, workbook("051316000045"))
    assert page.locator("#count-create").inner_text() == "2"
    page.locator("#import-commit").click()
    page.locator("#import-committed").wait_for()

    page.goto(base + "/children/")
    page.locator("input[name=q]").fill("nguyen thi doi")
    page.locator("input[name=q]").press("Enter")
    page.wait_for_url("**/children/?*q=nguyen*")
    expect(page.locator("#child-table a", has_text="Hồ Văn Rết")).to_have_count(0)
    link = page.locator("#child-table a", has_text="Nguyễn Thị Đới")
    expect(link).to_have_count(1)
    link.click()
    page.locator("h1", has_text="Nguyễn Thị Đới").wait_for()
    context.close()
