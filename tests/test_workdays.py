"""Working-day arithmetic for the NĐ 56 deadlines."""

import datetime
from zoneinfo import ZoneInfo

from batochild.lib.workdays import add_working_days, is_working_day

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(y, m, d, h=9):
    return datetime.datetime(y, m, d, h, tzinfo=VN)


def test_five_working_days_from_a_monday_end_on_monday_next_week():
    assert add_working_days(at(2026, 6, 1), 5).date() == datetime.date(2026, 6, 8)


def test_weekends_do_not_count():
    # Friday + 2 working days = Tuesday.
    assert add_working_days(at(2026, 6, 5), 2).date() == datetime.date(2026, 6, 9)


def test_public_holidays_do_not_count():
    # 30/4 and 1/5/2026 are Thursday and Friday.
    days_off = {datetime.date(2026, 4, 30), datetime.date(2026, 5, 1)}
    end = add_working_days(at(2026, 4, 29), 2, days_off=days_off)
    assert end.date() == datetime.date(2026, 5, 5)


def test_a_swapped_saturday_is_a_working_day():
    saturday = datetime.date(2026, 1, 10)  # worked in exchange for Friday 2/1/2026
    assert is_working_day(saturday, extra_working_days={saturday})
    end = add_working_days(at(2026, 1, 9), 1, extra_working_days={saturday})
    assert end.date() == saturday


def test_the_deadline_is_the_end_of_the_day_in_vietnam_time():
    end = add_working_days(at(2026, 6, 1), 1)
    assert (end.hour, end.minute, end.tzinfo) == (23, 59, VN)


def test_the_official_calendar_is_loaded_and_used(db):
    from registry.selectors import working_calendar

    days_off, extra = working_calendar()
    assert datetime.date(2026, 9, 2) in days_off  # Quốc khánh
    assert datetime.date(2026, 2, 17) in days_off  # mùng 1 Tết Bính Ngọ
    # Tết 2026 (14/2-22/2): 5 working days from Friday 13/2 end on Friday 27/2.
    end = add_working_days(
        at(2026, 2, 13), 5, days_off=days_off, extra_working_days=extra
    )
    assert end.date() == datetime.date(2026, 2, 27)
