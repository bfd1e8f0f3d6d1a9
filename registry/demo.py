"""Invented demo data: xã Ba Tơ and a second commune, their people and children.

Every person here is invented. Idempotent: places and people are matched on
natural keys, and a commune that already has children gets no demo children,
so running it twice changes nothing.
"""

import datetime
import random
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from accounts.models import Assignment, Organisation, Role, User
from accounts.services import audit_record
from batochild.lib.text import normalize
from registry import services
from registry.insurance import under_six_card_expiry
from registry.models import (
    Caregiver,
    Child,
    ChildEvent,
    Commune,
    EthnicGroup,
    Household,
    ResidentialGroup,
    RiskCategory,
    Sex,
    SpecialCircumstance,
)

DEMO_PASSWORD = "batochild-demo"  # noqa: S105 - demo accounts on a developer machine

BA_TO = "21484"
BA_VI = "21529"
GROUPS = {
    BA_TO: [
        ("Tổ dân phố 1", ResidentialGroup.Kind.TO_DAN_PHO),
        ("Tổ dân phố 2", ResidentialGroup.Kind.TO_DAN_PHO),
        ("Tổ dân phố 3", ResidentialGroup.Kind.TO_DAN_PHO),
        ("Tổ dân phố 4", ResidentialGroup.Kind.TO_DAN_PHO),
        ("Thôn Ba Cung 1", ResidentialGroup.Kind.THON),
        ("Thôn Ba Bích 1", ResidentialGroup.Kind.THON),
    ],
    BA_VI: [
        ("Thôn 1", ResidentialGroup.Kind.THON),
        ("Thôn 2", ResidentialGroup.Kind.THON),
    ],
}
# (username, full name, role, commune code, group name or None)
PEOPLE = [
    ("canbo", "Nguyễn Thị Hồng Nhung", Role.OFFICER, BA_TO, None),
    ("chutich", "Phạm Văn Tâm", Role.CHAIRMAN, BA_TO, None),
    ("totruong1", "Đinh Văn Lúa", Role.GROUP_LEADER, BA_TO, "Tổ dân phố 1"),
    ("totruong2", "Phạm Thị Sương", Role.GROUP_LEADER, BA_TO, "Tổ dân phố 2"),
    ("tramyte", "Trần Thị Mai", Role.PARTNER, BA_TO, None),
    ("vanthu", "Lê Thị Thu", Role.CLERK, BA_TO, None),
    ("tinh", "Võ Minh Quang", Role.PROVINCE_VIEWER, None, None),
    ("quantri", "Huỳnh Văn Bình", Role.ADMIN, BA_TO, None),
    ("canbo.bavi", "Đinh Thị Hoa", Role.OFFICER, BA_VI, None),
]


@transaction.atomic
def demo_seed_places_and_people() -> None:
    communes = {c.admin_code: c for c in Commune.objects.filter(admin_code__in=GROUPS)}
    for commune in communes.values():
        commune.terrain = Commune.Terrain.MIEN_NUI_HAI_DAO_DBKK  # former huyện Ba Tơ
        commune.save(update_fields=["terrain"])
    groups = {}
    for code, rows in GROUPS.items():
        for name, kind in rows:
            group, _ = ResidentialGroup.objects.get_or_create(
                commune=communes[code], name=name, defaults={"kind": kind}
            )
            groups[name, code] = group
    for username, full_name, role, code, group_name in PEOPLE:
        user, created = User.objects.get_or_create(
            username=username, defaults={"full_name": full_name}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.is_staff = user.is_superuser = role == Role.ADMIN
            user.save()
        assignment, _ = Assignment.objects.get_or_create(
            user=user,
            role=role,
            commune=communes[code] if code else None,
            province=communes[BA_TO].province if code is None else None,
            residential_group=groups[group_name, code] if group_name else None,
        )
        if role == Role.PARTNER and not assignment.organisation:
            # The demo partner is the health station: it receives referrals.
            assignment.organisation = Organisation.HEALTH_STATION
            assignment.save(update_fields=["organisation"])


def demo_logins() -> list[tuple[str, str]]:
    """(username, role label) for the start-up banner."""
    return [(username, str(role.label)) for username, _, role, _, _ in PEOPLE]


# Children ------------------------------------------------------------------

DEMO_SEED = 2024  # the year of the seed plan; any fixed value keeps the data stable
KINH, HRE = "01", "19"  # ethnic group codes of registry/data/ethnic_groups.csv
# (children, share of H're families) per group: the old thị trấn is mostly Kinh,
# the villages of the former xã Ba Cung, Ba Bích and Ba Vì mostly H're.
CHILDREN = {
    BA_TO: {
        "Tổ dân phố 1": (45, 0.25),
        "Tổ dân phố 2": (45, 0.25),
        "Tổ dân phố 3": (45, 0.3),
        "Tổ dân phố 4": (45, 0.35),
        "Thôn Ba Cung 1": (60, 0.9),
        "Thôn Ba Bích 1": (60, 0.9),
    },
    BA_VI: {"Thôn 1": (20, 0.85), "Thôn 2": (20, 0.85)},
}
OFFICERS = {BA_TO: "canbo", BA_VI: "canbo.bavi"}
# Births before the July 2025 merger were registered by the former units (DOMAIN.md §12).
MERGER_DAY = datetime.date(2025, 7, 1)
FORMER_REGISTRARS = {
    "Thôn Ba Cung 1": "UBND xã Ba Cung",
    "Thôn Ba Bích 1": "UBND xã Ba Bích",
    BA_TO: "UBND thị trấn Ba Tơ",
    BA_VI: "UBND xã Ba Vì",
}

KINH_FAMILY = (
    *("Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Huỳnh"),
    *("Võ", "Phan", "Trương", "Bùi", "Đặng", "Đỗ", "Ngô", "Hồ", "Dương", "Đinh"),
)
# The family names most H're families of Ba Tơ carry.
HRE_FAMILY = ("Đinh", "Đinh", "Đinh", "Phạm", "Phạm", "Hồ")
MIDDLE = {
    (KINH, "nam"): ("Văn", "Minh", "Quốc", "Đức", "Hữu", "Thanh", "Gia", "Công"),
    (KINH, "nu"): ("Thị", "Thị", "Ngọc", "Thu", "Bảo", "Khánh", "Mỹ", "Kim"),
    (HRE, "nam"): ("Văn",),
    (HRE, "nu"): ("Thị",),
}
GIVEN = {
    (KINH, "nam"): (
        *("An", "Bảo", "Bình", "Cường", "Dũng", "Duy", "Hải", "Hiếu", "Hoàng"),
        *("Huy", "Khang", "Khoa", "Kiên", "Long", "Lộc", "Nam", "Nhân", "Phát"),
        *("Phúc", "Quân", "Sơn", "Tài", "Thắng", "Thịnh", "Toàn", "Trí", "Tuấn"),
    ),
    (KINH, "nu"): (
        *("Anh", "Ánh", "Châu", "Chi", "Diệp", "Dung", "Giang", "Hà", "Hân"),
        *("Hằng", "Hoa", "Hương", "Lan", "Linh", "My", "Ngân", "Nhi", "Oanh"),
        *("Phương", "Quyên", "Thảo", "Thư", "Trang", "Trâm", "Uyên", "Vy", "Yến"),
    ),
    (HRE, "nam"): (
        *("Rết", "Lúa", "Rin", "Ních", "Pô", "Lăng", "Kheo", "Rô", "Bưng", "Chênh"),
        *("Trá", "Gió", "Núi", "Suối", "Bắp", "Rai", "Nhe", "Vé", "Hơn", "Liếp"),
        *("Đước", "Nhóc", "Tiêng", "Mil", "Xoài", "Rớ", "Xăng", "Đen", "Rằng"),
        *("Nhiêu", "Sơ", "Ri", "Bốn", "Mười", "Vang", "Hùng", "Chiến", "Tới"),
    ),
    (HRE, "nu"): (
        *("Sương", "Nhiên", "Mưa", "Thơm", "Nghé", "Xiêm", "Lụa", "Sim", "Rớt"),
        *("Bông", "Trăng", "Rơ", "Hiền", "Mây", "Nhé", "Vin", "Pia", "Nương"),
        *("Lanh", "Bưởi", "Nhứt", "Nhang", "Ngọt", "Thắm", "Mận", "Đào", "Mến"),
        *("Nhàn", "Xinh", "Rân", "Tím", "Hạnh", "Bé", "Lý", "Vé", "Nga"),
    ),
}
# The signatory of the seed plan and the demo logins: never given to an invented child or parent.
RESERVED_NAMES = frozenset({"Phạm Thị Đới", *(person[1] for person in PEOPLE)})

Relation = Caregiver.Relation
# Children no parent cares for, each in a household of their own with the carer
# the sub-group describes: (group, sub-group, carer, ages, only the age is known).
WITHOUT_PARENTS = [
    ("MO_COI", "MO_COI_3", Relation.GRANDPARENT, (3, 15), False),
    ("KHONG_NOI_NUONG_TUA", "KHONG_NOI_NUONG_TUA_7", Relation.RELATIVE, (2, 15), False),
    ("MO_COI", "MO_COI_4", Relation.ALTERNATIVE, (1, 10), False),
    ("BI_BO_ROI", "BI_BO_ROI_2", Relation.ALTERNATIVE, (0, 4), True),
    (
        "KHONG_NOI_NUONG_TUA",
        "KHONG_NOI_NUONG_TUA_3",
        Relation.GRANDPARENT,
        (4, 15),
        False,
    ),
    ("DI_CU_LANH_NAN", "DI_CU_LANH_NAN_1", None, (9, 15), True),
]
# Circumstances of children living with their parents: (group, sub-group, ages,
# sex or None). The illness sub-group follows the household's poverty status.
WITH_PARENTS = [
    ("BO_HOC_KIEM_SONG", "BO_HOC_KIEM_SONG_2", (12, 15), None),
    ("BENH_HIEM_NGHEO_HO_NGHEO", "", (0, 15), None),
    ("BENH_HIEM_NGHEO_HO_NGHEO", "", (0, 15), None),
    ("BO_HOC_KIEM_SONG", "BO_HOC_KIEM_SONG_2", (12, 15), None),
    ("HIV_AIDS", "HIV_AIDS_1", (2, 15), None),
    ("VI_PHAM_PHAP_LUAT", "VI_PHAM_PHAP_LUAT_1", (14, 15), Sex.MALE),
    ("NGHIEN_MA_TUY", "NGHIEN_MA_TUY_2", (14, 15), Sex.MALE),
    ("TON_HAI_DO_BAO_LUC", "TON_HAI_DO_BAO_LUC_1", (6, 15), None),
    ("BI_BOC_LOT", "BI_BOC_LOT_1", (12, 15), None),
    ("BI_XAM_HAI_TINH_DUC", "DAM_O", (8, 15), Sex.FEMALE),
    ("BI_MUA_BAN", "BI_MUA_BAN_1", (13, 15), Sex.FEMALE),
]
SUPPORT = {
    "MO_COI": "Trợ cấp xã hội hằng tháng; miễn học phí",
    "BI_BO_ROI": "Chăm sóc thay thế tại gia đình nhận chăm sóc; cấp thẻ BHYT",
    "KHONG_NOI_NUONG_TUA": "Trợ cấp xã hội hằng tháng",
    "KHUYET_TAT": "Trợ cấp theo mức độ khuyết tật; phục hồi chức năng tại trạm y tế",
    "HIV_AIDS": "Điều trị ARV tại Trung tâm Y tế khu vực; tư vấn cho gia đình",
    "VI_PHAM_PHAP_LUAT": "Giáo dục tại xã; tư vấn tâm lý",
    "NGHIEN_MA_TUY": "Cai nghiện tại gia đình, cộng đồng",
    "BO_HOC_KIEM_SONG": "Vận động trở lại lớp; hỗ trợ sách vở, đồ dùng học tập",
    "TON_HAI_DO_BAO_LUC": "Tư vấn, trị liệu tâm lý; theo dõi tại gia đình",
    "BI_BOC_LOT": "Đưa trẻ về với gia đình; nhắc nhở người sử dụng lao động",
    "BI_XAM_HAI_TINH_DUC": "Hỗ trợ y tế, tư vấn tâm lý, trợ giúp pháp lý",
    "BI_MUA_BAN": "Hỗ trợ tái hòa nhập cộng đồng",
    "BENH_HIEM_NGHEO_HO_NGHEO": "Hỗ trợ chi phí điều trị từ Quỹ Bảo trợ trẻ em",
    "DI_CU_LANH_NAN": "Bố trí chỗ ở tạm; xác minh nhân thân, tìm gia đình",
}
EXPERT_CONCLUSION = "Kết luận số 07/KL-TTYT của Trung tâm Y tế khu vực Ba Tơ"
LEVEL_SUBGROUP = {
    Child.DisabilityLevel.PROFOUND: "KHUYET_TAT_1",
    Child.DisabilityLevel.SEVERE: "KHUYET_TAT_2",
    Child.DisabilityLevel.MILD: "KHUYET_TAT_3",
}
ARCHIVE_REASONS = {
    Child.Status.MOVED: (
        "Chuyển theo gia đình đến xã Ba Động",
        "Theo cha mẹ vào Thành phố Hồ Chí Minh làm ăn",
        "Chuyển đến ở với ông bà tại phường Cẩm Thành",
    ),
    Child.Status.DECEASED: ("Mất do bệnh", "Tai nạn đuối nước"),
}
# Card number prefixes (benefit group, level) by source, then the province code.
CARD_PREFIX = {
    Child.InsuranceSource.UNDER_SIX: "TE1",
    Child.InsuranceSource.HCDB: "BT1",
    Child.InsuranceSource.POOR: "HN2",
    Child.InsuranceSource.ETHNIC: "DT2",
    Child.InsuranceSource.STUDENT: "HS4",
    Child.InsuranceSource.HOUSEHOLD: "GD4",
}
RiskLink = Child.risk_categories.through
# Checked by the database on insert; full_clean() would spend a query on each.
RELATED_FIELDS = [
    "commune",
    "residential_group",
    "household",
    "ethnic_group",
    "created_by",
]
DAYS_BEFORE_16 = 16 * 365  # the oldest a child can be and still be under 16
DAYS_OVER_16 = 16 * 366  # older than 16 whatever the leap years


@dataclass
class _Family:
    group: ResidentialGroup
    ethnic: str
    name: str  # the family name the children carry
    poverty: str
    carers: list[tuple[str, str]]  # (full name, relation)
    household: Household | None = None  # written before the children


@dataclass
class _Kid:
    family: _Family
    full_name: str
    sex: str
    birth_date: datetime.date
    estimated: bool = False
    circumstances: list[dict] = field(default_factory=list)
    classification: str = Child.Classification.NONE
    risks: list[RiskCategory] = field(default_factory=list)
    disabilities: list[str] = field(default_factory=list)
    disability_level: str = ""
    school: str = ""
    insurance: str = "card"  # or "missing", "expiring", "expired"
    archive: tuple[str, datetime.date, str] | None = None  # (status, on, reason)


@transaction.atomic
def demo_seed_children(*, today: datetime.date | None = None) -> int:
    """Invent ≈300 children in xã Ba Tơ and ≈40 in xã Ba Vì; return how many.

    Deterministic for a given day: a fixed random seed, ages counted back from
    `today`. A commune that already has children (demo or real, even
    soft-deleted) is left alone, so a second run creates nothing. Search keys
    and timelines are those the registry services give; the audit log gets one
    entry per commune seeded, as no person entered these children.
    """
    today = today or timezone.localdate()
    created = 0
    for code, sizes in CHILDREN.items():
        # Locked: a second seed running at the same time waits, then finds children.
        commune = Commune.objects.select_for_update().filter(admin_code=code).first()
        if commune is None or Child.all_objects.filter(commune=commune).exists():
            continue
        created += _CommuneSeed(commune, sizes, today, full=code == BA_TO).run()
    return created


class _CommuneSeed:
    """One commune's children: planned in memory, then written in bulk.

    `full` asks for every one of the 14 circumstance groups; the second
    commune gets a few, enough to show that its officer sees only its own.
    """

    def __init__(self, commune, sizes, today, *, full: bool) -> None:
        self.commune, self.sizes, self.today, self.full = commune, sizes, today, full
        # Invented data, not secrets: a seeded generator keeps it reproducible.
        self.rng = random.Random(f"{DEMO_SEED}-{commune.admin_code}")  # noqa: S311
        self.groups = {
            g.name: g for g in ResidentialGroup.objects.filter(commune=commune)
        }
        self.actor = User.objects.filter(username=OFFICERS[commune.admin_code]).first()
        self.ethnic = {
            e.code: e for e in EthnicGroup.objects.filter(code__in=(KINH, HRE))
        }
        self.risks = {
            kind: list(RiskCategory.objects.filter(kind=kind, is_active=True))
            for kind in RiskCategory.Kind
        }
        self.kids: list[_Kid] = []
        self.personal_ids: set[str] = set()
        self.child_names: set[str] = set()

    def run(self) -> int:
        self.plan_without_parents()
        self.plan_families()
        self.plan_circumstances()
        self.plan_disabilities()
        self.plan_risks()
        self.plan_insurance()
        self.plan_archived()
        self.write()
        return len(self.kids)

    # Planning ---------------------------------------------------------------

    def age(self, kid: _Kid) -> int:
        years = self.today.year - kid.birth_date.year
        birthday = (kid.birth_date.month, kid.birth_date.day)
        return years - ((self.today.month, self.today.day) < birthday)

    def pick(self, kids: list[_Kid], n: int) -> list[_Kid]:
        return self.rng.sample(kids, min(n, len(kids)))

    def person(self, ethnic: str, sex: str, family_name: str, taken=()) -> str:
        """An invented name, never a reserved one, and unlike those `taken` as
        long as the lists allow (communes do have namesakes)."""
        attempts = 0
        while True:
            middle = self.rng.choice(MIDDLE[ethnic, sex])
            name = f"{family_name} {middle} {self.rng.choice(GIVEN[ethnic, sex])}"
            if name not in RESERVED_NAMES and (name not in taken or attempts > 30):
                return name
            attempts += 1

    def family(self, group, ethnic: str, carer: str | None = "parents") -> _Family:
        names = HRE_FAMILY if ethnic == HRE else KINH_FAMILY
        name, other = self.rng.choice(names), self.rng.choice(names)
        poor, near_poor = (0.35, 0.2) if ethnic == HRE else (0.05, 0.1)
        roll = self.rng.random()
        poverty = (
            Household.Poverty.POOR
            if roll < poor
            else Household.Poverty.NEAR_POOR
            if roll < poor + near_poor
            else Household.Poverty.NONE
        )
        if carer == "parents":
            carers = [(self.person(ethnic, "nu", other), Relation.MOTHER)]
            # Some fathers work far away and are not the ones caring.
            if self.rng.random() < 0.9:
                carers.insert(0, (self.person(ethnic, "nam", name), Relation.FATHER))
        elif carer is None:
            carers = []
        else:
            carers = [(self.person(ethnic, "nu", other), carer)]
        return _Family(group, ethnic, name, poverty, carers)

    def kid(self, family: _Family, birth: datetime.date, estimated=False) -> _Kid:
        sex = self.rng.choice((Sex.MALE, Sex.FEMALE))
        name = self.person(family.ethnic, sex, family.name, taken=self.child_names)
        self.child_names.add(name)
        if estimated:  # Mẫu 01: only the age is known; 1 January of that year
            birth = datetime.date(birth.year, 1, 1)
        kid = _Kid(family, name, sex, birth, estimated)
        self.kids.append(kid)
        return kid

    def born_aged(self, low: int, high: int) -> datetime.date:
        """A birth date of a child aged low..high (high at most 15) today."""
        days = self.rng.randint(low * 366, min((high + 1) * 365, DAYS_BEFORE_16))
        return self.today - datetime.timedelta(days=days)

    def circumstance(self, kid: _Kid, group: str, subgroup: str) -> None:
        days = self.rng.randint(20, 900)
        identified = max(kid.birth_date, self.today - datetime.timedelta(days=days))
        kid.circumstances.append(
            {
                "group": group,
                "subgroup": subgroup,
                "identified_on": identified,
                "support_received": SUPPORT[group],
                "expert_conclusion": EXPERT_CONCLUSION
                if group == "TON_HAI_DO_BAO_LUC"
                else "",
            }
        )
        kid.classification = Child.Classification.HCDB

    def plan_without_parents(self) -> None:
        cases = WITHOUT_PARENTS if self.full else WITHOUT_PARENTS[:2]
        groups = list(self.groups.values())
        for group, subgroup, carer, (low, high), estimated in cases:
            ethnic = HRE if self.rng.random() < 0.7 else KINH
            family = self.family(self.rng.choice(groups), ethnic, carer)
            kid = self.kid(family, self.born_aged(low, high), estimated)
            self.circumstance(kid, group, subgroup)

    def plan_families(self) -> None:
        over_16 = 4 if self.full else 1  # left active: the age-out task archives them
        for name, (count, hre_share) in self.sizes.items():
            group = self.groups.get(name)
            while group and (have := self.count_in(group)) < count:
                ethnic = HRE if self.rng.random() < hre_share else KINH
                eldest_over_16 = over_16 > 0 and self.rng.random() < 0.1
                over_16 -= eldest_over_16
                self.siblings(self.family(group, ethnic), count - have, eldest_over_16)

    def count_in(self, group) -> int:
        return sum(k.family.group == group for k in self.kids)

    def siblings(self, family: _Family, room: int, eldest_over_16: bool) -> None:
        weights = (3, 4, 3, 2) if family.ethnic == HRE else (4, 5, 2, 0)
        n = min(room, self.rng.choices((1, 2, 3, 4), weights)[0])
        if eldest_over_16:
            days = DAYS_OVER_16 + self.rng.randint(1, 150)
        else:
            days = self.rng.randint(0, DAYS_BEFORE_16)
        birth = self.today - datetime.timedelta(days=days)
        # Only the H're villages have children whose exact birth date nobody knows.
        estimated = family.ethnic == HRE and self.rng.random() < 0.03
        for _ in range(n):
            self.kid(family, birth, estimated and not eldest_over_16)
            birth += datetime.timedelta(days=self.rng.randint(450, 1600))
            if birth > self.today:
                break

    def children(self, low=0, high=15, sex=None, with_parents=False) -> list[_Kid]:
        return [
            k
            for k in self.kids
            if low <= self.age(k) <= high
            and (sex is None or k.sex == sex)
            and (_has_parents(k) or not with_parents)
        ]

    def plan_circumstances(self) -> None:
        cases = WITH_PARENTS if self.full else WITH_PARENTS[:2]
        for group, subgroup, (low, high), sex in cases:
            pool = [
                k
                for k in self.children(low, high, sex, with_parents=True)
                if not k.circumstances
            ]
            if group == "BENH_HIEM_NGHEO_HO_NGHEO":
                poor = [k for k in pool if k.family.poverty != Household.Poverty.NONE]
                kid = self.rng.choice(poor or pool)
                if kid.family.poverty == Household.Poverty.NONE:
                    kid.family.poverty = Household.Poverty.POOR
                poor_household = kid.family.poverty == Household.Poverty.POOR
                subgroup = f"{group}_{1 if poor_household else 2}"
            else:
                kid = self.rng.choice(pool or self.children(6, 15, with_parents=True))
            if group == "BO_HOC_KIEM_SONG":
                kid.school = Child.School.DROPPED_OUT
            self.circumstance(kid, group, subgroup)

    def plan_disabilities(self) -> None:
        levels = list(LEVEL_SUBGROUP)
        for kid in self.pick(self.children(1, 15), 9 if self.full else 2):
            kind_count = self.rng.choices((1, 2), (4, 1))[0]
            kid.disabilities = self.rng.sample(
                list(Child.Disability.values), kind_count
            )
            kid.disability_level = self.rng.choices(levels, (1, 2, 3))[0]
            self.circumstance(kid, "KHUYET_TAT", LEVEL_SUBGROUP[kid.disability_level])

    def plan_risks(self) -> None:
        plain = [k for k in self.children() if not k.circumstances]
        at_risk = self.risks[RiskCategory.Kind.AT_RISK]
        other = self.risks[RiskCategory.Kind.OTHER]
        for kid in self.pick(plain, len(plain) // 8):
            kid.classification = Child.Classification.AT_RISK
            kid.risks = self.pick(at_risk, self.rng.choice((1, 1, 2)))
        plain = [k for k in plain if k.classification == Child.Classification.NONE]
        for kid in self.pick(plain, len(plain) // 10):
            kid.classification = Child.Classification.OTHER
            fits = [c for c in other if kid.family.ethnic == HRE or "tộc" not in c.name]
            kid.risks = self.pick(fits, 1)

    def plan_insurance(self) -> None:
        for kid in self.kids:
            has_card = self.rng.random() < (0.88 if self.age(kid) < 6 else 0.78)
            kid.insurance = "card" if has_card else "missing"
        cards_6_plus = [k for k in self.children(6, 15) if k.insurance == "card"]
        chosen = self.pick(cards_6_plus, 8 if self.full else 3)
        for n, kid in enumerate(chosen):
            kid.insurance = "expiring" if n % 3 else "expired"

    def plan_archived(self) -> None:
        plain = [
            k
            for k in self.children(1, 15)
            if k.classification == Child.Classification.NONE
        ]
        statuses = [Child.Status.MOVED] * 3 + [Child.Status.DECEASED] * 2
        statuses = statuses if self.full else statuses[:1]
        chosen = self.pick(plain, len(statuses))
        for kid, status in zip(chosen, statuses, strict=False):
            days = self.rng.randint(15, 300)
            on = max(kid.birth_date, self.today - datetime.timedelta(days=days))
            kid.archive = (status, on, self.rng.choice(ARCHIVE_REASONS[status]))

    # Writing ----------------------------------------------------------------
    # In bulk: a dozen queries a commune rather than some 14,000 through the
    # per-child services (measured: about 12 s against well under 1 s). What the
    # services derive and check still applies (child_prepare for the name and
    # search key, field validation, circumstance_validate) and the timeline rows
    # have the shape the services give them.

    def write(self) -> None:
        self.write_households()
        children = [self.child(kid) for kid in self.kids]
        Child.objects.bulk_create(children)
        links, caregivers, circumstances, events = [], [], [], []
        for kid, child in zip(self.kids, children, strict=True):
            links += [
                RiskLink(child_id=child.pk, riskcategory_id=risk.pk)
                for risk in kid.risks
            ]
            rows = self.rows(kid, child)
            caregivers += rows[0]
            circumstances += rows[1]
            events += rows[2]
        RiskLink.objects.bulk_create(links)
        Caregiver.objects.bulk_create(caregivers)
        SpecialCircumstance.objects.bulk_create(circumstances)
        ChildEvent.objects.bulk_create(events)
        audit_record(
            actor=self.actor,
            action="registry.demo_seeded",
            commune=self.commune,
            detail={"children": len(children)},
        )

    def write_households(self) -> None:
        families = {id(k.family): k.family for k in self.kids if k.family.carers}
        households = [self.household(family) for family in families.values()]
        Household.objects.bulk_create(households)
        for family, household in zip(families.values(), households, strict=True):
            family.household = household

    def household(self, family: _Family) -> Household:
        poor = family.poverty != Household.Poverty.NONE
        return Household(
            commune=self.commune,
            residential_group=family.group,
            head_name=family.carers[0][0],
            address=f"{family.group.name}, xã {self.commune.name}",
            poverty=family.poverty,
            poverty_year=self.today.year - self.rng.choice((0, 1)) if poor else None,
        )

    def child(self, kid: _Kid) -> Child:
        child = Child(commune=self.commune, created_by=self.actor, **self.fields(kid))
        services.child_prepare(child)
        if kid.archive:
            child.status, child.status_changed_on, child.status_reason = kid.archive
            child.version = 2  # as child_change_status leaves it
        child.full_clean(
            exclude=RELATED_FIELDS, validate_unique=False, validate_constraints=False
        )
        return child

    def rows(self, kid: _Kid, child: Child) -> tuple[list, list, list]:
        """The child's caregivers, circumstances and timeline, as the services write them."""

        def event(kind: str, **extra) -> ChildEvent:
            return ChildEvent(
                child=child, commune=self.commune, actor=self.actor, kind=kind, **extra
            )

        caregivers, circumstances = [], []
        events = [event(ChildEvent.Kind.CREATED)]
        for full_name, relation in kid.family.carers:
            caregivers.append(
                Caregiver(
                    child=child,
                    commune=self.commune,
                    full_name=normalize(full_name),
                    relation=relation,
                )
            )
            events.append(
                event(ChildEvent.Kind.CAREGIVER, changes={"relation": [None, relation]})
            )
        for fields in kid.circumstances:
            circumstance = SpecialCircumstance(
                child=child, commune=self.commune, **fields
            )
            services.circumstance_validate(circumstance)
            circumstances.append(circumstance)
            events.append(
                event(
                    ChildEvent.Kind.CIRCUMSTANCE,
                    changes={"group": [None, circumstance.group]},
                )
            )
        if kid.archive:
            changes = {"status": [Child.Status.ACTIVE, child.status]}
            events.append(
                event(ChildEvent.Kind.STATUS, changes=changes, note=child.status_reason)
            )
        return caregivers, circumstances, events

    def fields(self, kid: _Kid) -> dict:
        return {
            "residential_group": kid.family.group,
            "household": kid.family.household,
            "full_name": kid.full_name,
            "birth_date": kid.birth_date,
            "birth_date_is_estimated": kid.estimated,
            "sex": kid.sex,
            "ethnic_group": self.ethnic.get(kid.family.ethnic),
            "disabilities": kid.disabilities,
            "disability_level": kid.disability_level,
            "school": kid.school or _school_for(self.age(kid)),
            "classification": kid.classification,
            **self.disability_certificate(kid),
            **self.birth_registration(kid),
            **self.insurance(kid),
        }

    def disability_certificate(self, kid: _Kid) -> dict:
        if not kid.disabilities:
            return {}
        days = self.rng.randint(30, 1500)
        issued = max(kid.birth_date, self.today - datetime.timedelta(days=days))
        return {
            "disability_certificate_number": f"{self.rng.randint(1, 80):02d}/GXNKT",
            "disability_certificate_date": issued,
        }

    def birth_registration(self, kid: _Kid) -> dict:
        registered_on = kid.birth_date + datetime.timedelta(
            days=self.rng.randint(7, 60)
        )
        share = 0.88 if kid.family.ethnic == HRE else 0.97
        if registered_on > self.today or self.rng.random() > share:
            return {"birth_registered": False}
        result = {
            "birth_registered": True,
            "birth_registration_date": registered_on,
            "birth_registration_place": self.registrar(kid, registered_on),
        }
        # Every registered child has a number (DOMAIN.md §12.4), but the commune's
        # book still lacks many: filling them in is the Đề án 06 clean-up.
        if not kid.estimated and self.rng.random() < 0.7:
            result["personal_id"] = self.personal_id(kid)
        return result

    def registrar(self, kid: _Kid, on: datetime.date) -> str:
        if on >= MERGER_DAY:
            return f"UBND xã {self.commune.name}"
        group_name = kid.family.group.name
        return (
            FORMER_REGISTRARS.get(group_name)
            or FORMER_REGISTRARS[self.commune.admin_code]
        )

    def personal_id(self, kid: _Kid) -> str:
        """051 (Quảng Ngãi), 2/3 for a boy/girl born 2000-2099, YY, six digits."""
        century_sex = "2" if kid.sex == Sex.MALE else "3"
        prefix = f"051{century_sex}{kid.birth_date.year % 100:02d}"
        while True:
            number = f"{prefix}{self.rng.randrange(10**6):06d}"
            if number not in self.personal_ids:
                self.personal_ids.add(number)
                return number

    def insurance(self, kid: _Kid) -> dict:
        if kid.insurance == "missing":
            return {}
        source = self.insurance_source(kid)
        if kid.insurance == "expiring":
            expiry = self.today + datetime.timedelta(days=self.rng.randint(3, 28))
        elif kid.insurance == "expired":
            expiry = self.today - datetime.timedelta(days=self.rng.randint(10, 90))
        elif source == Child.InsuranceSource.UNDER_SIX:
            expiry = under_six_card_expiry(kid.birth_date)
        else:
            # Yearly cards end on 31 December; close to it, next year's is issued.
            year_end = datetime.date(self.today.year, 12, 31)
            renewed = (year_end - self.today).days < 45
            expiry = year_end.replace(year=year_end.year + renewed)
        digits = f"{self.rng.randrange(10**10):010d}"
        return {
            "insurance_card_number": f"{CARD_PREFIX[source]}51{digits}",
            "insurance_expiry": expiry,
            "insurance_source": source,
        }

    def insurance_source(self, kid: _Kid) -> str:
        sources = Child.InsuranceSource
        if self.age(kid) < 6:
            return sources.UNDER_SIX
        if kid.classification == Child.Classification.HCDB:
            return sources.HCDB
        if kid.family.poverty != Household.Poverty.NONE:
            return sources.POOR
        if kid.family.ethnic == HRE:
            return sources.ETHNIC
        return sources.STUDENT if self.age(kid) < 16 else sources.HOUSEHOLD


def _has_parents(kid: _Kid) -> bool:
    return any(r in (Relation.FATHER, Relation.MOTHER) for _, r in kid.family.carers)


def _school_for(age: int) -> str:
    """The usual school level at `age` (grade 1 in the year a child turns 6)."""
    school = Child.School
    if age < 3:
        return school.NOT_YET
    if age < 6:
        return school.PRESCHOOL
    if age < 11:
        return school.PRIMARY
    if age < 15:
        return school.LOWER_SECONDARY
    return school.UPPER_SECONDARY
