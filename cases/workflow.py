"""States, moves and legal time limits: report triage and the NĐ 56/2017 case
workflow (Điều 25-32, DOMAIN.md §5.2). Pure: no database, no clock.

The Case model (next issue) stores `status` and `due_at`; "overdue" is derived
from `due_at`, never stored as a state.
"""

import datetime
import zoneinfo
from dataclasses import dataclass

from django.conf import settings

from batochild.lib.workdays import add_working_days
from cases.models import CaseStatus, IncidentReport

S = IncidentReport.Status

TRIAGE_MOVES: dict[str, frozenset[str]] = {
    S.NEW: frozenset({S.IN_REVIEW, S.REFERRED, S.DUPLICATE, S.DISMISSED}),
    S.IN_REVIEW: frozenset({S.REFERRED, S.DUPLICATE, S.DISMISSED}),
    S.REFERRED: frozenset(),
    S.DUPLICATE: frozenset({S.IN_REVIEW}),
    S.DISMISSED: frozenset({S.IN_REVIEW}),
}


def can_move(old: str, new: str) -> bool:
    """May a report go from `old` to `new`?"""
    return new in TRIAGE_MOVES.get(old, frozenset())


C = CaseStatus

CASE_MOVES: dict[str, frozenset[str]] = {
    C.RECEIVED: frozenset({C.INITIAL_ASSESSMENT, C.CLOSED}),
    C.INITIAL_ASSESSMENT: frozenset({C.EMERGENCY, C.DETAILED_ASSESSMENT, C.CLOSED}),
    C.EMERGENCY: frozenset({C.SEPARATION, C.DETAILED_ASSESSMENT}),
    C.SEPARATION: frozenset({C.DETAILED_ASSESSMENT}),
    C.DETAILED_ASSESSMENT: frozenset({C.PLANNING, C.CLOSED}),
    C.PLANNING: frozenset({C.AWAITING_APPROVAL}),
    C.AWAITING_APPROVAL: frozenset({C.IN_PROGRESS, C.PLANNING}),
    C.IN_PROGRESS: frozenset(
        {C.REVIEW, C.AWAITING_APPROVAL}
    ),  # adjustment → approve again
    # Đ30.1.c: still at risk or not stable → back to planning.
    C.REVIEW: frozenset({C.PLANNING, C.CLOSED}),
    C.CLOSED: frozenset({C.RECEIVED}),  # reopened
}


@dataclass(frozen=True)
class TimeLimit:
    """How long a step may take, where the law says so."""

    hours: int | None = None
    working_days: int | None = None
    article: str = ""


# The clock of each state starts when the case enters it, except the emergency
# steps, which run from receipt of the information (Đ26.3, Đ32.2: 12 hours).
TIME_LIMITS: dict[str, TimeLimit | None] = {
    C.RECEIVED: TimeLimit(hours=12, article="NĐ 56/2017 Điều 26.3"),
    C.INITIAL_ASSESSMENT: TimeLimit(hours=12, article="NĐ 56/2017 Điều 26.3"),
    C.EMERGENCY: TimeLimit(hours=12, article="NĐ 56/2017 Điều 31.2"),
    C.SEPARATION: TimeLimit(hours=15 * 24, article="NĐ 56/2017 Điều 32.3"),
    C.DETAILED_ASSESSMENT: TimeLimit(working_days=5, article="NĐ 56/2017 Điều 28.1"),
    C.PLANNING: TimeLimit(working_days=5, article="NĐ 56/2017 Điều 28.1"),
    C.AWAITING_APPROVAL: TimeLimit(working_days=2, article="NĐ 56/2017 Điều 28.4"),
    C.IN_PROGRESS: None,  # the plan's own end date
    C.REVIEW: None,
    C.CLOSED: None,
}
FROM_RECEIPT = frozenset({C.RECEIVED, C.INITIAL_ASSESSMENT, C.EMERGENCY})


def can_transition(old: str, new: str) -> bool:
    return new in CASE_MOVES.get(old, frozenset())


def due_at(
    status: str,
    *,
    entered_at: datetime.datetime,
    received_at: datetime.datetime,
    days_off=(),
    extra_working_days=(),
) -> datetime.datetime | None:
    """The deadline of `status`, or None where the law sets none."""
    limit = TIME_LIMITS[status]
    if limit is None:
        return None
    start = received_at if status in FROM_RECEIPT else entered_at
    if limit.hours is not None:
        return start + datetime.timedelta(hours=limit.hours)
    # Working days are Vietnamese calendar days: count from the local date and
    # end at 23:59:59 local time, whatever zone the stored datetime is in.
    return add_working_days(
        start.astimezone(zoneinfo.ZoneInfo(settings.TIME_ZONE)),
        limit.working_days,
        days_off=days_off,
        extra_working_days=extra_working_days,
    )
