"""The forum's legal checks and the report deadlines, as pure functions."""

import datetime

import pytest

from campaigns import rules


def checks(**numbers) -> dict[str, bool]:
    base = {"children": 30, "supervisors": 6, "volunteers": 3, "guests": 10, "days": 1}
    return {c.code: c.ok for c in rules.forum_checks(**(base | numbers))}


def test_a_forum_at_the_limits_passes_every_check():
    assert all(checks().values())


@pytest.mark.parametrize(
    ("numbers", "failing"),
    [
        (
            {"children": 29, "supervisors": 6, "volunteers": 2, "guests": 9},
            "min_children",
        ),
        ({"supervisors": 5}, "supervisors"),  # 30 children need 6
        ({"volunteers": 4}, "volunteers"),  # 4 > 30 / 10
        ({"guests": 11}, "guests"),  # 11 > 30 / 3
        ({"days": 2}, "one_day"),
    ],
)
def test_each_rule_fails_alone(numbers, failing):
    result = checks(**numbers)
    assert [code for code, ok in result.items() if not ok] == [failing]


def test_ratios_are_compared_without_rounding():
    # 31 children: 7 supervisors (6 x 5 = 30 < 31), 3 volunteers, 10 guests.
    assert checks(children=31, supervisors=6)["supervisors"] is False
    assert checks(children=31, supervisors=7)["supervisors"] is True
    assert rules.supervisors_needed(31) == 7
    assert checks(children=31, guests=10)["guests"] is True


def test_a_forum_without_children_has_no_supervisor_ratio():
    assert checks(children=0, supervisors=0)["supervisors"] is False


def test_each_check_names_its_legal_source():
    for check in rules.forum_checks(
        children=0, supervisors=0, volunteers=0, guests=0, days=1
    ):
        assert check.source.startswith("TT 29/2019")


def test_report_deadlines(settings):
    assert rules.forum_report_due(datetime.date(2025, 6, 14)) == datetime.date(
        2025, 6, 29
    )
    assert rules.action_month_report_due(2025) == datetime.date(2025, 7, 20)
    settings.ACTION_MONTH_REPORT_DEADLINE = (7, 10)
    assert rules.action_month_report_due(2025) == datetime.date(2025, 7, 10)


@pytest.mark.parametrize(
    ("day", "ok"),
    [
        ((5, 24), False),
        ((5, 25), True),
        ((5, 31), True),
        ((6, 1), True),
        ((6, 2), False),
    ],
)
def test_the_launch_window_is_the_last_week_of_may_or_the_first_of_june(day, ok):
    assert rules.launch_in_window(datetime.date(2025, *day), 2025) is ok


def test_children_consent_from_seven():
    assert rules.needs_child_consent(6) is False
    assert rules.needs_child_consent(7) is True
