"""The demo cases: one at each moment worth showing, made through the real
services, and loaded only once."""

import pytest

from cases.demo import demo_seed_cases
from cases.models import Case, IncidentReport, Referral
from registry.demo import demo_seed_children, demo_seed_places_and_people
from registry.places import places_load_quang_ngai
from reports.models import GeneratedDocument

pytestmark = pytest.mark.django_db


def test_the_demo_cases_show_each_moment_and_load_once(
    django_capture_on_commit_callbacks,
):
    places_load_quang_ngai()
    demo_seed_places_and_people()
    demo_seed_children()
    with django_capture_on_commit_callbacks(execute=True):
        assert demo_seed_cases() == 4
    statuses = sorted(Case.objects.values_list("status", flat=True))
    assert statuses == ["awaiting_approval", "closed", "emergency", "in_progress"]
    assert IncidentReport.objects.filter(status="new").count() == 1
    referral = Referral.objects.get()
    assert referral.status == "sent"
    assert referral.organisation == "health_station"
    assert GeneratedDocument.objects.filter(
        kind="case_approval", status="ready"
    ).exists()
    assert demo_seed_cases() == 0
    assert Case.objects.count() == 4
