"""The columns of the commune's Excel list and the words accepted in each.

The file format is Vietnamese whatever the interface language: headers and
values are data exchanged with Excel, not interface text, so they are fixed
here rather than translated. The exporter writes the same words the importer
reads (`LABELS`), which is what lets an exported file be imported unchanged.

Headers and values are matched after `key()`: tones and marks stripped, đ → d,
lower case, and everything but letters and digits removed, so "Họ và tên",
"HO VA TEN" and "Họ  và tên:" are the same header.
"""

import re
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from batochild.lib.text import fold
from registry.models import Child, Sex


def key(text) -> str:
    """The matching key of a header or a value: folded, letters and digits only."""
    return re.sub(r"[^a-z0-9]", "", fold(str(text)))


@dataclass(frozen=True)
class Column:
    field: str  # name in the parsed row; a Child field, or code / estimated_age
    header: str  # the template's header, in Vietnamese
    label: Promise  # for the interface (the column mapping on the check page)
    synonyms: tuple[str, ...] = ()


# In the template's order. Synonyms are keys (see key()) of headers found in
# commune lists; the header's own key is always accepted.
COLUMNS = (
    Column("code", "Mã trẻ", _("Child code"), ("matreem", "ma", "id")),
    Column(
        "full_name",
        "Họ và tên",
        _("Full name"),
        ("hoten", "hotentre", "hovatentre", "hovatentreem", "hotentreem", "tentre"),
    ),
    Column(
        "birth_date",
        "Ngày sinh",
        _("Date of birth"),
        ("ngaythangnamsinh", "ngaythangsinh", "sinhngay", "ntns", "ngaysinhcuatre"),
    ),
    Column(
        "estimated_age",
        "Tuổi ước lượng",
        _("Estimated age"),
        ("uocluongtuoi", "tuoiuoctinh", "tuoi"),
    ),
    Column("sex", "Giới tính", _("Sex"), ("gioi", "namnu", "gt")),
    Column("ethnic_group", "Dân tộc", _("Ethnicity"), ("dt",)),
    Column(
        "personal_id",
        "Số định danh cá nhân",
        _("Personal ID number"),
        (
            "sodinhdanh",
            "madinhdanh",
            "madinhdanhcanhan",
            "dinhdanh",
            "sddcn",
            "cccd",
            "socccd",
            "cancuoc",
            "socancuoc",
            "socancuoccongdan",
        ),
    ),
    Column(
        "residential_group",
        "Thôn/Tổ dân phố",
        _("Residential group"),
        ("thon", "to", "todanpho", "tdp", "thonto", "thonxom", "xom", "thonban"),
    ),
    Column("classification", "Phân loại", _("Classification"), ("phanloaitre",)),
    Column(
        "insurance_card_number",
        "Số thẻ BHYT",
        _("Health-insurance card number"),
        ("thebhyt", "bhyt", "sobhyt", "mathebhyt", "sothebaohiemyte"),
    ),
    Column(
        "insurance_expiry",
        "Hạn thẻ BHYT",
        _("Card valid until"),
        ("hanbhyt", "hansudungthebhyt", "giatrisudungden", "ngayhethanbhyt"),
    ),
    Column(
        "birth_registered",
        "Đăng ký khai sinh",
        _("Birth registered"),
        ("khaisinh", "dadangkykhaisinh", "dkks"),
    ),
    Column(
        "school",
        "Tình trạng đi học",
        _("Schooling"),
        ("dihoc", "tinhtranghoctap", "hocvan", "trinhdohocvan"),
    ),
    Column("notes", "Ghi chú", _("Notes"), ("note", "ghichukhac")),
)
BY_FIELD = {c.field: c for c in COLUMNS}
DATE_FIELDS = ("birth_date", "insurance_expiry")
# A hint in brackets after a header ("Ngày sinh (dd/mm/yyyy)") is not part of it.
_HINT = re.compile(r"\(.*?\)|\[.*?\]|\*")


def _header_keys() -> dict[str, str]:
    found = {}
    for column in COLUMNS:
        for k in (key(column.header), *column.synonyms):
            found[k] = column.field
    return found


_HEADER_KEYS = _header_keys()


def field_of_header(header) -> str | None:
    """The field a header names, or None for a column to ignore."""
    if header is None:
        return None
    return _HEADER_KEYS.get(key(_HINT.sub("", str(header))))


# --- Values: the word written for each choice, and the words accepted. ---

SEX_LABELS = {Sex.MALE: "Nam", Sex.FEMALE: "Nữ", Sex.UNKNOWN: "Không biết"}
CLASSIFICATION_LABELS = {
    Child.Classification.HCDB: "HCĐB",
    Child.Classification.AT_RISK: "Nguy cơ",
    Child.Classification.OTHER: "Hoàn cảnh khác",
    Child.Classification.NONE: "",
}
SCHOOL_LABELS = {
    Child.School.NOT_YET: "Chưa đến tuổi đi học",
    Child.School.PRESCHOOL: "Mầm non",
    Child.School.PRIMARY: "Tiểu học",
    Child.School.LOWER_SECONDARY: "THCS",
    Child.School.UPPER_SECONDARY: "THPT",
    Child.School.DROPPED_OUT: "Bỏ học",
    Child.School.NEVER: "Chưa từng đi học",
    "": "",
}
YES_NO_LABELS = {True: "Có", False: "Không"}
LABELS = {
    "sex": SEX_LABELS,
    "classification": CLASSIFICATION_LABELS,
    "school": SCHOOL_LABELS,
    "birth_registered": YES_NO_LABELS,
}


def _vocabulary(labels: dict, extra: dict) -> dict:
    words = {key(label): value for value, label in labels.items() if label}
    words.update(extra)
    return words


VOCABULARY = {
    "sex": _vocabulary(
        SEX_LABELS,
        {
            "trai": Sex.MALE,
            "m": Sex.MALE,
            "male": Sex.MALE,
            "gai": Sex.FEMALE,
            "f": Sex.FEMALE,
            "female": Sex.FEMALE,
            "khongro": Sex.UNKNOWN,
            "chuaro": Sex.UNKNOWN,
        },
    ),
    "classification": _vocabulary(
        CLASSIFICATION_LABELS,
        {
            "hoancanhdacbiet": Child.Classification.HCDB,
            "treemcohoancanhdacbiet": Child.Classification.HCDB,
            "tecohcdb": Child.Classification.HCDB,
            "conguyco": Child.Classification.AT_RISK,
            "nguycohcdb": Child.Classification.AT_RISK,
            "nguycoroivaohcdb": Child.Classification.AT_RISK,
            "nguycoroivaohoancanhdacbiet": Child.Classification.AT_RISK,
            "treemconguycoroivaohoancanhdacbiet": Child.Classification.AT_RISK,
            "treemcohoancanhkhac": Child.Classification.OTHER,
            "hck": Child.Classification.OTHER,
            "khong": Child.Classification.NONE,
            "binhthuong": Child.Classification.NONE,
        },
    ),
    "school": _vocabulary(
        SCHOOL_LABELS,
        {
            "chuadentuoi": Child.School.NOT_YET,
            "maugiao": Child.School.PRESCHOOL,
            "nhatre": Child.School.PRESCHOOL,
            "cap1": Child.School.PRIMARY,
            "trunghoccoso": Child.School.LOWER_SECONDARY,
            "cap2": Child.School.LOWER_SECONDARY,
            "trunghocphothong": Child.School.UPPER_SECONDARY,
            "cap3": Child.School.UPPER_SECONDARY,
            "dabohoc": Child.School.DROPPED_OUT,
            "khongdihoc": Child.School.NEVER,
        },
    ),
    "birth_registered": _vocabulary(
        YES_NO_LABELS,
        {
            "x": True,
            "da": True,
            "roi": True,
            "dadangky": True,
            "1": True,
            "chua": False,
            "chuadangky": False,
            "0": False,
        },
    ),
}


def accepted_words(field: str) -> str:
    """The words to write in a column with fixed values, for error messages."""
    return ", ".join(label for label in LABELS[field].values() if label)
