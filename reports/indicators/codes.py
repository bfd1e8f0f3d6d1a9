"""Every indicator of the statistical annex, in one place.

A code is stable: plan targets, frozen reports and the dashboards refer to it.
Rename one and they silently lose their figure, so add codes, never rename them.

Each `Indicator` is the code's docstring: its Vietnamese label as printed in the
annex, whether it is a stock (counted on `date_to`) or a flow (counted between
`date_from` and `date_to`), its definition and its source. Labels are Vietnamese
data, not interface strings: the annex is an official Vietnamese document and is
frozen as issued. docs/indicators.md says the same for people; a test keeps the
two in step.

`Annex.values()` also exposes, for an indicator with `percent_of`,
"<code>_pct" (value / denominator x 100, one decimal), and for each cell
"<code>.<cell code>".

Pure data: no model is imported here.
"""

from dataclasses import dataclass

STOCK = "stock"  # on date_to
FLOW = "flow"  # from date_from to date_to inclusive, Vietnam local days

# Sources cited in the definitions (DOMAIN.md sections in brackets).
LUAT_TE = "Luật Trẻ em 2016"
PRACTICE = "DOMAIN.md §9.2 (commune practice ❓, no official form)"


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    measure: str
    definition: str
    source: str
    percent_of: str | None = None
    cells: tuple[tuple[str, str], ...] = ()
    additive: bool = True
    protected: bool = True
    unit: str = ""


# Breakdown cells: (code, Vietnamese label).
SEX = (("nam", "Nam"), ("nu", "Nữ"), ("khong_ro", "Không rõ giới tính"))
AGE_BANDS = (
    ("0_3", "Dưới 3 tuổi"),
    ("3_6", "Từ 3 đến dưới 6 tuổi"),
    ("6_11", "Từ 6 đến dưới 11 tuổi"),
    ("11_16", "Từ 11 đến dưới 16 tuổi"),
)
AGE_BANDS_UNKNOWN = (*AGE_BANDS, ("khong_ro", "Không rõ tuổi"))
# (lower, upper) ages of each band, upper excluded.
BAND_LIMITS = {"0_3": (0, 3), "3_6": (3, 6), "6_11": (6, 11), "11_16": (11, 16)}

# Luật Trẻ em Điều 10 khoản 1, points a to o, verbatim (DOMAIN.md §2). The cell
# code is the group's position, 1 to 14: "hcdb.group.3" is point c.
HCDB_GROUPS = (
    ("MO_COI", "a", "Trẻ em mồ côi cả cha và mẹ"),
    ("BI_BO_ROI", "b", "Trẻ em bị bỏ rơi"),
    ("KHONG_NOI_NUONG_TUA", "c", "Trẻ em không nơi nương tựa"),
    ("KHUYET_TAT", "d", "Trẻ em khuyết tật"),
    ("HIV_AIDS", "đ", "Trẻ em nhiễm HIV/AIDS"),
    ("VI_PHAM_PHAP_LUAT", "e", "Trẻ em vi phạm pháp luật"),
    ("NGHIEN_MA_TUY", "g", "Trẻ em nghiện ma túy"),
    (
        "BO_HOC_KIEM_SONG",
        "h",
        "Trẻ em phải bỏ học kiếm sống chưa hoàn thành phổ cập giáo dục trung học cơ sở",
    ),
    (
        "TON_HAI_DO_BAO_LUC",
        "i",
        "Trẻ em bị tổn hại nghiêm trọng về thể chất và tinh thần do bị bạo lực",
    ),
    ("BI_BOC_LOT", "k", "Trẻ em bị bóc lột"),
    ("BI_XAM_HAI_TINH_DUC", "l", "Trẻ em bị xâm hại tình dục"),
    ("BI_MUA_BAN", "m", "Trẻ em bị mua bán"),
    (
        "BENH_HIEM_NGHEO_HO_NGHEO",
        "n",
        "Trẻ em mắc bệnh hiểm nghèo hoặc bệnh phải điều trị dài ngày thuộc hộ nghèo "
        "hoặc hộ cận nghèo",
    ),
    (
        "DI_CU_LANH_NAN",
        "o",
        "Trẻ em di cư, trẻ em lánh nạn, tị nạn chưa xác định được cha mẹ hoặc không "
        "có người chăm sóc",
    ),
)
GROUP_CELLS = tuple(
    (str(n), f"{letter}) {label}")
    for n, (_code, letter, label) in enumerate(HCDB_GROUPS, 1)
)
GROUP_NUMBER = {code: str(n) for n, (code, *_) in enumerate(HCDB_GROUPS, 1)}

# Luật Người khuyết tật Điều 3.2 (DOMAIN.md §14.2), then "not assessed yet".
DISABILITY_LEVELS = (
    ("dac_biet_nang", "Khuyết tật đặc biệt nặng"),
    ("nang", "Khuyết tật nặng"),
    ("nhe", "Khuyết tật nhẹ"),
    ("khong_ro", "Chưa xác định mức độ"),
)
# NĐ 56 Điều 6: sub-groups 1-3 of KHUYET_TAT are the three levels.
LEVEL_OF_SUBGROUP = {
    "KHUYET_TAT_1": "dac_biet_nang",
    "KHUYET_TAT_2": "nang",
    "KHUYET_TAT_3": "nhe",
}

# Forms of abuse, Luật Trẻ em Điều 4.5 (cases.models.Kind, ABUSE_KINDS).
ABUSE_FORMS = (
    ("bao_luc", "Bạo lực"),
    ("boc_lot", "Bóc lột (kể cả lao động trái quy định)"),
    ("xam_hai_tinh_duc", "Xâm hại tình dục"),
    ("mua_ban", "Mua bán"),
    ("bo_roi", "Bỏ rơi"),
    ("bo_mac", "Bỏ mặc"),
    ("khac", "Hình thức gây tổn hại khác"),
)
# The other Kinds: accidents and injuries (DOMAIN.md §9.2 item 8).
INJURY_KINDS = (
    ("duoi_nuoc", "Đuối nước"),
    ("tai_nan_giao_thong", "Tai nạn giao thông"),
    ("nga", "Ngã"),
    ("bong", "Bỏng"),
    ("ngo_doc", "Ngộ độc"),
    ("dien_giat", "Điện giật"),
    ("dong_vat_can", "Động vật cắn"),
    ("vat_sac_nhon", "Vật sắc nhọn"),
    ("thuong_tich_khac", "Thương tích khác"),
)

# How a child in special circumstances counts as supported (hcdb.supported).
SUPPORT_ROUTES = (
    ("ke_hoach", "Có kế hoạch hỗ trợ, can thiệp đã phê duyệt đang thực hiện"),
    ("chien_dich", "Được hỗ trợ, tặng quà trong kỳ"),
    ("tro_giup", "Có ghi nhận trợ giúp (trợ cấp, chính sách) trong hồ sơ"),
)
# How a disabled child counts as reaching services (disabled.reached).
REACH_ROUTES = (
    ("giay_xac_nhan", "Có giấy xác nhận khuyết tật"),
    ("di_hoc", "Đang đi học"),
    *SUPPORT_ROUTES,
)

# campaigns.models.Category, FundingSource (Thông tư 28/2019 Điều 3).
ACTIVITY_CATEGORIES = (
    ("communication", "Truyền thông"),
    ("resources", "Vận động nguồn lực"),
    ("participation", "Trẻ em tham gia"),
    ("summer", "Hoạt động hè"),
    ("recreation", "Vui chơi, giải trí, văn hóa, thể thao"),
    ("hazard_check", "Kiểm tra, cảnh báo nơi nguy hiểm"),
    ("movement", "Phong trào toàn dân chăm sóc, giáo dục, bảo vệ trẻ em"),
)
FUNDING_SOURCES = (
    ("state", "Ngân sách nhà nước"),
    ("mobilised", "Xã hội hóa"),
    ("sponsor", "Nhà tài trợ"),
)
PARTICIPANT_SEX = (("boys", "Trẻ em nam"), ("girls", "Trẻ em nữ"))

# Luật Hộ tịch 2014 Điều 15.1: parents register a birth within 60 days (❓ the
# article is from memory, not yet checked against the text: DOMAIN.md §9.2.11).
BIRTH_REGISTRATION_DAYS = 60


def _i(code, label, measure, definition, source, **more) -> Indicator:
    return Indicator(code, label, measure, " ".join(definition.split()), source, **more)


# (section code, Vietnamese title, indicators) in the order of the annex.
SECTIONS: tuple[tuple[str, str, tuple[Indicator, ...]], ...] = (
    (
        "children",
        "I. Trẻ em trên địa bàn",
        (
            _i(
                "children.total",
                "Tổng số trẻ em dưới 16 tuổi",
                STOCK,
                """Children of the commune's registry on date_to: not soft-deleted,
                born on or before date_to, under 16 on date_to, and living in the
                commune then (status active, or another status set after date_to).""",
                f"{LUAT_TE} Điều 1; TT 13/2021 Phụ lục I",
            ),
            _i(
                "children.sex",
                "Chia theo giới tính",
                STOCK,
                "children.total by sex.",
                "TT 13/2021 Phụ lục I",
                cells=SEX,
            ),
            _i(
                "children.age",
                "Chia theo nhóm tuổi",
                STOCK,
                """children.total by age on date_to (estimated birth dates are read
                as they are recorded).""",
                f"{PRACTICE}, item 1",
                cells=AGE_BANDS,
            ),
            _i(
                "children.ethnic_minority",
                "Trẻ em dân tộc thiểu số",
                STOCK,
                """Children of children.total whose ethnic group is recorded and is
                not Kinh (code 01).""",
                f"{PRACTICE}, item 1",
                percent_of="children.total",
            ),
            _i(
                "children.ethnicity_unknown",
                "Trẻ em chưa ghi dân tộc",
                STOCK,
                "Children of children.total with no ethnic group recorded.",
                PRACTICE,
            ),
            _i(
                "children.birth_registered",
                "Trẻ em đã đăng ký khai sinh",
                STOCK,
                "Children of children.total whose birth registration is recorded.",
                "QĐ 06/QĐ-TTg tiêu chí 2 (DOMAIN.md §8)",
                percent_of="children.total",
            ),
            _i(
                "children.dropped_out",
                "Trẻ em bỏ học",
                STOCK,
                "Children of children.total recorded as having dropped out of school.",
                f"{PRACTICE}, item 9",
            ),
        ),
    ),
    (
        "health",
        "II. Trẻ em dưới 6 tuổi và bảo hiểm y tế",
        (
            _i(
                "under6.total",
                "Trẻ em dưới 6 tuổi",
                STOCK,
                "Children of children.total under 6 on date_to.",
                "Luật BHYT Điều 12; NĐ 146/2018 Điều 3.7 (DOMAIN.md §14.1)",
            ),
            _i(
                "under6.insured",
                "Trẻ em dưới 6 tuổi có thẻ bảo hiểm y tế còn hạn",
                STOCK,
                """Children of under6.total with a card number and a card valid on
                date_to (expiry on or after date_to; a card without an expiry date
                counts, as the under-6 card runs past the 6th birthday).""",
                "Luật BHYT Điều 16.3.d (DOMAIN.md §14.1)",
                percent_of="under6.total",
            ),
            _i(
                "newborns.total",
                "Trẻ em sinh ra trong kỳ",
                FLOW,
                "Children of children.total born between date_from and date_to.",
                "Seed plan §I.2 (100 % of newborns with a card)",
            ),
            _i(
                "newborns.insured",
                "Trẻ em sinh ra trong kỳ có thẻ bảo hiểm y tế còn hạn",
                FLOW,
                "Children of newborns.total with a card valid on date_to.",
                "Seed plan §I.2; DOMAIN.md §14.1",
                percent_of="newborns.total",
            ),
            _i(
                "newborns.registered_on_time",
                "Trẻ em sinh ra trong kỳ được đăng ký khai sinh đúng hạn",
                FLOW,
                f"""Children of newborns.total whose birth was registered within
                {BIRTH_REGISTRATION_DAYS} days of birth.""",
                "Luật Hộ tịch 2014 Điều 15.1 ❓; QĐ 06/QĐ-TTg tiêu chí 2",
                percent_of="newborns.total",
            ),
        ),
    ),
    (
        "hcdb",
        "III. Trẻ em có hoàn cảnh đặc biệt",
        (
            _i(
                "hcdb.total",
                "Trẻ em có hoàn cảnh đặc biệt",
                STOCK,
                """Children of children.total classified HCĐB, or with a special
                circumstance in force on date_to (identified on or before date_to,
                not resolved by then). A child counts once.""",
                f"{LUAT_TE} Điều 10; TT 13/2021 (Số lượng, tỷ lệ trẻ em có HCĐB)",
                percent_of="children.total",
            ),
            _i(
                "hcdb.group",
                "Chia theo 14 nhóm (khoản 1 Điều 10 Luật Trẻ em)",
                STOCK,
                """Children of children.total with a special circumstance of each
                group in force on date_to. A child in several groups counts in
                each, so the cells do not add up to hcdb.total.""",
                f"{LUAT_TE} Điều 10.1; NĐ 56/2017 Điều 3-16",
                cells=GROUP_CELLS,
                additive=False,
            ),
            _i(
                "hcdb.supported",
                "Trẻ em có hoàn cảnh đặc biệt được trợ giúp",
                STOCK,
                """Children of hcdb.total with at least one support on record for
                the period: a case of theirs with an approved support plan (Mẫu
                05) in force during the period (approved by date_to, case not
                closed before date_from); or support from a campaign given in the
                period; or support written on one of their special circumstances
                in force on date_to (the registry's "support received" field, e.g.
                the monthly allowance). The cells count each route; a child can
                have several.""",
                "TT 13/2021 (Số lượng, tỷ lệ trẻ em có HCĐB được trợ giúp); seed "
                "plan §I.2 (100 %)",
                percent_of="hcdb.total",
                cells=SUPPORT_ROUTES,
                additive=False,
            ),
            _i(
                "at_risk.total",
                "Trẻ em có nguy cơ rơi vào hoàn cảnh đặc biệt",
                STOCK,
                """Children of children.total classified "at risk" and not counted
                in hcdb.total (the classification is read as it stands).""",
                "DOMAIN.md §2.2 (ministry practice ❓)",
            ),
            _i(
                "other.total",
                "Trẻ em có hoàn cảnh khác",
                STOCK,
                """Children of children.total classified "other circumstances" and
                not counted in hcdb.total.""",
                "DOMAIN.md §2.2 (ministry practice ❓)",
            ),
        ),
    ),
    (
        "disabled",
        "IV. Trẻ em khuyết tật",
        (
            _i(
                "disabled.total",
                "Trẻ em khuyết tật",
                STOCK,
                """Children of children.total with a disability type or level
                recorded, or a KHUYET_TAT special circumstance in force on
                date_to.""",
                "Luật Người khuyết tật 2010 Điều 2-3 (DOMAIN.md §14.2)",
                percent_of="children.total",
            ),
            _i(
                "disabled.level",
                "Chia theo mức độ khuyết tật",
                STOCK,
                """disabled.total by the recorded level; without one, by the
                KHUYET_TAT sub-group in force (NĐ 56 Điều 6: 1 especially severe, 2
                severe, 3 mild); else "not assessed".""",
                "Luật Người khuyết tật Điều 3.2",
                cells=DISABILITY_LEVELS,
            ),
            _i(
                "disabled.reached",
                "Trẻ em khuyết tật được tiếp cận dịch vụ",
                STOCK,
                """Nothing in the registry records "reached services", so this is
                a proxy: children of disabled.total with at least one service the
                records attest: a disability certificate issued by date_to (it
                opens the allowance and the other entitlements of Luật NKT),
                attending school (preschool to upper secondary), or any route of
                hcdb.supported. The cells count each route.""",
                "Seed plan §I.2 (90 %) — proxy, see docs/indicators.md",
                percent_of="disabled.total",
                cells=REACH_ROUTES,
                additive=False,
            ),
        ),
    ),
    (
        "abuse",
        "V. Trẻ em bị xâm hại",
        (
            _i(
                "abuse.reports",
                "Số vụ xâm hại trẻ em được tiếp nhận",
                FLOW,
                """Incident reports of a form of abuse received in the period
                (received_at, local day), not marked duplicate or dismissed; by
                form.""",
                f"{LUAT_TE} Điều 4.5; TT 13/2021 Phụ lục II (0101)",
                cells=ABUSE_FORMS,
            ),
            _i(
                "abuse.children",
                "Số trẻ em bị xâm hại",
                FLOW,
                """Children of abuse.reports: a registered child counts once
                however many reports name them; a report without a registered
                child (or linked to a record deleted as a mistake) counts as one
                child.""",
                "TT 13/2021 Phụ lục II (0101 Số trẻ em bị xâm hại)",
            ),
            _i(
                "abuse.children_form",
                "Số trẻ em bị xâm hại chia theo hình thức",
                FLOW,
                """abuse.children by form of abuse; a child abused in several ways
                counts in each.""",
                "TT 13/2021 Phụ lục II",
                cells=ABUSE_FORMS,
                additive=False,
            ),
            _i(
                "abuse.children_sex",
                "Số trẻ em bị xâm hại chia theo giới tính",
                FLOW,
                """abuse.children by sex: the registry's for a registered child,
                else the report's.""",
                "TT 13/2021 Phụ lục II",
                cells=SEX,
            ),
            _i(
                "abuse.children_age",
                "Số trẻ em bị xâm hại chia theo nhóm tuổi",
                FLOW,
                """abuse.children by age when it happened (occurred_at, local day)
                from the registry's birth date, else the report's approximate
                age.""",
                "TT 13/2021 Phụ lục II",
                cells=AGE_BANDS_UNKNOWN,
            ),
        ),
    ),
    (
        "injury",
        "VI. Trẻ em bị tai nạn, thương tích",
        (
            _i(
                "injury.reports",
                "Số trẻ em bị tai nạn, thương tích",
                FLOW,
                """Incident reports of an injury kind received in the period, not
                duplicate or dismissed; one report is one child. By kind.""",
                "Seed plan §II.3; DOMAIN.md §9.2 item 8 (kinds ❓)",
                cells=INJURY_KINDS,
            ),
            _i(
                "injury.deaths",
                "Số trẻ em tử vong do tai nạn, thương tích",
                FLOW,
                "Reports of injury.reports whose severity is death; by kind.",
                "DOMAIN.md §9.2 item 8",
                cells=INJURY_KINDS,
            ),
            _i(
                "injury.deaths_drowning",
                "Trong đó: tử vong do đuối nước",
                FLOW,
                "injury.deaths of the drowning kind.",
                "Seed plan §II.3, §III.7",
            ),
        ),
    ),
    (
        "cases",
        "VII. Hỗ trợ, can thiệp trẻ em (NĐ 56/2017)",
        (
            _i(
                "cases.received",
                "Số trường hợp được tiếp nhận, mở hồ sơ",
                FLOW,
                "Cases opened in the period (created_at, local day).",
                "NĐ 56/2017 Điều 25",
            ),
            _i(
                "cases.assessed",
                "Số trường hợp được đánh giá ban đầu (Mẫu 02)",
                FLOW,
                "Cases with an initial risk assessment (Mẫu 02) made in the period.",
                "NĐ 56/2017 Điều 26",
            ),
            _i(
                "cases.emergency",
                "Số lần can thiệp khẩn cấp",
                FLOW,
                "Moves of a case to the emergency step in the period.",
                "NĐ 56/2017 Điều 26.3, 31",
            ),
            _i(
                "cases.emergency_12h",
                "Trong đó: trong vòng 12 giờ kể từ khi nhận thông tin",
                FLOW,
                """cases.emergency moves made at most 12 hours after the case's
                receipt of information (Case.received_at).""",
                "NĐ 56/2017 Điều 26.3",
                percent_of="cases.emergency",
            ),
            _i(
                "cases.plans_approved",
                "Số kế hoạch hỗ trợ, can thiệp được phê duyệt",
                FLOW,
                """Support plans (and adjustments) approved in the period
                (SupportPlan.approved_at, the time of the "plan.approved" event).""",
                "NĐ 56/2017 Điều 28.4, 29.2",
            ),
            _i(
                "cases.plans_on_time",
                "Trong đó: phê duyệt đúng thời hạn",
                FLOW,
                """cases.plans_approved approved by the end of the 2nd working day
                after submission (SupportPlan.submitted_at, the "plan.submitted"
                event), in local days, with the admin-kept holiday calendar.""",
                "NĐ 56/2017 Điều 28.4 (02 ngày làm việc)",
                percent_of="cases.plans_approved",
            ),
            _i(
                "cases.closed",
                "Số trường hợp kết thúc, đóng hồ sơ",
                FLOW,
                "Cases moved to closed in the period (each case once).",
                "NĐ 56/2017 Điều 30.1.b",
            ),
            _i(
                "cases.open_at_end",
                "Số trường hợp đang theo dõi cuối kỳ",
                STOCK,
                """Cases opened before the end of date_to whose last step at that
                moment was not closed.""",
                "NĐ 56/2017 Điều 29-30",
            ),
            _i(
                "referrals.sent",
                "Số lượt chuyển gửi dịch vụ",
                FLOW,
                "Referrals to partner organisations sent in the period.",
                "NĐ 56/2017 Điều 29",
            ),
            _i(
                "referrals.done",
                "Số lượt chuyển gửi đã hoàn thành",
                FLOW,
                "Referrals recorded as done by the partner in the period.",
                "NĐ 56/2017 Điều 29",
            ),
        ),
    ),
    (
        "campaigns",
        "VIII. Truyền thông, Tháng hành động, hỗ trợ và tập huấn",
        (
            _i(
                "campaigns.activities",
                "Số hoạt động đã tổ chức",
                FLOW,
                """Activities held in the period (campaign or standalone), by the
                categories of TT 28/2019.""",
                "Thông tư 28/2019 Điều 3",
                cells=ACTIVITY_CATEGORIES,
                protected=False,
            ),
            _i(
                "campaigns.sessions",
                "Số buổi, lượt phát thanh đã thực hiện",
                FLOW,
                "Times the activities of the period were held (broadcasts, sessions).",
                "Thông tư 28/2019 Điều 5",
                protected=False,
            ),
            _i(
                "campaigns.participants_children",
                "Lượt trẻ em tham gia hoạt động",
                FLOW,
                "Children counted at the activities of the period, by sex.",
                "Thông tư 28/2019 Điều 5",
                cells=PARTICIPANT_SEX,
                protected=False,
            ),
            _i(
                "campaigns.participants_adults",
                "Lượt người lớn tham gia hoạt động",
                FLOW,
                "Adults counted at the activities of the period.",
                "Thông tư 28/2019 Điều 5",
                protected=False,
            ),
            _i(
                "campaigns.supports",
                "Số suất quà, hỗ trợ đã trao",
                FLOW,
                "Gifts and support given to registered children in the period.",
                "Thông tư 28/2019 Điều 3; seed plan §II.5",
                protected=False,
            ),
            _i(
                "campaigns.supported_children",
                "Số trẻ em được hỗ trợ, tặng quà",
                FLOW,
                "Distinct children who received campaign support in the period.",
                "Thông tư 28/2019 Điều 3",
            ),
            _i(
                "campaigns.supported_children_hcdb",
                "Trong đó: trẻ em có hoàn cảnh đặc biệt",
                FLOW,
                """campaigns.supported_children classified HCĐB or with an open
                special circumstance (campaigns.figures' definition).""",
                "Seed plan §II.5",
            ),
            _i(
                "campaigns.support_value",
                "Giá trị quà, hỗ trợ đã trao (đồng)",
                FLOW,
                "Value of the support of campaigns.supports, by funding source.",
                "Thông tư 28/2019 Điều 5",
                cells=FUNDING_SOURCES,
                protected=False,
                unit="VND",
            ),
            _i(
                "campaigns.activity_cost",
                "Kinh phí tổ chức hoạt động (đồng)",
                FLOW,
                "Cost of the activities of the period, all sources.",
                "Thông tư 28/2019 Điều 5",
                protected=False,
                unit="VND",
            ),
            _i(
                "campaigns.forums",
                "Số diễn đàn trẻ em đã tổ chức",
                FLOW,
                "Children's forums that ended in the period (not cancelled).",
                "Thông tư 29/2019",
                protected=False,
            ),
            _i(
                "campaigns.forum_children",
                "Số trẻ em tham gia diễn đàn",
                FLOW,
                "Children registered as taking part in those forums.",
                "Thông tư 29/2019",
                protected=False,
            ),
            _i(
                "campaigns.trainings",
                "Số lớp tập huấn",
                FLOW,
                "Trainings held in the period.",
                "Seed plan §I.2, §III.1",
                protected=False,
            ),
            _i(
                "campaigns.trainees",
                "Lượt người được tập huấn",
                FLOW,
                "Attendees of those trainings (staff and collaborators).",
                "Seed plan §I.2, §III.1",
                protected=False,
            ),
        ),
    ),
)

INDICATORS: dict[str, Indicator] = {
    indicator.code: indicator
    for _code, _title, indicators in SECTIONS
    for indicator in indicators
}


def all_value_codes() -> list[str]:
    """Every key Annex.values() can hold: codes, "_pct" codes and cell codes."""
    keys = []
    for indicator in INDICATORS.values():
        keys.append(indicator.code)
        if indicator.percent_of:
            keys.append(f"{indicator.code}_pct")
        keys.extend(f"{indicator.code}.{cell}" for cell, _label in indicator.cells)
    return keys
