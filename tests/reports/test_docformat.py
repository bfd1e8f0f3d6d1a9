"""The NĐ 30/2020 header lines (DOMAIN.md §10.3)."""

import datetime

from reports import docformat
from tests.factories import CommuneFactory


def test_days_below_ten_and_january_february_take_a_leading_zero():
    line = docformat.place_date_line("Ba Tơ", datetime.date(2025, 1, 5))
    assert line == "Ba Tơ, ngày 05 tháng 01 năm 2025"


def test_months_from_march_have_no_leading_zero():
    assert docformat.place_date_line("Ba Tơ", datetime.date(2025, 6, 15)).endswith(
        "ngày 15 tháng 6 năm 2025"
    )


def test_a_draft_leaves_day_and_month_blank_for_the_clerk():
    line = docformat.place_date_line("Ba Tơ", None, year=2026)
    assert line.startswith("Ba Tơ, ngày ")
    assert line.endswith("năm 2026")
    assert any(ch.isdigit() for ch in line[:-4]) is False


def test_the_number_has_a_leading_zero_and_no_spaces_in_the_symbol():
    assert docformat.number_line(5, "BC-UBND") == "Số: 05/BC-UBND"
    assert docformat.number_line(None, "KH-UBND").replace(" ", "") == "Số:/KH-UBND"


def test_the_issuing_body_is_the_people_committee_of_the_commune(db):
    commune = CommuneFactory.build(name="Ba Tơ", kind="xa")
    assert docformat.commune_issuing_body(commune) == ("ỦY BAN NHÂN DÂN", "XÃ BA TƠ")
