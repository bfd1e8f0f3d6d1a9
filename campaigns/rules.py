"""The legal rules of campaigns as pure functions: the Children's Forum checks
(Thông tư 29/2019), the result-report deadlines and the photo-consent age.

No queries here: callers pass the numbers, so every rule is tested alone.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Thông tư 29/2019/TT-BLĐTBXH (DOMAIN.md §7.1).
FORUM_MIN_CHILDREN = 30  # Điều 7.1.d: a commune forum gathers at least 30 children
CHILDREN_PER_SUPERVISOR = 5  # Điều 7: one supervisor for at most 5 children
VOLUNTEERS_PER_CHILDREN = 10  # Điều 7: volunteers at most 1/10 of the children
GUESTS_PER_CHILDREN = 3  # Điều 7: officials and guests at most 1/3 of the children
FORUM_DAYS = 1  # Điều 5.2.b: a commune forum lasts one day
FORUM_REPORT_DAYS = 15  # Điều 14.4: the result report within 15 days of the forum

# Luật Trẻ em Điều 6.11, NĐ 56/2017 Điều 36: from 7 the child consents too.
CHILD_CONSENT_AGE = 7

# Thông tư 28/2019 Điều 5: the Action Month's result report. Before 7/2025 to the
# district by 10 July; since the 2025 reform to the province, most likely by
# 20 July (DOMAIN.md §7, unverified): kept in settings, not in the code.
DEFAULT_ACTION_MONTH_REPORT_DEADLINE = (7, 20)


@dataclass(frozen=True)
class Check:
    """One rule of the forum, passed or not, with the article it comes from."""

    code: str
    ok: bool
    label: Promise
    source: str


def forum_checks(
    *,
    children: int,
    supervisors: int,
    volunteers: int,
    guests: int,
    days: int,
) -> list[Check]:
    """The forum's numbers against Thông tư 29/2019. Integer arithmetic: the
    ratios are compared without rounding."""
    return [
        Check(
            "min_children",
            children >= FORUM_MIN_CHILDREN,
            _("At least 30 children take part."),
            "TT 29/2019 Đ7.1.d",
        ),
        Check(
            "supervisors",
            children > 0 and supervisors * CHILDREN_PER_SUPERVISOR >= children,
            _("One supervisor for every 5 children or fewer."),
            "TT 29/2019 Đ7",
        ),
        Check(
            "volunteers",
            volunteers * VOLUNTEERS_PER_CHILDREN <= children,
            _("Volunteers are at most one tenth of the children."),
            "TT 29/2019 Đ7",
        ),
        Check(
            "guests",
            guests * GUESTS_PER_CHILDREN <= children,
            _("Officials and guests are at most one third of the children."),
            "TT 29/2019 Đ7",
        ),
        Check(
            "one_day",
            days == FORUM_DAYS,
            _("The forum lasts one day."),
            "TT 29/2019 Đ5.2.b",
        ),
    ]


def supervisors_needed(children: int) -> int:
    return -(-children // CHILDREN_PER_SUPERVISOR)


def forum_report_due(ends_on: datetime.date) -> datetime.date:
    return ends_on + datetime.timedelta(days=FORUM_REPORT_DAYS)


def action_month_report_due(year: int) -> datetime.date:
    month, day = getattr(
        settings,
        "ACTION_MONTH_REPORT_DEADLINE",
        DEFAULT_ACTION_MONTH_REPORT_DEADLINE,
    )
    return datetime.date(year, month, day)


def launch_in_window(launch_on: datetime.date, year: int) -> bool:
    """Thông tư 28/2019 Điều 2.2: the Action Month is launched "in the last week
    of May or on 1 June"."""
    return datetime.date(year, 5, 25) <= launch_on <= datetime.date(year, 6, 1)


def needs_child_consent(age: int) -> bool:
    return age >= CHILD_CONSENT_AGE
