"""A real Chromium: the officer plans the June campaign, records a radio
broadcast, gives a gift to a child in special circumstances from the priority
list, and sees the totals on the campaign page."""

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD
from tests.registry.factories import ChildFactory, SpecialCircumstanceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_officer_runs_the_june_campaign(live_server, browser, cast, places):
    orphan = ChildFactory(
        residential_group=places.group_a,
        full_name="Đinh Thị Nhiên",
        classification="hcdb",
    )
    SpecialCircumstanceFactory(child=orphan)
    ChildFactory(residential_group=places.group_a, full_name="Hồ Văn Bình Thường")

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    base = live_server.url
    page.goto(base + "/accounts/login/")
    page.locator("input[name=username]").fill("officer")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form [type=submit]").click()
    page.wait_for_url(base + "/")

    # Plan the Action Month: the form starts on 1-30 June of this year.
    page.locator("nav a[href='/campaigns/']").click()
    page.locator("#campaign-new").click()
    page.locator("#id_theme").fill("Hành động thiết thực, ưu tiên nguồn lực cho trẻ em")
    page.locator("#id_budget_state").fill("10000000")
    page.locator("input[name=save]").click()
    page.locator("#campaign-title").wait_for()
    campaign_url = page.url
    expect(page.locator("#budget-total")).to_have_text("10.000.000")

    # A radio broadcast, aired three times.
    page.locator("#activity-new").click()
    page.locator("#id_category").select_option("communication")
    page.locator("#id_sub_kind").select_option("radio_broadcast")
    page.locator("#id_title").fill("Phát thanh tuyên truyền Tháng hành động")
    page.locator("#id_organiser").select_option("radio")
    page.locator("#id_sessions").fill("3")
    page.locator("#id_cost").fill("300000")
    page.locator("input[name=save]").click()
    expect(page.locator("#activity-title")).to_have_text(
        "Phát thanh tuyên truyền Tháng hành động"
    )

    # A gift to the child in special circumstances, from the priority list.
    page.goto(campaign_url)
    page.locator("#priority-link").click()
    rows = page.locator("#priority-table tbody tr")
    expect(rows).to_have_count(1)  # the child without circumstances is not listed
    row = rows.filter(has_text="Đinh Thị Nhiên")
    row.get_by_role("link").click()
    expect(page.locator("#support-child")).to_have_text("Đinh Thị Nhiên")
    page.locator("#id_kind").select_option("gift")
    page.locator("#id_description").fill("Sách vở và áo ấm")
    page.locator("#id_value").fill("500000")
    page.locator("input[name=save]").click()
    page.locator("#priority-table").wait_for()
    expect(
        rows.filter(has_text="Đinh Thị Nhiên").locator(".badge.text-bg-success")
    ).to_have_count(1)

    # The campaign page adds it all up.
    page.goto(campaign_url)
    expect(page.locator("#activity-table tbody tr")).to_have_count(1)
    expect(page.locator("#support-total")).to_have_text("500.000")
    expect(page.locator("#spent-total")).to_have_text("800.000")
    expect(page.locator("#recent-support")).to_contain_text("Đinh Thị Nhiên")
    context.close()
