"""The self-assessment dossier as NĐ 30 documents (DOMAIN.md §8.3, §10): the
evaluation table ("Bảng tự đánh giá") and the meeting minutes ("Biên bản họp").

Both are Vietnamese official documents: their wording is data here, not
interface text, as in the other PDFs of reports/. Counts only, no child.
"""

from reports import docformat
from reports.childfriendly.rules import Result
from reports.childfriendly.selectors import Sheet, assessment_sheet
from reports.indicators.vnformat import format_number
from reports.models import Assessment, ReportKind
from reports.periodic.config import profile_for, recipients
from reports.periodic.documents import AUTHORITY_LINES
from reports.services import chairman_name

# DOMAIN.md §8.2 ✅, verbatim.
TERRAIN_LABELS = {
    "phuong_tp_tw": (
        "Phường thuộc quận, thị xã, thành phố của thành phố trực thuộc trung ương"
    ),
    "mien_nui": "Xã, thị trấn thuộc miền núi, hải đảo; xã đặc biệt khó khăn",
    "con_lai": "Xã, phường, thị trấn còn lại",
}


def _numbers(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers)


def conclusion(result: Result) -> tuple[str, list[str]]:
    """The verdict and, when not met, why: written from the rule's result."""
    if result.met:
        return "Đạt đủ điều kiện đề nghị công nhận xã phù hợp với trẻ em.", []
    why = []
    unconfigured = [c.number for c in result.criteria if not c.configured]
    unassessed = [c.number for c in result.criteria if not c.assessed]
    below = [
        c.number
        for c in result.criteria
        if c.configured and c.assessed and not c.zero and not c.met
    ]
    if unconfigured:
        why.append(f"Tiêu chí chưa có điểm chuẩn: số {_numbers(unconfigured)}.")
    if unassessed:
        why.append(f"Tiêu chí chưa chấm đủ các chỉ tiêu: số {_numbers(unassessed)}.")
    if result.zero_numbers:
        why.append(f"Tiêu chí bị 0 điểm: số {_numbers(result.zero_numbers)}.")
    if below:
        why.append(f"Tiêu chí chưa đạt mức điểm tối thiểu: số {_numbers(below)}.")
    if result.threshold is not None and result.total < result.threshold:
        why.append(
            f"Tổng số điểm {format_number(result.total)} thấp hơn mức "
            f"{format_number(result.threshold)} điểm."
        )
    return "Chưa đủ điều kiện đề nghị công nhận xã phù hợp với trẻ em.", why


def _value(line) -> str:
    score = line.score
    if score is None or score.value is None:
        return ""
    unit = f" {line.indicator.unit}" if line.indicator.unit else ""
    return f"{format_number(score.value, decimals=2)}{unit}"


def _source(line) -> str:
    """Where the value comes from (the annex figure) and what the points rest on."""
    score = line.score
    parts = []
    if line.indicator.method == "computed":
        parts.append(f"Số liệu tự động: {line.source_label}")
    if score and score.evidence:
        parts.append(score.evidence)
    return "; ".join(parts)


def _table(sheet: Sheet) -> list[dict]:
    rows = []
    for row in sheet.rows:
        c = row.criterion
        rows.append(
            {
                "criterion": True,
                "number": c.number,
                "text": c.title,
                "max": c.max_points,
                "points": row.points,
                "met": row.met,
            }
        )
        for line in row.lines:
            indicator, score = line.indicator, line.score
            rule = indicator.rule_display
            rows.append(
                {
                    "criterion": False,
                    "number": indicator.code,
                    "text": f"{indicator.text} ({rule})" if rule else indicator.text,
                    "max": indicator.points,
                    "value": _value(line),
                    "points": score.points if score else None,
                    "source": _source(line),
                }
            )
    return rows


def _common(assessment: Assessment, sheet: Sheet) -> dict:
    verdict, why = conclusion(sheet.result)
    return {
        "assessment": assessment,
        "commune": assessment.commune,
        "criteria_set": assessment.criteria_set,
        "result": sheet.result,
        "criteria": sheet.result.criteria,
        "terrain_label": TERRAIN_LABELS.get(assessment.terrain, assessment.terrain),
        "verdict": verdict,
        "why": why,
        "is_draft": assessment.status != Assessment.Status.APPROVED,
    }


def _assessment(document) -> Assessment:
    return Assessment.objects.select_related("commune__province", "criteria_set").get(
        pk=document.subject_id, commune_id=document.commune_id
    )


def evaluation_context(document) -> dict:
    assessment = _assessment(document)
    commune = assessment.commune
    profile = profile_for(commune)
    _addressed, copies = recipients(commune, ReportKind.ANNUAL)
    sheet = assessment_sheet(assessment)
    doc = docformat.OfficialDocument(
        header=docformat.DocumentHeader(
            issuing_body=docformat.commune_issuing_body(commune),
            number="",
            place_date=docformat.place_date_line(
                commune.document_place, assessment.meeting_on, year=assessment.year
            ),
        ),
        type_name="BẢNG TỰ ĐÁNH GIÁ",
        summary=(
            "Kết quả thực hiện tiêu chuẩn xã, phường, thị trấn phù hợp với trẻ em "
            f"năm {assessment.year}"
        ),
        signature=docformat.SignatureBlock(
            authority=AUTHORITY_LINES[profile.signer_authority],
            signer_name=profile.signer_name or chairman_name(commune),
        ),
        recipients=tuple(f"- {line}" for line in copies),
    )
    return {"doc": doc, "table": _table(sheet), **_common(assessment, sheet)}


def minutes_context(document) -> dict:
    assessment = _assessment(document)
    commune = assessment.commune
    sheet = assessment_sheet(assessment)
    doc = docformat.OfficialDocument(
        header=docformat.DocumentHeader(
            issuing_body=docformat.commune_issuing_body(commune),
            number=docformat.number_line(None, "BB-UBND"),
            place_date=docformat.place_date_line(
                commune.document_place, assessment.meeting_on, year=assessment.year
            ),
        ),
        type_name="BIÊN BẢN",
        summary=f"Họp tự đánh giá xã phù hợp với trẻ em năm {assessment.year}",
        signature=docformat.SignatureBlock(
            authority=("CHỦ TRÌ",),
            signer_name=assessment.meeting_chair or chairman_name(commune),
        ),
    )
    return {
        "doc": doc,
        "secretary": assessment.meeting_secretary,
        "attendees": _lines(assessment.meeting_attendees),
        "discussion": _lines(assessment.meeting_discussion),
        **_common(assessment, sheet),
    }


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.replace("\r", "").split("\n") if line.strip()]
