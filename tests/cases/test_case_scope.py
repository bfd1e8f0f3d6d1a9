"""Scope over the cast for every URL that names a case: outside the commune's
officers and chairman, every method answers 404 and nothing changes."""

import pytest
from django.urls import get_resolver, reverse

from accounts.models import AuditEntry
from cases.models import Case, CaseEvent
from tests.cases import steps

pytestmark = pytest.mark.django_db

OUTSIDERS = (
    "leader_a",
    "leader_b",
    "partner",
    "clerk",
    "province_viewer",
    "other_officer",
)


def case_url_names() -> list[str]:
    """Every cases URL under cases/<code>/: found, not listed by hand, so a new
    step page cannot be added without this test covering it."""
    resolver = get_resolver().url_patterns
    names = []
    for top in resolver:
        if getattr(top, "namespace", None) != "cases":
            continue
        for pattern in top.url_patterns:
            route = str(pattern.pattern)
            if route.startswith("cases/<uuid:code>/"):
                names.append(pattern.name)
    return names


def test_the_list_of_case_urls_is_complete():
    assert {"case_detail", "plan_approve", "risk_assessment", "referral_send"} <= set(
        case_url_names()
    )


@pytest.mark.parametrize("member", OUTSIDERS)
def test_every_case_url_is_404_outside_scope(client, cast, places, member):
    case = steps.planned(
        cast, steps.detailed(cast, steps.initial(cast, steps.open_case(cast, places)))
    )
    before = (Case.objects.get().version, CaseEvent.objects.count())
    outsider = getattr(cast, member)
    audits = AuditEntry.objects.filter(user=outsider).exclude(action="auth.login")
    audited_before = audits.count()
    client.force_login(outsider)
    for name in case_url_names():
        kwargs = {"code": case.code}
        if name == "risk_assessment":
            kwargs["form_code"] = "m02"
        url = reverse(f"cases:{name}", kwargs=kwargs)
        data = {"version": case.version, "reason": "x", "note": "x", "to": "closed"}
        # 405 answers a method the page never takes, whoever asks: no leak.
        answers = {client.get(url).status_code, client.post(url, data).status_code}
        assert answers == {404, 405} or answers == {404}, (name, answers)
    assert (Case.objects.get().version, CaseEvent.objects.count()) == before
    assert audits.count() == audited_before  # no read of the case was granted
