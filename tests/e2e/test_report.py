"""A real Chromium: the officer prepares the 6-month report, edits a section of
its text, produces the PDF (the page shows progress, then the download), and
the clerk issues it with the next number of the year."""

import pytest

from reports.models import PeriodicReport
from tests.e2e.test_incident import _login
from tests.registry.factories import ChildFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_officer_prepares_and_the_clerk_issues_the_six_month_report(
    live_server, browser, cast, places
):
    for _ in range(3):
        ChildFactory(residential_group=places.group_a)
    base = live_server.url
    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    page = desk.new_page()
    _login(page, base, "officer")
    page.goto(base + "/documents/reports/")
    page.locator("details summary").click()
    page.select_option("#id_kind", "six_month")
    page.fill("#id_year", "2026")
    page.locator("#report-create button[type=submit]").click()
    page.wait_for_url("**/documents/reports/*-*/")
    report = PeriodicReport.objects.get()
    assert "15/12/2025" in page.content()

    page.fill("#id_shortcomings", "Một số tổ chưa cập nhật kịp thời danh sách trẻ em.")
    page.locator("#report-text button[type=submit]").click()
    page.wait_for_url(f"**/reports/{report.code}/")
    assert (
        "Một số tổ chưa cập nhật kịp thời"
        in page.locator("#id_shortcomings").input_value()
    )

    page.locator("#report-generate").click()
    page.wait_for_url(f"**/reports/{report.code}/")
    page.locator("#report-download").wait_for(timeout=30_000)
    desk.close()

    office = browser.new_context(viewport={"width": 1280, "height": 900})
    clerk = office.new_page()
    _login(clerk, base, "clerk")
    clerk.goto(f"{base}/documents/reports/{report.code}/")
    clerk.locator("#report-issue button[type=submit]").click()
    clerk.wait_for_url(f"**/reports/{report.code}/")
    assert "1/BC-UBND" in clerk.locator("#report-number").inner_text()
    clerk.locator("#report-download").wait_for(timeout=30_000)
    report.refresh_from_db()
    assert report.status == "issued"
    assert report.number == 1
    office.close()
