"""The model plan a new annual plan starts from: the seed's structure ("Kế hoạch
triển khai thực hiện công tác trẻ em năm 2024" of thị trấn Ba Tơ), written for
any commune and year.

Vietnamese text is data here, printed as the officer leaves it. The words that
change with the commune (xã / phường / thị trấn, the province, the 2024 district
or the 2025 province) come from the commune and its reporting profile; the
provincial decisions the seed cites are Quảng Ngãi's, so other provinces get a
generic wording to complete.
"""

from reports.indicators.sentences import KIND_WORDS
from reports.models import PlanTask, ReportingProfile

Org = PlanTask.Organisation

# The seed's three measurable requirements (§I.2), each read from the indicator
# that measures it: (lead, target, annex code, label).
TARGETS = (
    (
        "Phấn đấu",
        100,
        "hcdb.supported_pct",
        "trẻ em có hoàn cảnh đặc biệt được bảo vệ, chăm sóc dưới các hình thức",
    ),
    (
        "Đảm bảo",
        100,
        "newborns.insured_pct",
        "trẻ em sinh ra trong năm được cấp thẻ bảo hiểm y tế, được tiếp cận các "
        "dịch vụ y tế",
    ),
    (
        "Phấn đấu",
        90,
        "disabled.reached_pct",
        "trẻ em khuyết tật được tiếp cận với các dịch vụ bảo vệ, chăm sóc, giáo dục "
        "trẻ em tại cộng đồng",
    ),
)

# The provincial instruments the seed cites (Quảng Ngãi).
QUANG_NGAI = {
    "injury": (
        "Quyết định số 1203/QĐ-UBND ngày 13/8/2021 của UBND tỉnh về việc ban hành "
        "Kế hoạch thực hiện Chương trình phòng, chống tai nạn, thương tích trẻ em "
        "giai đoạn 2021-2030 trên địa bàn tỉnh Quảng Ngãi"
    ),
    "violence": (
        "Quyết định số 191/QĐ-UBND ngày 13/02/2020 của UBND tỉnh ban hành Kế hoạch "
        "hành động phòng, chống bạo lực, xâm hại trẻ em trên địa bàn tỉnh, giai "
        "đoạn 2020-2025"
    ),
    "child_friendly": "Kế hoạch số 25/KH-UBND ngày 13/02/2020 của UBND tỉnh",
}


def _provincial(province: str) -> dict[str, str]:
    if province == "Quảng Ngãi":
        return QUANG_NGAI
    return {
        "injury": (
            f"kế hoạch của UBND tỉnh {province} thực hiện Chương trình phòng, chống "
            "tai nạn, thương tích trẻ em giai đoạn 2021-2030"
        ),
        "violence": (
            f"kế hoạch của UBND tỉnh {province} về phòng, chống bạo lực, xâm hại trẻ em"
        ),
        "child_friendly": f"kế hoạch của UBND tỉnh {province}",
    }


def _paragraphs(*lines: str) -> str:
    return "\n".join(lines)


def model_plan(commune, year: int, profile: ReportingProfile) -> dict:
    """Texts, targets, content areas and tasks of a new plan for `commune`."""
    level = KIND_WORDS.get(commune.kind, "xã")
    province = commune.province.name
    refs = _provincial(province)
    if profile.preset == ReportingProfile.Preset.DISTRICT_2024:
        superior = f"UBND huyện {profile.former_district or '…'}"
        first_copy = f"Phòng LĐ-TBXH huyện {profile.former_district or '…'};"
    else:
        superior = f"UBND tỉnh {province}"
        first_copy = f"Sở Y tế tỉnh {province};"
    return {
        "title": f"Triển khai thực hiện công tác trẻ em năm {year}",
        "legal_bases": _paragraphs(
            "Căn cứ Luật Trẻ em số 102/2016/QH13 ngày 05/4/2016;",
            "Căn cứ Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị về tăng "
            "cường công tác chăm sóc, giáo dục, bảo vệ trẻ em đáp ứng yêu cầu phát "
            "triển đất nước phồn vinh, hạnh phúc;",
            f"Thực hiện Kế hoạch số …/KH-UBND ngày … của {superior} về việc triển "
            f"khai thực hiện công tác trẻ em năm {year};",
        ),
        "objectives": (
            "Đẩy mạnh công tác tuyên truyền vận động các ngành, các cấp, các tổ chức "
            "đoàn thể thực hiện tốt công tác bảo vệ, chăm sóc và giáo dục trẻ em. Tạo "
            "mọi điều kiện thuận lợi để trẻ em có cơ hội phát triển một cách toàn "
            "diện về mọi mặt, đảm bảo các quyền cơ bản của trẻ em. Xây dựng môi "
            "trường sống an toàn, lành mạnh và thân thiện với trẻ em, đảm bảo thực "
            "hiện quyền trẻ em, phát triển toàn diện trẻ em, giải quyết các vấn đề "
            "về trẻ em. Chủ động phòng ngừa, loại bỏ các nguy cơ gây tổn hại cho trẻ "
            "em, giảm thiểu tình trạng trẻ em rơi vào hoàn cảnh đặc biệt và trẻ em "
            "bị xâm hại, trẻ em bị bạo lực."
        ),
        "requirements": _paragraphs(
            "- Gia đình, trẻ em được phổ biến, tuyên truyền các chính sách, pháp "
            "luật, kiến thức, kỹ năng bảo vệ, chăm sóc, giáo dục trẻ em; kỹ năng "
            "phòng, chống tai nạn thương tích, đuối nước ở trẻ em.",
            "- Cán bộ phụ trách công tác trẻ em và cộng tác viên làm công tác trẻ em "
            "tại các thôn, tổ dân phố được nâng cao năng lực quản lý nhà nước về "
            "công tác trẻ em.",
        ),
        "closing": (
            f"Trên đây là Kế hoạch triển khai thực hiện công tác trẻ em năm {year}. "
            "Đề nghị công chức Văn hóa - Xã hội, cán bộ phụ trách công tác trẻ em và "
            "các ban, ngành có liên quan, trưởng các thôn, tổ dân phố nghiêm túc "
            "triển khai, thực hiện./."
        ),
        "recipients": _paragraphs(
            first_copy,
            f"TT Đảng ủy, HĐND {level};",
            f"CT, PCT UBND {level};",
            f"UBMTTQ và các đoàn thể {level};",
            f"Công an {level};",
            f"Trạm Y tế {level};",
            f"Đài truyền thanh {level};",
            "Các thôn, tổ dân phố;",
            "Lưu: VT, VHXH.",
        ),
        "targets": [
            {"lead": lead, "target": target, "indicator": code, "label": label}
            for lead, target, code, label in TARGETS
        ],
        "areas": _areas(year, level, refs),
        "tasks": _tasks(year, level, refs),
    }


def _areas(year: int, level: str, refs: dict[str, str]) -> list[dict]:
    """The seed's six content areas (§II.1-6)."""
    return [
        {
            "title": "Tăng cường sự chỉ đạo, điều hành, phối hợp thực hiện",
            "body": _paragraphs(
                "Tiếp tục thực hiện hiệu quả Chỉ thị số 28-CT/TW ngày 25/12/2023 của "
                "Bộ Chính trị về “tăng cường công tác chăm sóc, giáo dục, bảo vệ trẻ em "
                "đáp ứng yêu cầu phát triển đất nước phồn vinh, hạnh phúc”. Triển khai "
                "thực hiện hiệu quả Chương trình hành động quốc gia vì trẻ em giai "
                "đoạn 2021 - 2030 và các chương trình, đề án về trẻ em.",
                "Hỗ trợ, can thiệp, xử lý các vụ việc xâm hại trẻ em; phòng, chống bạo "
                "lực trẻ em trong gia đình, trường học; phòng, chống tai nạn, thương "
                "tích trẻ em, đặc biệt là đuối nước, tai nạn giao thông; hỗ trợ và "
                "chăm sóc trẻ em bị ảnh hưởng bởi thiên tai, dịch bệnh; phòng ngừa, "
                "giảm thiểu trẻ em lao động trái quy định của pháp luật; bảo vệ trẻ em "
                "trên môi trường mạng; chăm sóc, phát triển toàn diện trẻ em.",
            ),
        },
        {
            "title": "Công tác truyền thông, giáo dục, vận động xã hội để nâng cao "
            "nhận thức và chuyển đổi hành vi thực hiện các quyền trẻ em",
            "body": _paragraphs(
                "Tăng cường truyền thông, giáo dục kiến thức, kỹ năng thực hiện quyền, "
                "bổn phận của trẻ em, đặc biệt về chăm sóc, phát triển toàn diện trẻ "
                "em; bảo vệ trẻ em, phòng, chống bạo lực, xâm hại tình dục trẻ em, bóc "
                "lột trẻ em; phòng ngừa tai nạn thương tích trẻ em; thúc đẩy quyền "
                "tham gia của trẻ em vào các vấn đề về trẻ em.",
                "Hướng dẫn cha, mẹ, người chăm sóc trẻ em, gia đình và truyền thông "
                "trực tiếp đến gia đình, cơ sở giáo dục và cộng đồng dân cư; truyền "
                "thông, quảng bá về Tổng đài điện thoại quốc gia bảo vệ trẻ em (Tổng "
                "đài 111); hướng dẫn thông báo, tố giác hành vi, trường hợp, nguy cơ "
                "trẻ em bị xâm hại đến Tổng đài 111 và các cơ quan có thẩm quyền.",
            ),
        },
        {
            "title": "Tăng cường công tác phòng, chống tai nạn thương tích trẻ em; "
            "phòng, chống bạo lực, xâm hại trẻ em",
            "body": _paragraphs(
                "Triển khai hiệu quả phòng, chống tai nạn, thương tích trẻ em; phát "
                "triển mạng lưới dịch vụ bảo đảm an toàn cho trẻ em trong môi trường "
                "mạng, môi trường nước; tổ chức thực hiện các hoạt động can thiệp nhằm "
                "giảm thiểu nguy cơ gây tai nạn giao thông đường bộ cho trẻ em.",
                "Tổ chức thực hiện bàn giao, quản lý học sinh, tổ chức các hoạt động "
                "cho trẻ em trong dịp hè, không để trẻ em bị tai nạn đuối nước, bị bạo "
                "lực, xâm hại, bảo đảm mùa hè an toàn, lành mạnh cho trẻ em tại địa "
                "phương.",
                f"Triển khai có hiệu quả {refs['injury']}; {refs['violence']}.",
            ),
        },
        {
            "title": "Tiếp tục hoàn thiện cơ sở dữ liệu làm sạch về trẻ em theo Đề án "
            "06 của Chính phủ",
            "body": "Tiếp tục cập nhật cơ sở dữ liệu làm sạch về trẻ em, thu thập "
            "thông tin, thống kê về tình hình trẻ em, trẻ em có hoàn cảnh đặc biệt, "
            "trẻ em có nguy cơ rơi vào hoàn cảnh đặc biệt, trẻ em có hoàn cảnh khác. "
            "Thực hiện đầy đủ chế độ thông tin, báo cáo về công tác trẻ em được giao "
            "tại các chương trình, đề án, kế hoạch về trẻ em.",
        },
        {
            "title": "Tổ chức hoạt động hưởng ứng Tháng hành động vì trẻ em (từ ngày "
            f"01/6 đến hết ngày 30/6), Diễn đàn trẻ em, Tết Trung thu năm {year}",
            "body": _paragraphs(
                f"- Tổ chức Tháng hành động vì trẻ em năm {year} theo chủ đề do cấp "
                "trên hướng dẫn và theo Thông tư số 28/2019/TT-BLĐTBXH ngày "
                "26/12/2019 hướng dẫn tổ chức Tháng hành động vì trẻ em.",
                "Tăng cường trách nhiệm của mỗi ngành và công tác phối hợp giữa các "
                "ngành, các tổ chức chính trị - xã hội và các cơ quan, tổ chức có liên "
                "quan tại địa phương thực hiện các biện pháp phòng ngừa, ứng phó để "
                "bảo vệ trẻ em kịp thời, hiệu quả, nhất là trong gia đình và cơ sở "
                "giáo dục. Đẩy mạnh các hoạt động truyền thông, tuyên truyền trên đài "
                "truyền thanh và hội họp. Tổ chức xét tặng quà cho trẻ em có hoàn cảnh "
                "đặc biệt khó khăn.",
            ),
        },
        {
            "title": f"Triển khai xây dựng {level} phù hợp với trẻ em",
            "body": _paragraphs(
                f"Triển khai thu thập thông tin, tổ chức đánh giá, công nhận {level} "
                f"phù hợp với trẻ em theo quy định tại {refs['child_friendly']} triển "
                "khai thực hiện Quyết định số 06/QĐ-TTg của Thủ tướng Chính phủ.",
                f"Lồng ghép việc xây dựng {level} phù hợp với trẻ em với phong trào thi "
                "đua yêu nước, cuộc vận động học tập và làm theo tấm gương đạo đức Hồ "
                "Chí Minh và chương trình, kế hoạch phát triển kinh tế - xã hội ở địa "
                "phương.",
            ),
        },
    ]


def _tasks(year: int, level: str, refs: dict[str, str]) -> list[dict]:
    """The seed's organisations and their tasks (§III.1-7)."""
    return [
        {
            "organisation": Org.CULTURE_SOCIAL,
            "heading": "Văn hóa - Xã hội",
            "body": _paragraphs(
                f"Tham mưu UBND {level} các giải pháp thực hiện công tác trẻ em và các "
                "chương trình, đề án liên quan đến trẻ em.",
                "Phối hợp với các hội, đoàn thể, trường học, y tế tổ chức các hoạt "
                "động tuyên truyền, truyền thông, giáo dục, vận động xã hội nhằm nâng "
                "cao nhận thức, trách nhiệm, kỹ năng về bảo vệ trẻ em và phòng, chống "
                "bạo lực, xâm hại trẻ em.",
                "Hằng năm tham gia tập huấn nâng cao năng lực quản lý nhà nước về công "
                "tác trẻ em do cấp trên tổ chức. Phối hợp với các tổ chức, cá nhân có "
                "liên quan triển khai các hoạt động truyền thông tại cộng đồng, trong "
                "trường học nhằm tạo cơ hội, điều kiện cho trẻ em được thực hiện đầy "
                "đủ quyền của trẻ em. Thực hiện tổng hợp báo cáo công tác bảo vệ, chăm "
                "sóc trẻ em định kỳ 6 tháng và 1 năm.",
                "Xây dựng kế hoạch hoạt động và triển khai thực hiện có hiệu quả các "
                f"nội dung hoạt động công tác bảo vệ, chăm sóc trẻ em năm {year}.",
            ),
        },
        {
            "organisation": Org.HEALTH_STATION,
            "heading": "Trạm Y tế",
            "body": _paragraphs(
                "Triển khai và cung cấp các dịch vụ chăm sóc sức khỏe và dinh dưỡng "
                "đảm bảo sự phát triển toàn diện cho trẻ em. Tổ chức thực hiện có hiệu "
                "quả chính sách khám bệnh, chữa bệnh cho trẻ em dưới 06 tuổi, trẻ em "
                "có hoàn cảnh đặc biệt, trẻ em của hộ gia đình nghèo, cận nghèo, trẻ "
                "em dân tộc thiểu số.",
                "Hướng dẫn các dịch vụ tư vấn về chăm sóc sức khỏe cho trẻ em khuyết "
                "tật và công tác phát hiện sớm, can thiệp sớm cho trẻ em khuyết tật; "
                "triển khai mô hình dịch vụ phục hồi chức năng tại gia đình.",
                "Cung cấp dịch vụ hỗ trợ khẩn cấp cho trẻ em có hoàn cảnh đặc biệt, "
                "trẻ em bị xâm hại tình dục, trẻ em bị bạo lực. Phối hợp với các cơ "
                "quan, tổ chức, cá nhân liên quan thực hiện phòng, chống tai nạn, "
                "thương tích trẻ em, xây dựng “Cộng đồng an toàn” cho trẻ em. Tổ chức "
                "tiếp nhận khám, chữa bệnh, phòng ngừa và hỗ trợ, can thiệp của ngành "
                "y tế đối với trẻ em bị bạo lực, xâm hại tình dục theo "
                f"{refs['violence']}.",
            ),
        },
        {
            "organisation": Org.RADIO,
            "heading": "Đài truyền thanh",
            "body": "Phối hợp với các ban, ngành, hội, đoàn thể, cơ quan cấp trên tăng "
            "cường tuyên truyền thực hiện chính sách, pháp luật về công tác trẻ em; "
            "nêu gương người tốt, việc tốt trong thực hiện công tác trẻ em.",
        },
        {
            "organisation": Org.JUSTICE,
            "heading": "Tư pháp - Hộ tịch",
            "body": _paragraphs(
                "Thông tin, hướng dẫn hoạt động trợ giúp pháp lý cho trẻ em; tăng "
                "cường thực hiện chức năng quản lý nhà nước về đảm bảo quyền và lợi "
                "ích hợp pháp của trẻ em; đăng ký khai sinh đúng hạn cho trẻ em.",
                "Phối hợp chặt chẽ với các cơ quan, tổ chức, cá nhân cùng cấp hỗ trợ "
                "tư vấn pháp lý cho các trường hợp trẻ em bị xâm hại.",
            ),
        },
        {
            "organisation": Org.POLICE,
            "heading": "Công an",
            "body": _paragraphs(
                "Phối hợp với ngành liên quan trong công tác tiếp nhận thông tin, xử "
                "lý, can thiệp, hỗ trợ các trường hợp trẻ em bị xâm hại. Tăng cường "
                "công tác điều tra thân thiện đối với trẻ em theo quy định.",
                "Triển khai thực hiện các nhiệm vụ được phân công tại "
                f"{refs['violence']}.",
            ),
        },
        {
            "organisation": Org.FRONT,
            "heading": f"Đề nghị Ủy ban MTTQ Việt Nam và các hội, đoàn thể {level}",
            "body": "Đẩy mạnh công tác tuyên truyền việc thực hiện quyền trẻ em, đặc "
            "biệt về bảo vệ trẻ em, phòng, chống xâm hại trẻ em. Triển khai thực hiện "
            "và nhân rộng phong trào “Toàn dân chăm sóc, giáo dục, bảo vệ trẻ em” đến "
            "các chi hội, chi đoàn. Lồng ghép nội dung các tiêu chí đánh giá, công "
            "nhận xã, phường phù hợp với trẻ em gắn với cuộc vận động “Xây dựng nông "
            "thôn mới, đô thị văn minh”. Tổ chức các hoạt động giáo dục trẻ em kỹ năng "
            "tự bảo vệ mình, phòng tránh các nguy cơ bị bạo lực, xâm hại, bóc lột lao "
            "động, tệ nạn xã hội; phòng tránh tai nạn thương tích (đặc biệt tai nạn "
            "giao thông, đuối nước), tham gia giao thông an toàn.",
        },
        {
            "organisation": Org.RESIDENTIAL_GROUPS,
            "heading": "Các thôn, tổ dân phố",
            "body": "Tăng cường triển khai thực hiện công tác bảo vệ, chăm sóc trẻ em, "
            "đặc biệt là tuyên truyền phòng, chống bạo lực, xâm hại, tai nạn, thương "
            "tích trẻ em. Theo dõi, báo cáo kịp thời các hành vi bạo lực, xâm hại tình "
            "dục trẻ em, trẻ em bị tai nạn thương tích, đuối nước, trẻ em bị bóc lột "
            f"sức lao động về Ủy ban nhân dân {level} để kịp thời can thiệp, xử lý, "
            "thăm hỏi, hỗ trợ trẻ em bị bạo lực, xâm hại, trẻ em bị tử vong do đuối "
            "nước.",
        },
    ]
