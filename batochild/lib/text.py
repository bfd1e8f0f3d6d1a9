"""Vietnamese text helpers: normalisation and accent-free search keys."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """NFC and single spaces: Excel files and phones mix NFC and NFD Vietnamese."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def fold(text: str) -> str:
    """ "Nguyễn Thị Đới" → "nguyen thi doi": tones and marks stripped, đ → d, lower case.

    The search key of names; the same function folds the query, so both sides
    always agree.
    """
    decomposed = unicodedata.normalize("NFD", normalize(text))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("đ", "d").replace("Đ", "D").lower()


def fold_compact(text: str) -> str:
    """fold() without spaces, hyphens and apostrophes: "H're" = "Hrê" = "Hre"."""
    return re.sub(r"[\s\-'\u2019]", "", fold(text))
