"""Who hears about incident reports, and when (notifications come through the
outbox in accounts, so nothing is lost if the broker is down)."""


def incident_submitted(report) -> None:
    """Called inside the submitting transaction: tell the commune's officers."""


def incident_triage_overdue(report) -> None:
    """Called by the beat task when a report waited too long for triage."""
