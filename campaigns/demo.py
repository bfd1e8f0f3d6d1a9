"""Invented demo campaigns of xã Ba Tơ for last year: the Action Month with its
theme, a Children's Forum, Mid-Autumn, their activities, support to children
taken from the priority list, and a training of the commune's staff.

Idempotent: a commune that already has a campaign is left alone. Deterministic:
the children come from the priority list and the registry's name order, the
dates from the year. Rows are written in bulk, each validated as the services
validate it; the audit log gets one entry, as no person entered them.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.services import audit_record
from campaigns.models import (
    Activity,
    Campaign,
    Forum,
    ForumParticipant,
    Support,
    Training,
    TrainingAttendee,
)
from campaigns.priority import priority_children
from registry.models import Child, Commune, ResidentialGroup

BA_TO = "21484"
OFFICER = "canbo"
# The theme of the seed plan (2024); the ministry announces a new one each year.
THEME = "Hành động thiết thực, ưu tiên nguồn lực cho trẻ em"
# The 15th day of the 8th lunar month, where known; mid-September otherwise.
MID_AUTUMN = {
    2024: datetime.date(2024, 9, 17),
    2025: datetime.date(2025, 10, 6),
    2026: datetime.date(2026, 9, 25),
    2027: datetime.date(2027, 9, 15),
}
FORUM_CHILDREN = 32
JUNE_GIFTS, JUNE_SCHOLARSHIPS, AUTUMN_GIFTS = 20, 3, 30
# (full name, attends as, position, sex): the demo's own staff and group leaders.
ATTENDEES = [
    ("Nguyễn Thị Hồng Nhung", "staff", "Công chức Văn hóa - Xã hội", "nu"),
    ("Phạm Văn Tâm", "staff", "Phó Chủ tịch UBND xã", "nam"),
    ("Đinh Văn Lúa", "collaborator", "Tổ trưởng Tổ dân phố 1", "nam"),
    ("Phạm Thị Sương", "collaborator", "Tổ trưởng Tổ dân phố 2", "nu"),
    ("Trần Thị Mai", "partner", "Trạm Y tế xã", "nu"),
]


@transaction.atomic
def demo_seed_campaigns(*, today: datetime.date | None = None) -> int:
    """Seed last year's campaigns of xã Ba Tơ; return how many were created."""
    today = today or timezone.localdate()
    commune = Commune.objects.select_for_update().filter(admin_code=BA_TO).first()
    officer = User.objects.filter(username=OFFICER).first()
    if (
        commune is None
        or officer is None
        or Campaign.objects.filter(commune=commune).exists()
    ):
        return 0
    seed = _Seed(commune, officer, today.year - 1)
    seed.run()
    audit_record(
        actor=officer,
        action="campaigns.demo_seeded",
        commune=commune,
        detail={"campaigns": len(seed.campaigns), "supports": seed.supports},
    )
    return len(seed.campaigns)


def _clean(row):
    row.full_clean(validate_unique=False, validate_constraints=False)
    return row


class _Seed:
    def __init__(self, commune, officer, year: int) -> None:
        self.commune, self.officer, self.year = commune, officer, year
        self.groups = {
            g.name: g for g in ResidentialGroup.objects.filter(commune=commune)
        }
        self.campaigns: list[Campaign] = []
        self.supports = 0

    def day(self, month: int, day: int) -> datetime.date:
        return datetime.date(self.year, month, day)

    def campaign(self, **fields) -> Campaign:
        campaign = Campaign(
            commune=self.commune,
            created_by=self.officer,
            year=self.year,
            status=Campaign.Status.FINISHED,
            **fields,
        )
        _clean(campaign).save()
        self.campaigns.append(campaign)
        return campaign

    def run(self) -> None:
        june = self.campaign(
            kind=Campaign.Kind.ACTION_MONTH,
            title=f"Tháng hành động vì trẻ em năm {self.year}",
            theme=THEME,
            starts_on=self.day(6, 1),
            ends_on=self.day(6, 30),
            launch_on=self.day(5, 31),
            launch_place="Nhà văn hóa xã Ba Tơ",
            budget_state=15_000_000,
            budget_mobilised=8_000_000,
            budget_sponsor=5_000_000,
            plan=(
                "Tuyên truyền trên đài truyền thanh và tại các cuộc họp tổ dân phố, "
                "thôn; tổ chức lớp kỹ năng phòng, chống đuối nước; rà soát điểm "
                "nguy hiểm; tặng quà cho trẻ em có hoàn cảnh đặc biệt."
            ),
            report_sent_on=self.day(7, 15),
        )
        forum = self.campaign(
            kind=Campaign.Kind.FORUM,
            title=f"Diễn đàn trẻ em xã Ba Tơ năm {self.year}",
            theme="Trẻ em với phòng, chống tai nạn, thương tích",
            starts_on=self.day(6, 14),
            ends_on=self.day(6, 14),
            budget_state=4_000_000,
            report_sent_on=self.day(6, 26),
        )
        autumn_day = MID_AUTUMN.get(self.year, self.day(9, 15))
        autumn = self.campaign(
            kind=Campaign.Kind.MID_AUTUMN,
            title=f"Vui Tết Trung thu năm {self.year}",
            starts_on=autumn_day - datetime.timedelta(days=5),
            ends_on=autumn_day,
            budget_mobilised=6_000_000,
            budget_sponsor=4_000_000,
        )
        self.activities(june, forum, autumn)
        self.forum(forum)
        self.gifts(
            june,
            JUNE_GIFTS,
            300_000,
            "state",
            Support.Kind.GIFT,
            "Sách vở, đồ dùng học tập",
        )
        self.gifts(
            june,
            JUNE_SCHOLARSHIPS,
            1_000_000,
            "sponsor",
            Support.Kind.SCHOLARSHIP,
            "Học bổng Quỹ Bảo trợ trẻ em",
            sponsor="Quỹ Bảo trợ trẻ em tỉnh Quảng Ngãi",
        )
        self.gifts(
            autumn,
            AUTUMN_GIFTS,
            200_000,
            "mobilised",
            Support.Kind.GIFT,
            "Bánh trung thu, lồng đèn",
        )
        self.training(june)

    def activities(self, june, forum, autumn) -> None:
        def activity(campaign, held_on, category, sub_kind, title, organiser, **extra):
            return _clean(
                Activity(
                    commune=self.commune,
                    campaign=campaign,
                    held_on=held_on,
                    category=category,
                    sub_kind=sub_kind,
                    title=title,
                    organiser=organiser,
                    created_by=self.officer,
                    **extra,
                )
            )

        ba_cung = self.groups.get("Thôn Ba Cung 1")
        rows = [
            activity(
                june,
                self.day(5, 31),
                "communication",
                "launch",
                "Lễ phát động Tháng hành động vì trẻ em",
                "commune",
                place="Nhà văn hóa xã Ba Tơ",
                boys_6_10=25,
                girls_6_10=30,
                boys_11_15=35,
                girls_11_15=40,
                adults=120,
                cost=3_500_000,
            ),
            activity(
                june,
                self.day(6, 2),
                "communication",
                "radio_broadcast",
                "Phát thanh tuyên truyền phòng, chống đuối nước và tổng đài 111",
                "radio",
                sessions=12,
                cost=1_200_000,
            ),
            activity(
                june,
                self.day(6, 3),
                "communication",
                "banner_leaflet",
                "Treo băng rôn, khẩu hiệu hưởng ứng Tháng hành động",
                "commune",
                sessions=8,
                cost=2_400_000,
            ),
            activity(
                june,
                self.day(6, 10),
                "communication",
                "meeting",
                "Họp dân tuyên truyền phòng, chống bạo lực, xâm hại trẻ em",
                "residential_group",
                residential_group=ba_cung,
                place="Nhà văn hóa Thôn Ba Cung 1",
                adults=65,
                cost=500_000,
            ),
            activity(
                june,
                self.day(6, 18),
                "participation",
                "life_skills",
                "Lớp kỹ năng phòng, chống đuối nước",
                "youth_union",
                boys_6_10=18,
                girls_6_10=16,
                boys_11_15=12,
                girls_11_15=14,
                cost=2_000_000,
                cost_source="sponsor",
            ),
            activity(
                june,
                self.day(6, 22),
                "hazard_check",
                "inspection",
                "Rà soát ao, hồ, sông suối nguy hiểm và cắm biển cảnh báo",
                "police",
                sessions=6,
                adults=8,
                cost=1_500_000,
                cost_source="mobilised",
            ),
            activity(
                forum,
                self.day(6, 14),
                "participation",
                "forum",
                "Diễn đàn trẻ em: trẻ em với phòng, chống tai nạn, thương tích",
                "commune",
                boys_11_15=15,
                girls_11_15=17,
                adults=17,
                cost=3_000_000,
            ),
            activity(
                autumn,
                autumn.ends_on,
                "recreation",
                "festival",
                "Đêm hội trăng rằm",
                "youth_union",
                boys_under_6=40,
                girls_under_6=38,
                boys_6_10=60,
                girls_6_10=55,
                adults=150,
                cost=2_500_000,
                cost_source="mobilised",
            ),
            activity(
                None,
                self.day(7, 20),
                "summer",
                "swimming",
                "Lớp dạy bơi an toàn mùa hè",
                "youth_union",
                boys_6_10=14,
                girls_6_10=11,
                sessions=10,
                cost=1_000_000,
            ),
        ]
        Activity.objects.bulk_create(rows)

    def forum(self, campaign: Campaign) -> None:
        """Children aged 10 to 15 on the day, first by name: 32 of them, with
        7 supervisors, 3 volunteers and 10 guests (within TT 29/2019 Điều 7)."""
        held = campaign.starts_on
        oldest = held.replace(year=held.year - 16) + datetime.timedelta(days=1)
        youngest = held.replace(year=held.year - 10)
        children = list(
            Child.objects.filter(
                commune=self.commune,
                status=Child.Status.ACTIVE,
                birth_date__range=(oldest, youngest),
            ).order_by("full_name", "pk")[:FORUM_CHILDREN]
        )
        Forum.objects.create(
            campaign=campaign,
            commune=self.commune,
            supervisors=7,
            volunteers=3,
            guests=10,
            opinions="Các em lo lắng khi đi học qua suối mùa mưa; muốn có sân chơi an toàn.",
            recommendations="Làm cầu tạm qua suối Thôn Ba Cung 1; mở lớp dạy bơi vào hè.",
            answers="UBND xã giao Đoàn Thanh niên mở lớp dạy bơi trong tháng 7.",
        )
        ForumParticipant.objects.bulk_create(
            _clean(
                ForumParticipant(
                    campaign=campaign,
                    commune=self.commune,
                    child=child,
                    consent_by="Cha/mẹ của em",
                    consent_on=held - datetime.timedelta(days=7),
                    added_by=self.officer,
                )
            )
            for child in children
        )

    def gifts(
        self, campaign, count, value, source, kind, description, sponsor=""
    ) -> None:
        """The first children of the priority list who were born by then and
        have not received anything in this campaign yet."""
        given_on = campaign.ends_on
        children = list(
            priority_children(self.officer, campaign, {"waiting": True})
            .filter(birth_date__lt=given_on)
            .order_by("tier", "group_name", "full_name", "pk")[:count]
        )
        Support.objects.bulk_create(
            _clean(
                Support(
                    commune=self.commune,
                    campaign=campaign,
                    child=child,
                    residential_group=child.residential_group,
                    kind=kind,
                    description=description,
                    value=value,
                    source=source,
                    sponsor_name=sponsor,
                    given_on=given_on,
                    given_by=self.officer,
                )
            )
            for child in children
        )
        self.supports += len(children)

    def training(self, june: Campaign) -> None:
        training = _clean(
            Training(
                commune=self.commune,
                campaign=june,
                title="Tập huấn nâng cao năng lực quản lý nhà nước về công tác trẻ em",
                organiser="Sở Y tế tỉnh Quảng Ngãi",
                held_on=self.day(5, 20),
                hours=Decimal(8),
                place="Hội trường UBND tỉnh Quảng Ngãi",
                created_by=self.officer,
            )
        )
        training.save()
        TrainingAttendee.objects.bulk_create(
            _clean(
                TrainingAttendee(
                    training=training,
                    commune=self.commune,
                    full_name=name,
                    kind=kind,
                    position=position,
                    sex=sex,
                )
            )
            for name, kind, position, sex in ATTENDEES
        )
