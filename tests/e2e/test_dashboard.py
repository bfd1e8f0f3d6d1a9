"""A real Chromium: the chairman signs in, finds the dashboard from the home
page, sees the cards and the charts without a child's name, and drills down
from "Quá hạn" to the overdue list, where the names are."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from accounts.models import AuditEntry
from reports.dashboard import rollups
from tests.cases.factories import submit
from tests.e2e.test_incident import _login
from tests.registry.factories import ChildFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_chairman_drills_down_from_overdue(live_server, browser, cast, places):
    child = ChildFactory(residential_group=places.group_a, full_name="Hồ Thị Quá Hạn")
    # Received two days ago and never triaged: past its 12 hours.
    with time_machine.travel(timezone.now() - datetime.timedelta(days=2)):
        submit(
            cast.leader_a, places.group_a, kind="bao_luc", child=child, child_name=""
        )
    submit(cast.leader_a, places.group_a, kind="duoi_nuoc", severity="death")
    rollups.rollup_refresh_commune(commune_id=places.commune.pk)
    base = live_server.url

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    _login(page, base, "chairman")
    page.locator("main a[href='/dashboard/']").click()
    page.wait_for_url(base + "/dashboard/")
    assert page.locator(".dash-card").count() == 12
    drownings = page.locator(".dash-card[data-code='injury.reports.duoi_nuoc']")
    assert drownings.locator(".card-value").inner_text().strip() == "1"
    assert page.locator("svg.chart").first.is_visible()
    # A bar for the abuse report, one for the drowning; no case yet.
    assert page.locator("svg.chart rect title").count() == 2
    assert page.locator("#overdue-total").inner_text() == "1"
    assert "Hồ Thị Quá Hạn" not in page.content()

    page.get_by_role("link", name="Quá hạn", exact=True).click()
    page.wait_for_url("**/dashboard/list/overdue/**")
    assert "Hồ Thị Quá Hạn" in page.locator("[data-section=reports]").inner_text()
    assert AuditEntry.objects.filter(
        action="dashboard.drilldown", user=cast.chairman
    ).exists()
    context.close()
