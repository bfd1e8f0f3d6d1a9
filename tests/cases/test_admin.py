"""The administrator keeps the risk questions; nobody deletes one in use."""

import pytest
from django.urls import reverse

from accounts.models import AuditEntry
from cases.models import RiskCriterion

pytestmark = pytest.mark.django_db


def test_the_administrator_edits_a_risk_question_and_it_is_audited(client, cast):
    cast.admin.is_superuser = True
    cast.admin.save()
    client.force_login(cast.admin)
    criterion = RiskCriterion.objects.filter(form="m02").first()
    url = reverse("admin:cases_riskcriterion_change", args=[criterion.pk])
    page = client.get(url)
    assert page.status_code == 200
    data = {
        "form": "m02",
        "section": criterion.section,
        "order": criterion.order,
        "question": "Câu hỏi đã sửa",
        "high": "",
        "medium": "",
        "low": "",
        "active": "on",
    }
    assert client.post(url, data).status_code == 302
    criterion.refresh_from_db()
    assert criterion.question == "Câu hỏi đã sửa"
    assert AuditEntry.objects.filter(action="admin.changed").exists()
    delete = reverse("admin:cases_riskcriterion_delete", args=[criterion.pk])
    assert client.get(delete).status_code == 403
