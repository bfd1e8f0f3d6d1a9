"""Report triage states and the moves allowed between them (pure, no database).

The case workflow of NĐ 56 Điều 25-32 joins this module with its own issue.
"""

from cases.models import IncidentReport

S = IncidentReport.Status

TRIAGE_MOVES: dict[str, frozenset[str]] = {
    S.NEW: frozenset({S.IN_REVIEW, S.REFERRED, S.DUPLICATE, S.DISMISSED}),
    S.IN_REVIEW: frozenset({S.REFERRED, S.DUPLICATE, S.DISMISSED}),
    S.REFERRED: frozenset(),
    S.DUPLICATE: frozenset({S.IN_REVIEW}),
    S.DISMISSED: frozenset({S.IN_REVIEW}),
}


def can_move(old: str, new: str) -> bool:
    return new in TRIAGE_MOVES.get(old, frozenset())
