"""Children in special circumstances (trẻ em có hoàn cảnh đặc biệt).

Pure data, no models: the 14 groups of Luật Trẻ em 2016 Điều 10 khoản 1 and
their sub-groups from Nghị định 56/2017/NĐ-CP Điều 3 to 16, as transcribed in
DOMAIN.md §2 (verbatim, checked against the PĐ-TE source) and sketched in §16.

Labels are English msgids, following the project's convention; the Vietnamese
wording is the legal text itself and lives in the translation catalogue
(locale/vi), so the law's exact phrasing reaches the user without hard-coding
Vietnamese here. Group labels use the English glosses of the DOMAIN.md §2 table;
sub-group labels are short English renderings of the decree's sentences.

A child may belong to several groups, and each group has its own sub-groups, so
a model stores the group and the sub-group as two choices and checks that the
sub-group belongs to the group (`group_of_subgroup`).
"""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class CircumstanceGroup(models.TextChoices):
    """The 14 groups, in the order of Luật Trẻ em Điều 10 khoản 1 (points a to o)."""

    MO_COI = "MO_COI", _("Orphaned of both parents")
    BI_BO_ROI = "BI_BO_ROI", _("Abandoned")
    KHONG_NOI_NUONG_TUA = "KHONG_NOI_NUONG_TUA", _("Without anyone to rely on")
    KHUYET_TAT = "KHUYET_TAT", _("With disabilities")
    HIV_AIDS = "HIV_AIDS", _("Living with HIV/AIDS")
    VI_PHAM_PHAP_LUAT = "VI_PHAM_PHAP_LUAT", _("In conflict with the law")
    NGHIEN_MA_TUY = "NGHIEN_MA_TUY", _("Drug-addicted")
    BO_HOC_KIEM_SONG = (
        "BO_HOC_KIEM_SONG",
        _("Dropped out to earn a living before completing lower-secondary"),
    )
    TON_HAI_DO_BAO_LUC = (
        "TON_HAI_DO_BAO_LUC",
        _("Seriously harmed physically and mentally by violence"),
    )
    BI_BOC_LOT = "BI_BOC_LOT", _("Exploited")
    BI_XAM_HAI_TINH_DUC = "BI_XAM_HAI_TINH_DUC", _("Sexually abused")
    BI_MUA_BAN = "BI_MUA_BAN", _("Trafficked")
    BENH_HIEM_NGHEO_HO_NGHEO = (
        "BENH_HIEM_NGHEO_HO_NGHEO",
        _("With a fatal or long-term illness, in a poor or near-poor household"),
    )
    DI_CU_LANH_NAN = (
        "DI_CU_LANH_NAN",
        _("Migrant, displaced or refugee, parents unidentified or without a caregiver"),
    )


G = CircumstanceGroup


@dataclass(frozen=True)
class GroupInfo:
    """Where a group sits in the law: official reports cite "điểm k khoản 1 Điều 10"."""

    code: str
    letter: str  # point of Luật Trẻ em Điều 10 khoản 1
    article: int  # article of NĐ 56/2017 that defines the sub-groups
    label: Promise


# The Vietnamese alphabet has "đ" and no "f" or "j", so the points run
# a, b, c, d, đ, e, g, h, i, k, l, m, n, o; NĐ 56 gives one article per group,
# Điều 3 to Điều 16 in the same order.
_LETTERS = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o")

GROUPS: dict[str, GroupInfo] = {
    group.value: GroupInfo(group.value, letter, article, group.label)
    for article, (group, letter) in enumerate(
        zip(CircumstanceGroup, _LETTERS, strict=True), start=3
    )
}


@dataclass(frozen=True)
class SubGroup:
    code: str
    group: str
    label: Promise


def _numbered(group: str, *labels: Promise) -> tuple[SubGroup, ...]:
    """Sub-groups coded <GROUP>_1, <GROUP>_2, … in the decree's order."""
    group = CircumstanceGroup(group).value  # plain str, and a typo fails at import
    return tuple(
        SubGroup(f"{group}_{n}", group, label) for n, label in enumerate(labels, 1)
    )


# In the decree, "cơ sở giáo dục bắt buộc" and "cơ sở cai nghiện bắt buộc" are the
# compulsory education and compulsory drug-rehabilitation facilities.
SUBGROUPS: dict[str, tuple[SubGroup, ...]] = {
    G.MO_COI.value: _numbered(
        G.MO_COI,
        _("Orphaned of both parents, with no caregiver"),
        _(
            "Orphaned of both parents, cared for in a child protection service "
            "facility or a social assistance facility"
        ),
        _("Orphaned of both parents, living with relatives"),
        _(
            "Orphaned of both parents, in alternative care with a non-relative "
            "person or family, except by adoption"
        ),
    ),
    G.BI_BO_ROI.value: _numbered(
        G.BI_BO_ROI,
        _("Abandoned, not yet in alternative care"),
        _("Abandoned, in alternative care"),
    ),
    G.KHONG_NOI_NUONG_TUA.value: _numbered(
        G.KHONG_NOI_NUONG_TUA,
        _("One parent dead and the other legally declared missing"),
        _(
            "One parent dead and the other cared for in a social assistance "
            "facility or no longer able to provide care"
        ),
        _(
            "One parent dead and the other serving a prison sentence or placed in a "
            "compulsory education or drug rehabilitation facility"
        ),
        _("Both parents legally declared missing"),
        _(
            "One parent legally declared missing and the other cared for in a "
            "social assistance facility"
        ),
        _(
            "One parent legally declared missing and the other serving a prison "
            "sentence or placed in a compulsory education or drug rehabilitation "
            "facility"
        ),
        _("Both parents no longer able to care for the child"),
        _("Both parents cared for in a social assistance facility"),
        _(
            "Both parents serving prison sentences or placed in a compulsory "
            "education or drug rehabilitation facility"
        ),
        _(
            "One parent cared for in a social assistance facility and the other "
            "serving a prison sentence or placed in a compulsory education or drug "
            "rehabilitation facility"
        ),
        _("Living in a family where both parents are themselves children"),
        _(
            "Both parents' parental rights restricted, or temporarily separated "
            "from a parent by law"
        ),
    ),
    # The same three severity levels as the Law on Persons with Disabilities
    # (DOMAIN.md §14.2); worded "With …" so the msgids stay distinct from a
    # severity enum's labels, whose Vietnamese lacks "Trẻ em".
    G.KHUYET_TAT.value: _numbered(
        G.KHUYET_TAT,
        _("With an especially severe disability"),
        _("With a severe disability"),
        _("With a mild disability"),
    ),
    G.HIV_AIDS.value: _numbered(
        G.HIV_AIDS,
        _("Living with HIV/AIDS, as defined by law"),
    ),
    G.VI_PHAM_PHAP_LUAT.value: _numbered(
        G.VI_PHAM_PHAP_LUAT,
        _(
            "Under administrative education in the commune or placed in a reform "
            "school, or under family supervision in lieu of an administrative "
            "sanction"
        ),
        _(
            "Without a stable residence, under administrative education in the "
            "commune, a child protection service facility or a social assistance "
            "facility"
        ),
        _(
            "Under judicial education in the commune or placed in a reform school, "
            "or sentenced to non-custodial reform or a prison term, suspended or not"
        ),
        _("Has completed a prison term or a reform school placement"),
    ),
    G.NGHIEN_MA_TUY.value: _numbered(
        G.NGHIEN_MA_TUY,
        _("Drug-addicted, in a rehabilitation facility"),
        _("Drug-addicted, in treatment at home or in the community"),
    ),
    G.BO_HOC_KIEM_SONG.value: _numbered(
        G.BO_HOC_KIEM_SONG,
        _("Dropped out to earn a living, with no caregiver"),
        _("Dropped out to earn a living, living with parents or a caregiver"),
    ),
    G.TON_HAI_DO_BAO_LUC.value: _numbered(
        G.TON_HAI_DO_BAO_LUC,
        _(
            "Violence causing a mental or behavioural disorder, or limiting "
            "communication, learning or daily self-care, as concluded by an "
            "assessment body, a health facility or a qualified professional"
        ),
    ),
    # Items 2 to 5 share the decree's stem "rủ rê, xúi giục, kích động, lợi dụng,
    # lôi kéo, dụ dỗ, ép buộc", rendered "lured or forced".
    G.BI_BOC_LOT.value: _numbered(
        G.BI_BOC_LOT,
        _("Forced to work in breach of labour law"),
        _(
            "Lured or forced into pornographic performances or the production of "
            "pornography"
        ),
        _(
            "Lured or forced into tourism activities and sexually abused; given, "
            "received or supplied for prostitution"
        ),
        _(
            "Lured or forced into transporting, trading, producing or storing "
            "addictive substances or other prohibited goods"
        ),
        _("Lured or forced into other activities for someone else's profit"),
    ),
    # Named codes, not numbers: this tuple doubles as the sexual-abuse sub-type
    # enum of DOMAIN.md §2.1. The terms are criminal-law offences, so the English
    # is only a gloss; the Vietnamese term is what counts.
    G.BI_XAM_HAI_TINH_DUC.value: tuple(
        SubGroup(code, G.BI_XAM_HAI_TINH_DUC.value, label)
        for code, label in (
            ("HIEP_DAM", _("Raped")),
            ("CUONG_DAM", _("Coerced into sexual intercourse")),
            ("GIAO_CAU", _("Subjected to unlawful sexual intercourse")),
            ("DAM_O", _("Sexually molested")),
            (
                "MAI_DAM_KHIEU_DAM",
                _("Used for prostitution or pornography in any form"),
            ),
        )
    ),
    G.BI_MUA_BAN.value: _numbered(
        G.BI_MUA_BAN,
        _("Trafficked, returned to live with parents"),
        _("Trafficked, returned and placed in alternative care"),
    ),
    G.BENH_HIEM_NGHEO_HO_NGHEO.value: _numbered(
        G.BENH_HIEM_NGHEO_HO_NGHEO,
        _("In a poor household, with a fatal or long-term illness"),
        _("In a near-poor household, with a fatal or long-term illness"),
    ),
    G.DI_CU_LANH_NAN.value: _numbered(
        G.DI_CU_LANH_NAN,
        _(
            "Vietnamese citizen, migrant or displaced within the country, parents "
            "unidentified or without a caregiver"
        ),
        _("Foreign national, migrant, displaced or refugee, without a caregiver"),
        _(
            "Nationality undetermined, parents unidentified or without a caregiver, "
            "migrant, displaced or refugee into Vietnam"
        ),
    ),
}

SUBGROUP_CHOICES: list[tuple[str, Promise]] = [
    (sub.code, sub.label) for subs in SUBGROUPS.values() for sub in subs
]

_GROUP_OF_SUBGROUP: dict[str, str] = {
    sub.code: group for group, subs in SUBGROUPS.items() for sub in subs
}

# NĐ 56 Điều 11 defines this group by the harm violence caused "theo kết luận của
# cơ quan giám định, cơ sở khám bệnh, chữa bệnh hoặc người có chuyên môn", so a
# child can only be placed in it on the strength of that expert conclusion.
REQUIRES_EXPERT_CONCLUSION = frozenset({"TON_HAI_DO_BAO_LUC"})


def subgroups_of(group: str) -> tuple[SubGroup, ...]:
    """The sub-groups of a group, in the decree's order; () for an unknown code."""
    return SUBGROUPS.get(group, ())


def group_of_subgroup(code: str) -> str | None:
    """The group a sub-group code belongs to, or None if the code is unknown."""
    return _GROUP_OF_SUBGROUP.get(code)
