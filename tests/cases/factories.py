"""Incident reports made through the real service, as a reporter would."""

import datetime
import uuid

from django.utils import timezone

from cases import services


def submit(reporter, group, **fields):
    data = {
        "residential_group": group,
        "kind": "duoi_nuoc",
        "occurred_at": timezone.now() - datetime.timedelta(hours=1),
        "severity": "serious",
        "child_name": "Bé Na",
        "source": "",
        **fields,
    }
    report, _created = services.incident_submit(
        reporter=reporter,
        fields=data,
        informant={"anonymous": False, "name": "Người báo tin", "phone": "0905000111"},
        idempotency_key=uuid.uuid4(),
    )
    return report
