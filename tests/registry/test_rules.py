"""Pure rules of the registry: ID number digits, folding, insurance expiry."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from batochild.lib.text import fold, fold_compact, normalize
from registry.insurance import under_six_card_expiry
from registry.validators import personal_id_problems, validate_personal_id_format

BORN = datetime.date(2017, 3, 14)


def test_a_good_personal_id_has_no_problem():
    assert personal_id_problems("051217000123", birth_date=BORN, sex="nam") == []
    assert personal_id_problems("051317000123", birth_date=BORN, sex="nu") == []


@pytest.mark.parametrize("value", ["05121700012", "0512170001234", "05121700012a", ""])
def test_a_personal_id_of_the_wrong_length_or_with_letters_is_refused(value):
    with pytest.raises(ValidationError, match="12"):
        validate_personal_id_format(value)


def test_the_sex_digit_must_match_the_sex():
    [problem] = personal_id_problems("051317000123", birth_date=BORN, sex="nam")
    assert "2" in problem
    assert "2017" in problem


def test_the_year_digits_must_match_the_birth_year():
    [problem] = personal_id_problems("051218000123", birth_date=BORN, sex="nam")
    assert "17" in problem


def test_a_child_of_unknown_sex_needs_a_digit_of_the_right_century():
    assert personal_id_problems("051317000123", birth_date=BORN, sex="khong_biet") == []
    assert personal_id_problems("051017000123", birth_date=BORN, sex="khong_biet")


def test_messages_are_in_vietnamese():
    from django.utils import translation

    with translation.override("vi"):
        [problem] = personal_id_problems("051317000123", birth_date=BORN, sex="nam")
    assert "Chữ số thứ 4" in problem


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Nguyễn Thị Đới", "nguyen thi doi"),
        ("ĐINH  VĂN   LÚA", "dinh van lua"),
        ("Phạm Thị Sương", "pham thi suong"),
    ],
)
def test_folding_strips_tones_and_d(text, key):
    assert fold(text) == key


def test_nfd_input_is_normalised_to_nfc():
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Đới")
    assert decomposed != "Nguyễn Thị Đới"
    assert normalize(decomposed) == "Nguyễn Thị Đới"
    assert fold(decomposed) == "nguyen thi doi"


def test_ethnic_spellings_fold_to_one_key():
    assert (
        fold_compact("H're")
        == fold_compact("Hrê")
        == fold_compact("H\u2019rê")
        == "hre"
    )


@pytest.mark.parametrize(
    ("born", "valid_until"),
    [
        (
            datetime.date(2020, 3, 15),
            datetime.date(2026, 9, 30),
        ),  # before 30/9: to 30/9
        (datetime.date(2020, 9, 30), datetime.date(2026, 9, 30)),
        (datetime.date(2020, 11, 10), datetime.date(2026, 11, 30)),  # after: month end
        (datetime.date(2020, 2, 29), datetime.date(2026, 9, 30)),
    ],
)
def test_under_six_cards_follow_the_law(born, valid_until):
    assert under_six_card_expiry(born) == valid_until
