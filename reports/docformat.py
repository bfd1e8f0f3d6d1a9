"""The administrative document format of NĐ 30/2020/NĐ-CP (DOMAIN.md §10).

Pure helpers that turn a commune and a date into the header lines every
official document carries. No database access here.
"""

import datetime
from dataclasses import dataclass, field

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"

KIND_WORDS = {
    "xa": "XÃ",
    "phuong": "PHƯỜNG",
    "dac_khu": "ĐẶC KHU",
    "thi_tran": "THỊ TRẤN",
}


def place_date_line(
    place: str, date: datetime.date | None, *, year: int | None = None
) -> str:
    """ "Ba Tơ, ngày 05 tháng 01 năm 2025" (Phụ lục I: days below 10 and months
    1 and 2 take a leading zero). Without a date the day and month stay blank for
    the clerk to fill in at issue, as drafts do."""
    if date is None:
        return f"{place}, ngày      tháng      năm {year or ''}".rstrip()
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"{place}, ngày {date.day:02d} tháng {month} năm {date.year}"


def number_line(number: int | None, symbol: str) -> str:
    """ "Số: 05/BC-UBND"; blank before the number is given at issue (NĐ 30 Đ15)."""
    if number is None:
        return f"Số:       /{symbol}"
    return f"Số: {number:02d}/{symbol}"


@dataclass(frozen=True)
class DocumentHeader:
    issuing_body: tuple[str, ...]
    number: str
    place_date: str
    national_title: str = NATIONAL_TITLE
    national_motto: str = NATIONAL_MOTTO


@dataclass(frozen=True)
class SignatureBlock:
    authority: tuple[str, ...]
    signer_name: str


@dataclass(frozen=True)
class OfficialDocument:
    header: DocumentHeader
    type_name: str
    summary: str
    signature: SignatureBlock
    recipients: tuple[str, ...] = field(default_factory=tuple)


def commune_issuing_body(commune) -> tuple[str, ...]:
    """ "ỦY BAN NHÂN DÂN / XÃ BA TƠ": one issuing body written on two lines."""
    return (
        "ỦY BAN NHÂN DÂN",
        f"{KIND_WORDS.get(commune.kind, 'XÃ')} {commune.name.upper()}",
    )
