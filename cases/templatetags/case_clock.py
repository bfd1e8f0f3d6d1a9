"""The 12-hour clock of NĐ 56/2017 (Điều 26.3, 31.2: at most 12 hours from
receipt) shown as a countdown. The server renders the time left, so the page
works without JavaScript; static/js/countdown.js keeps it current."""

import datetime
from dataclasses import dataclass

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.workflow import FROM_RECEIPT

register = template.Library()


@dataclass(frozen=True)
class Clock:
    deadline: str  # ISO 8601, read by the script
    now: str  # the server's time, so a phone with a wrong clock still counts right
    overdue: bool
    text: str
    left_format: str  # the translated texts, for the script to fill in
    overdue_format: str


@register.filter
def on_12_hour_clock(case) -> bool:
    """Is the case in a step whose limit runs from receipt (12 hours)?"""
    return case.status in FROM_RECEIPT and case.due_at is not None


@register.simple_tag
def case_clock(case, now=None) -> Clock | None:
    """The countdown of a case on the 12-hour clock, else None."""
    if not on_12_hour_clock(case):
        return None
    now = now or timezone.now()
    left_format = _("%(hours)s h %(minutes)s min left")
    overdue_format = _("overdue by %(hours)s h %(minutes)s min")
    seconds = (case.due_at - now).total_seconds()
    minutes = int(abs(seconds)) // 60
    params = {"hours": minutes // 60, "minutes": minutes % 60}
    overdue = seconds < 0
    return Clock(
        deadline=case.due_at.astimezone(datetime.UTC).isoformat(timespec="seconds"),
        now=now.astimezone(datetime.UTC).isoformat(timespec="seconds"),
        overdue=overdue,
        text=(overdue_format if overdue else left_format) % params,
        left_format=left_format,
        overdue_format=overdue_format,
    )
