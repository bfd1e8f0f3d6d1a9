"""First drafts of the report's narrative sections (DOMAIN.md §9.2), written from
the annex's numbers, for the officer to edit before the report is generated.

The sections are those of a commune report: I. Đặc điểm tình hình ("situation"),
II. Kết quả thực hiện by the six content areas of the year's plan (the seed plan
§II, "results"), III. Tồn tại, hạn chế ("shortcomings"), IV. Phương hướng, nhiệm
vụ ("next steps"), V. Kiến nghị, đề xuất ("recommendations"). Vietnamese text is
data here: the report is an official Vietnamese document.

Every sentence states numbers the annex holds; where a number says nothing
happened, the sentence says so or is left out. A de-identified annex's hidden
cells read "dưới 3" (or "(ẩn)" when hidden only to protect another).
"""

from reports.indicators import codes
from reports.indicators.structure import Annex
from reports.indicators.vnformat import format_money, format_number, format_percent

KIND_WORDS = {
    "xa": "xã",
    "phuong": "phường",
    "dac_khu": "đặc khu",
    "thi_tran": "thị trấn",
}
# The content areas of the seed plan (§II.1-6), in its order.
CONTENT_AREAS = (
    "Công tác chỉ đạo, điều hành, phối hợp thực hiện",
    "Công tác truyền thông, giáo dục, vận động xã hội",
    "Phòng, chống tai nạn, thương tích; phòng, chống bạo lực, xâm hại trẻ em",
    "Cập nhật cơ sở dữ liệu về trẻ em",
    "Tháng hành động vì trẻ em, Diễn đàn trẻ em, Tết Trung thu",
    "Xây dựng xã, phường phù hợp với trẻ em",
)
SECTION_KEYS = ("situation", "results", "shortcomings", "next_steps", "recommendations")


class Numbers:
    """The annex's values, read as text ("1.234") or as numbers (None → 0)."""

    def __init__(self, annex: Annex):
        self.values = annex.values()
        self.threshold = annex.small_cell_threshold
        self.complementary = {
            f"{row.code}.{cell.code}"
            for row in annex.rows
            for cell in row.cells
            if cell.complementary
        }

    def __call__(self, code: str) -> str:
        value = self.values[code]
        if code in self.complementary:
            return "(ẩn)"
        if value is None and self.threshold:
            return f"dưới {self.threshold}"
        return format_number(value)

    def get(self, code: str) -> int | float:
        return self.values[code] or 0

    def pct(self, code: str) -> str:
        return format_percent(self.values[f"{code}_pct"])

    def gap(self, total: str, part: str) -> int:
        """How many of `total` are not in `part`."""
        return max(0, self.get(total) - self.get(part))

    def listing(self, code: str, choices, unit: str) -> str:
        """The non-zero cells of a row: "3 vụ bạo lực, 1 vụ bỏ mặc"."""
        parts = []
        for cell, label in choices:
            key = f"{code}.{cell}"
            if self.values[key] is None or self.values[key]:
                parts.append(f"{self(key)} {unit}{label[:1].lower()}{label[1:]}")
        return ", ".join(parts)


def prefill_sections(annex: Annex, *, period_label: str) -> dict[str, str]:
    """The five narrative sections, keyed "situation", "results", "shortcomings",
    "next_steps", "recommendations"."""
    n = Numbers(annex)
    kind = KIND_WORDS.get(annex.commune_kind, "xã")
    return {
        "situation": _situation(n, annex, kind, period_label),
        "results": _results(n, kind),
        "shortcomings": _shortcomings(n),
        "next_steps": _next_steps(n),
        "recommendations": _recommendations(n),
    }


def _situation(n: Numbers, annex: Annex, kind: str, period_label: str) -> str:
    lines = [
        f"Tính đến ngày {annex.date_to:%d/%m/%Y}, toàn {kind} có "
        f"{n('children.total')} trẻ em dưới 16 tuổi, trong đó {n('children.sex.nu')} "
        f"em nữ và {n('children.sex.nam')} em nam; {n('children.ethnic_minority')} em "
        f"là người dân tộc thiểu số ({n.pct('children.ethnic_minority')}).",
        f"Theo nhóm tuổi: {n('children.age.0_3')} em dưới 3 tuổi, "
        f"{n('children.age.3_6')} em từ 3 đến dưới 6 tuổi, {n('children.age.6_11')} "
        f"em từ 6 đến dưới 11 tuổi, {n('children.age.11_16')} em từ 11 đến dưới "
        "16 tuổi.",
        f"Trẻ em dưới 6 tuổi có {n('under6.total')} em, trong đó "
        f"{n('under6.insured')} em có thẻ bảo hiểm y tế còn hạn "
        f"({n.pct('under6.insured')}).",
        f"Có {n('hcdb.total')} trẻ em có hoàn cảnh đặc biệt, {n('at_risk.total')} "
        "trẻ em có nguy cơ rơi vào hoàn cảnh đặc biệt và "
        f"{n('other.total')} trẻ em có hoàn cảnh khác; {n('disabled.total')} trẻ em "
        "khuyết tật.",
    ]
    incidents = f"Trong {period_label}, "
    if n.get("abuse.reports"):
        incidents += (
            f"{kind} tiếp nhận {n('abuse.reports')} vụ xâm hại trẻ em với "
            f"{n('abuse.children')} trẻ em bị xâm hại; "
        )
    else:
        incidents += f"{kind} không tiếp nhận vụ xâm hại trẻ em nào; "
    if n.get("injury.reports"):
        incidents += (
            f"{n('injury.reports')} trẻ em bị tai nạn, thương tích, trong đó "
            f"{n('injury.deaths')} em tử vong ({n('injury.deaths_drowning')} em do "
            "đuối nước)."
        )
    else:
        incidents += "không có trẻ em bị tai nạn, thương tích được báo tin."
    lines.append(incidents)
    return "\n".join(lines)


def _results(n: Numbers, kind: str) -> str:
    areas = [
        _area_direction(n),
        _area_communication(n),
        _area_prevention(n),
        _area_database(n),
        _area_campaigns(n),
        _area_child_friendly(n, kind),
    ]
    return "\n\n".join(
        f"{number}. {title}\n{text}"
        for number, (title, text) in enumerate(
            zip(CONTENT_AREAS, areas, strict=True), 1
        )
    )


def _area_direction(n: Numbers) -> str:
    text = (
        f"Tiếp nhận {n('cases.received')} trường hợp trẻ em cần hỗ trợ, can thiệp; "
        f"đánh giá ban đầu {n('cases.assessed')} trường hợp; can thiệp khẩn cấp "
        f"{n('cases.emergency')} lần, trong đó {n('cases.emergency_12h')} lần trong "
        "vòng 12 giờ kể từ khi nhận thông tin. "
        f"Phê duyệt {n('cases.plans_approved')} kế hoạch hỗ trợ, can thiệp, trong đó "
        f"{n('cases.plans_on_time')} kế hoạch được phê duyệt đúng thời hạn "
        f"({n.pct('cases.plans_on_time')}). "
        f"Chuyển gửi {n('referrals.sent')} lượt dịch vụ đến các cơ quan, tổ chức, "
        f"{n('referrals.done')} lượt đã hoàn thành; kết thúc {n('cases.closed')} "
        f"trường hợp; cuối kỳ còn {n('cases.open_at_end')} trường hợp đang theo dõi."
    )
    if n.get("campaigns.trainings"):
        text += (
            f" Tổ chức, tham gia {n('campaigns.trainings')} lớp tập huấn với "
            f"{n('campaigns.trainees')} lượt cán bộ, cộng tác viên."
        )
    return text


def _area_communication(n: Numbers) -> str:
    if not n.get("campaigns.activities"):
        return "Chưa ghi nhận hoạt động truyền thông nào trong kỳ."
    return (
        f"Tổ chức {n('campaigns.activities.communication')} hoạt động truyền thông; "
        f"tổng cộng {n('campaigns.activities')} hoạt động với "
        f"{n('campaigns.sessions')} buổi, lượt phát thanh, thu hút "
        f"{n('campaigns.participants_children')} lượt trẻ em (trong đó "
        f"{n('campaigns.participants_children.girls')} lượt trẻ em nữ) và "
        f"{n('campaigns.participants_adults')} lượt người lớn tham gia."
    )


def _area_prevention(n: Numbers) -> str:
    text = (
        f"Tổ chức {n('campaigns.activities.hazard_check')} hoạt động kiểm tra, cảnh "
        f"báo nơi nguy hiểm và {n('campaigns.activities.summer')} hoạt động hè cho "
        "trẻ em. "
    )
    if n.get("abuse.reports"):
        forms = n.listing("abuse.reports", codes.ABUSE_FORMS, "vụ ")
        text += f"Tiếp nhận {n('abuse.reports')} vụ xâm hại trẻ em ({forms}). "
    else:
        text += "Không tiếp nhận vụ xâm hại trẻ em nào. "
    if n.get("injury.reports"):
        kinds = n.listing("injury.reports", codes.INJURY_KINDS, "em ")
        text += (
            f"Có {n('injury.reports')} trẻ em bị tai nạn, thương tích ({kinds}); "
            f"{n('injury.deaths')} em tử vong, trong đó "
            f"{n('injury.deaths_drowning')} em do đuối nước."
        )
    else:
        text += "Không có trẻ em bị tai nạn, thương tích được báo tin."
    return text


def _area_database(n: Numbers) -> str:
    groups = n.listing(
        "hcdb.group",
        [(cell, f"thuộc điểm {label}") for cell, label in codes.GROUP_CELLS],
        "em ",
    )
    text = (
        f"Cơ sở dữ liệu cập nhật {n('children.total')} trẻ em dưới 16 tuổi và "
        f"{n('hcdb.total')} trẻ em có hoàn cảnh đặc biệt"
    )
    text += f" ({groups}). " if groups else ". "
    return text + (
        f"Có {n('hcdb.supported')} trẻ em có hoàn cảnh đặc biệt được trợ giúp "
        f"({n.pct('hcdb.supported')}); {n('disabled.reached')} trong số "
        f"{n('disabled.total')} trẻ em khuyết tật được tiếp cận dịch vụ "
        f"({n.pct('disabled.reached')}). "
        f"Trẻ em sinh ra trong kỳ: {n('newborns.total')} em, trong đó "
        f"{n('newborns.insured')} em có thẻ bảo hiểm y tế ({n.pct('newborns.insured')}), "
        f"{n('newborns.registered_on_time')} em được đăng ký khai sinh đúng hạn."
    )


def _area_campaigns(n: Numbers) -> str:
    if not n.get("campaigns.supports") and not n.get("campaigns.forums"):
        return "Chưa ghi nhận hoạt động hỗ trợ, tặng quà hay diễn đàn trẻ em trong kỳ."
    sources = ", ".join(
        f"{label.lower()} {format_money(n.get(f'campaigns.support_value.{cell}'))}"
        for cell, label in codes.FUNDING_SOURCES
        if n.get(f"campaigns.support_value.{cell}")
    )
    text = (
        f"Trao {n('campaigns.supports')} suất quà, hỗ trợ cho "
        f"{n('campaigns.supported_children')} trẻ em (trong đó "
        f"{n('campaigns.supported_children_hcdb')} em có hoàn cảnh đặc biệt), tổng "
        f"giá trị {format_money(n.get('campaigns.support_value'))}"
    )
    text += f" ({sources})." if sources else "."
    if n.get("campaigns.forums"):
        text += (
            f" Tổ chức {n('campaigns.forums')} diễn đàn trẻ em với "
            f"{n('campaigns.forum_children')} em tham gia."
        )
    return text


def _area_child_friendly(n: Numbers, kind: str) -> str:
    return (
        f"Các chỉ tiêu {kind} phù hợp với trẻ em có số liệu: "
        f"{n.pct('children.birth_registered')} trẻ em đã đăng ký khai sinh; "
        f"{n.pct('hcdb.supported')} trẻ em có hoàn cảnh đặc biệt được trợ giúp; "
        f"{n.pct('cases.plans_on_time')} kế hoạch hỗ trợ, can thiệp được phê duyệt "
        "đúng thời hạn."
    )


def _shortcomings(n: Numbers) -> str:
    found = []
    if gap := n.gap("under6.total", "under6.insured"):
        found.append(
            f"Còn {format_number(gap)} trẻ em dưới 6 tuổi chưa có thẻ bảo hiểm y tế "
            "còn hạn."
        )
    if gap := n.gap("children.total", "children.birth_registered"):
        found.append(f"Còn {format_number(gap)} trẻ em chưa đăng ký khai sinh.")
    if gap := n.gap("hcdb.total", "hcdb.supported"):
        found.append(
            f"Còn {format_number(gap)} trẻ em có hoàn cảnh đặc biệt chưa có ghi nhận "
            "được trợ giúp trong kỳ."
        )
    if gap := n.gap("disabled.total", "disabled.reached"):
        found.append(
            f"Còn {format_number(gap)} trẻ em khuyết tật chưa có ghi nhận được tiếp "
            "cận dịch vụ."
        )
    if gap := n.gap("cases.plans_approved", "cases.plans_on_time"):
        found.append(
            f"Có {format_number(gap)} kế hoạch hỗ trợ, can thiệp được phê duyệt quá "
            "thời hạn 02 ngày làm việc."
        )
    if gap := n.gap("cases.emergency", "cases.emergency_12h"):
        found.append(
            f"Có {format_number(gap)} lần can thiệp khẩn cấp sau quá 12 giờ kể từ "
            "khi nhận thông tin."
        )
    if n.get("abuse.reports"):
        found.append(f"Vẫn xảy ra {n('abuse.reports')} vụ xâm hại trẻ em.")
    if n.get("injury.deaths"):
        found.append(
            f"Vẫn còn {n('injury.deaths')} trẻ em tử vong do tai nạn, thương tích "
            f"({n('injury.deaths_drowning')} em do đuối nước)."
        )
    if not found:
        return "Qua số liệu thống kê, chưa ghi nhận tồn tại, hạn chế nổi bật trong kỳ."
    return "\n".join(found)


def _next_steps(n: Numbers) -> str:
    steps = []
    if n.get("cases.open_at_end"):
        steps.append(
            f"Tiếp tục theo dõi, hỗ trợ {n('cases.open_at_end')} trường hợp trẻ em "
            "đang được hỗ trợ, can thiệp."
        )
    if gap := n.gap("under6.total", "under6.insured"):
        steps.append(
            f"Rà soát, đề nghị cấp thẻ bảo hiểm y tế cho {format_number(gap)} trẻ em "
            "dưới 6 tuổi chưa có thẻ còn hạn."
        )
    if gap := n.gap("children.total", "children.birth_registered"):
        steps.append(
            f"Hướng dẫn gia đình đăng ký khai sinh cho {format_number(gap)} trẻ em."
        )
    if gap := n.gap("hcdb.total", "hcdb.supported"):
        steps.append(
            f"Huy động nguồn lực trợ giúp {format_number(gap)} trẻ em có hoàn cảnh "
            "đặc biệt chưa được trợ giúp."
        )
    if gap := n.gap("disabled.total", "disabled.reached"):
        steps.append(
            f"Kết nối dịch vụ cho {format_number(gap)} trẻ em khuyết tật chưa được "
            "tiếp cận dịch vụ."
        )
    steps.append(
        "Tiếp tục tuyên truyền phòng, chống bạo lực, xâm hại, tai nạn, thương tích "
        f"và đuối nước trẻ em; cập nhật cơ sở dữ liệu {n('children.total')} trẻ em "
        "của địa phương."
    )
    return "\n".join(steps)


def _recommendations(n: Numbers) -> str:
    items = []
    if gap := n.gap("hcdb.total", "hcdb.supported"):
        items.append(
            "Đề nghị cấp trên quan tâm bố trí kinh phí, nguồn lực để trợ giúp "
            f"{format_number(gap)} trẻ em có hoàn cảnh đặc biệt chưa được trợ giúp."
        )
    if gap := n.gap("disabled.total", "disabled.reached"):
        items.append(
            "Đề nghị Trạm Y tế và các cơ quan liên quan hỗ trợ phục hồi chức năng, "
            f"kết nối dịch vụ cho {format_number(gap)} trẻ em khuyết tật."
        )
    if n.gap("under6.total", "under6.insured"):
        items.append(
            "Đề nghị cơ quan bảo hiểm xã hội phối hợp cấp thẻ bảo hiểm y tế kịp thời "
            "cho trẻ em dưới 6 tuổi."
        )
    if not n.get("campaigns.trainings"):
        items.append(
            "Đề nghị tổ chức tập huấn nâng cao năng lực cho cán bộ làm công tác trẻ "
            "em và cộng tác viên tại thôn, tổ dân phố (trong kỳ chưa có lớp tập huấn)."
        )
    if not items:
        return "Không có kiến nghị phát sinh từ số liệu trong kỳ."
    return "\n".join(items)
