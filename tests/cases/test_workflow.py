"""The NĐ 56 case workflow as data: every state has its moves and time limit."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from cases import workflow
from cases.workflow import CaseStatus as C

VN = ZoneInfo("Asia/Ho_Chi_Minh")
RECEIVED = datetime.datetime(2026, 6, 1, 8, tzinfo=VN)  # a Monday


def test_every_status_has_moves_and_a_time_limit_entry():
    for status in C:
        assert status in workflow.CASE_MOVES
        assert status in workflow.TIME_LIMITS
        assert all(target in C for target in workflow.CASE_MOVES[status])


def test_every_state_can_be_reached_from_received():
    seen, todo = {C.RECEIVED}, [C.RECEIVED]
    while todo:
        for nxt in workflow.CASE_MOVES[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    assert seen == set(C)


@pytest.mark.parametrize(
    ("old", "new", "allowed"),
    [
        (C.INITIAL_ASSESSMENT, C.EMERGENCY, True),
        (C.REVIEW, C.PLANNING, True),  # Đ30.1.c: back to planning
        (C.PLANNING, C.IN_PROGRESS, False),  # never without the chairman's approval
        (C.RECEIVED, C.IN_PROGRESS, False),
        (C.CLOSED, C.RECEIVED, True),  # reopen
    ],
)
def test_moves(old, new, allowed):
    assert workflow.can_transition(old, new) is allowed


def test_the_emergency_clock_runs_12_hours_from_receipt():
    entered = RECEIVED + datetime.timedelta(hours=3)
    due = workflow.due_at(C.EMERGENCY, entered_at=entered, received_at=RECEIVED)
    assert due == RECEIVED + datetime.timedelta(hours=12)


def test_the_plan_is_due_in_5_working_days_and_approval_in_2():
    planning = workflow.due_at(C.PLANNING, entered_at=RECEIVED, received_at=RECEIVED)
    assert planning.date() == datetime.date(2026, 6, 8)
    approval = workflow.due_at(
        C.AWAITING_APPROVAL,
        entered_at=datetime.datetime(2026, 4, 29, 10, tzinfo=VN),
        received_at=RECEIVED,
        days_off={datetime.date(2026, 4, 30), datetime.date(2026, 5, 1)},
    )
    assert approval.date() == datetime.date(2026, 5, 5)


def test_a_separation_lasts_at_most_15_days():
    due = workflow.due_at(C.SEPARATION, entered_at=RECEIVED, received_at=RECEIVED)
    assert due - RECEIVED == datetime.timedelta(days=15)


def test_steps_without_a_legal_limit_have_no_deadline():
    assert (
        workflow.due_at(C.IN_PROGRESS, entered_at=RECEIVED, received_at=RECEIVED)
        is None
    )
