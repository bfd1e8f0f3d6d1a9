"""The PDF of an annual plan: "KẾ HOẠCH" in the NĐ 30 layout, like the seed —
legal bases, I. Mục đích, yêu cầu (with the targets), II. Nội dung, III. Tổ chức
thực hiện, the signature from the commune's reporting profile, "Nơi nhận"."""

from reports import docformat
from reports.indicators.sentences import KIND_WORDS
from reports.indicators.vnformat import format_number
from reports.models import AnnualPlan
from reports.periodic.config import profile_for
from reports.periodic.documents import AUTHORITY_LINES
from reports.plans.selectors import plan_contents
from reports.services import chairman_name


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r", "").split("\n") if p.strip()]


def target_sentence(target) -> str:
    """ "- Phấn đấu 100% trẻ em có hoàn cảnh đặc biệt được bảo vệ…"."""
    figure = format_number(target.target) + ("%" if target.is_percent else "")
    text = " ".join(part for part in (target.lead, figure, target.label) if part)
    return f"- {text.rstrip('.;')}."


def plan_context(document) -> dict:
    plan = AnnualPlan.objects.select_related("commune__province").get(
        pk=document.subject_id, commune_id=document.commune_id
    )
    commune = plan.commune
    profile = profile_for(commune)
    contents = plan_contents(plan)
    doc = docformat.OfficialDocument(
        header=docformat.DocumentHeader(
            issuing_body=docformat.commune_issuing_body(commune),
            number=docformat.number_line(plan.number, "KH-UBND"),
            place_date=docformat.place_date_line(
                commune.document_place, plan.adopted_on, year=plan.year
            ),
        ),
        type_name="KẾ HOẠCH",
        summary=plan.title.strip(),
        signature=docformat.SignatureBlock(
            authority=AUTHORITY_LINES[profile.signer_authority],
            signer_name=profile.signer_name or chairman_name(commune),
        ),
        recipients=tuple(f"- {line}" for line in paragraphs(plan.recipients)),
    )
    level = KIND_WORDS.get(commune.kind, "xã")
    title = plan.title.strip()
    return {
        "doc": doc,
        "plan": plan,
        "legal_bases": paragraphs(plan.legal_bases),
        "introduction": (
            f"Ủy ban nhân dân {level} {commune.name} xây dựng Kế hoạch "
            f"{title[:1].lower()}{title[1:]} như sau:"
        ),
        "objectives": paragraphs(plan.objectives),
        "requirements": [target_sentence(t) for t in contents["targets"]]
        + paragraphs(plan.requirements),
        "areas": [(a.title, paragraphs(a.body)) for a in contents["areas"]],
        "tasks": [(t.heading, paragraphs(t.body)) for t in contents["tasks"]],
        "closing": paragraphs(plan.closing),
    }
