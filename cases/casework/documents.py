"""The case's official documents (NĐ 56/2017 annex, NĐ 30/2020 format): the
intake report (Mẫu 01), the plan-approval decision (Mẫu 05) and the separation
decision (Mẫu 07), rendered as PDFs through the reports pipeline.

The forms are Vietnamese legal text, so their wording is written here in
Vietnamese; labels read from the models' choices are translated (the renderer
runs under translation.override("vi")). Numbers stay blank: the clerk gives them
at issue (NĐ 30 Điều 15).
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from accounts.scope import user_scope
from cases.models import Case, CaseEvent, Separation, SupportPlan
from registry.models import Caregiver
from reports import docformat, tasks
from reports import services as report_services
from reports.models import GeneratedDocument

Kind = GeneratedDocument.Kind
CASE_KINDS = (Kind.CASE_INTAKE, Kind.CASE_APPROVAL, Kind.CASE_SEPARATION)

TITLES = {
    Kind.CASE_INTAKE: "Báo cáo tiếp nhận thông tin trẻ em (Mẫu 01)",
    Kind.CASE_APPROVAL: "Quyết định phê duyệt kế hoạch hỗ trợ, can thiệp (Mẫu 05)",
    Kind.CASE_SEPARATION: "Quyết định tạm thời cách ly trẻ em (Mẫu 07)",
}

LEGAL_BASES = (
    "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;",
    "Căn cứ Luật Trẻ em ngày 05 tháng 4 năm 2016;",
    "Căn cứ Nghị định số 56/2017/NĐ-CP ngày 09 tháng 5 năm 2017 của Chính phủ"
    " quy định chi tiết một số điều của Luật Trẻ em;",
)
PROPOSED_BY = "Theo đề nghị của Trưởng phòng Văn hóa - Xã hội."


# ---------------------------------------------------------------- permissions


def can_request_documents(user, case: Case) -> bool:
    """The caseworkers and the chairman of the case's commune draft its papers."""
    return case.commune_id in user_scope(user).communes_for(Role.OFFICER, Role.CHAIRMAN)


# ---------------------------------------------------------------- writes


def document_subject(case: Case, kind: str):
    """The row a document of `kind` is about: the latest plan revision (Mẫu 05),
    the latest separation (Mẫu 07); None for the intake report, or if missing."""
    if kind == Kind.CASE_APPROVAL:
        return case.plans.order_by("-revision").first()
    if kind == Kind.CASE_SEPARATION:
        return case.separations.order_by("-starts_at", "-pk").first()
    return None


def _check_subject(case: Case, kind: str, subject) -> None:
    if kind not in CASE_KINDS:
        raise ValueError(f"not a case document: {kind}")
    if kind == Kind.CASE_INTAKE:
        return
    model, missing = {
        Kind.CASE_APPROVAL: (
            SupportPlan,
            _("The case has no support plan (Form 04) to approve yet."),
        ),
        Kind.CASE_SEPARATION: (
            Separation,
            _("The case has no temporary separation recorded yet."),
        ),
    }[kind]
    if subject is None:
        raise ValidationError(missing)
    if not isinstance(subject, model) or subject.case_id != case.pk:
        raise ValueError("the subject does not belong to this case")


@transaction.atomic
def case_document_request(
    *, actor: User, case: Case, kind: str, subject=None, request=None
) -> GeneratedDocument:
    """Queue the PDF of one of the case's documents, written to the timeline."""
    if not can_request_documents(actor, case):
        raise PermissionDenied
    _check_subject(case, kind, subject)
    title = f"{TITLES[kind]} · {case.reference}"
    if kind == Kind.CASE_APPROVAL:
        title += f" · lần {subject.revision}"
    document = report_services.document_request(
        requester=actor,
        commune=case.commune,
        kind=kind,
        title=title,
        subject_id=subject.pk if subject is not None else case.pk,
        request=request,
    )
    CaseEvent.objects.create(
        case=case,
        commune_id=case.commune_id,
        actor=actor,
        action=f"document.{kind}",
        note=title,
    )
    # After commit: the worker must find the row it is asked to render.
    transaction.on_commit(lambda: tasks.render_document.delay(document.pk))
    return document


# ---------------------------------------------------------------- reads


def documents_context(user, case: Case) -> dict:
    """The case's documents the user may open (one query), for _documents.html."""
    subjects = (
        Q(kind=Kind.CASE_INTAKE, subject_id=case.pk)
        | Q(
            kind=Kind.CASE_APPROVAL,
            subject_id__in=SupportPlan.objects.filter(case=case).values("pk"),
        )
        | Q(
            kind=Kind.CASE_SEPARATION,
            subject_id__in=Separation.objects.filter(case=case).values("pk"),
        )
    )
    documents = (
        GeneratedDocument.objects.visible_to(user)
        .filter(subjects, commune_id=case.commune_id)
        .select_related("requested_by")
        .order_by("-created_at")
    )
    return {
        "case_documents": list(documents),
        "can_request_documents": can_request_documents(user, case),
    }


# ---------------------------------------------------------------- rendering


def _case_for(document: GeneratedDocument, case_id: int) -> Case:
    """The case, as its requester may see it: PDFs obey the same scope."""
    return (
        Case.objects.visible_to(document.requested_by)
        .select_related(
            "child__household", "residential_group", "caseworker", "commune"
        )
        .get(pk=case_id, commune_id=document.commune_id)
    )


def _date(value: datetime.date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def _moment(value: datetime.datetime | None) -> str:
    """ "14 giờ 05 phút, ngày 01/06/2026", in Vietnam's time."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    return f"{local.hour} giờ {local:%M} phút, ngày {local:%d/%m/%Y}"


def _vnd(amount: int) -> str:
    """1500000 → "1.500.000": Vietnamese groups thousands with dots."""
    return f"{amount:,}".replace(",", ".")


def _header(document, symbol: str, *, dated: bool) -> docformat.DocumentHeader:
    """A report carries the day it was written; a decision is dated when the
    chairman signs, so its day and month stay blank, like its number."""
    commune = document.commune
    today = timezone.localdate()
    return docformat.DocumentHeader(
        issuing_body=docformat.commune_issuing_body(commune),
        number=docformat.number_line(None, symbol),
        place_date=docformat.place_date_line(
            commune.document_place, today if dated else None, year=today.year
        ),
    )


def _child_line(case: Case) -> str:
    child = case.child
    home = child.household.address if child.household else ""
    commune = case.commune
    kind = docformat.KIND_WORDS.get(commune.kind, "XÃ").lower()
    home = home or f"{case.residential_group.name}, {kind} {commune.name}"
    born = _date(child.birth_date) + (
        " (ước tính)" if child.birth_date_is_estimated else ""
    )
    return (
        f"trẻ em {child.full_name}, sinh ngày {born}, giới tính"
        f" {child.get_sex_display()}, nơi ở: {home}"
    )


def _chairman_signature(commune) -> docformat.SignatureBlock:
    # Case decisions are the chairman's own (DOMAIN.md §10.5), hence no "TM.".
    return docformat.SignatureBlock(
        authority=("CHỦ TỊCH",),
        signer_name=report_services.chairman_name(commune),
    )


def _issuer(commune) -> str:
    return f"CHỦ TỊCH ỦY BAN NHÂN DÂN {docformat.commune_issuing_body(commune)[1]}"


def intake_context(document: GeneratedDocument) -> dict:
    """Mẫu 01 from the case's first report; every field is optional (note 5)."""
    case = _case_for(document, document.subject_id)
    report = (
        case.reports.select_related("reporter").order_by("received_at", "pk").first()
    )
    child = case.child
    parents = {
        c.relation: c.full_name
        for c in child.caregivers.filter(
            relation__in=[Caregiver.Relation.FATHER, Caregiver.Relation.MOTHER]
        )
    }
    carers = ", ".join(
        f"{c.full_name} ({c.get_relation_display()})" for c in child.caregivers.all()
    )
    informant = getattr(report, "reporter", None) if report else None
    category = (
        "BỊ XÂM HẠI" if report is None or report.is_abuse else "BỊ TAI NẠN, THƯƠNG TÍCH"
    )
    doc = docformat.OfficialDocument(
        header=_header(document, "BC-UBND", dated=True),
        type_name=f"BÁO CÁO TIẾP NHẬN THÔNG TIN TRẺ EM {category}",
        summary="",
        signature=docformat.SignatureBlock(
            authority=("Cán bộ tiếp nhận thông tin",),
            signer_name=case.caseworker.full_name,
        ),
        recipients=("- Chủ tịch UBND xã (để báo cáo);", "- Lưu: VT, VHXH, hồ sơ."),
    )
    return {
        "doc": doc,
        "reference": case.reference,
        "source": [
            ("Thông qua", report.get_source_display() if report else ""),
            ("Thời gian", _moment(report.received_at if report else case.received_at)),
        ],
        "child": [
            ("Họ và tên trẻ em", child.full_name),
            ("Ngày tháng năm sinh", _date(child.birth_date)),
            ("Giới tính", child.get_sex_display()),
            ("Sự việc", report.get_kind_display() if report else ""),
            ("Thời gian xảy ra", _moment(report.occurred_at) if report else ""),
            ("Địa điểm xảy ra vụ việc", report.place if report else ""),
            ("Tình trạng hiện tại của trẻ em", report.child_state if report else ""),
            ("Mức độ tổn hại", report.get_severity_display() if report else ""),
            (
                "Phỏng đoán hậu quả có thể sẽ xảy ra cho trẻ em nếu không có được"
                " hỗ trợ, can thiệp",
                "",
            ),
            ("Họ và tên cha", parents.get(Caregiver.Relation.FATHER, "")),
            ("Họ và tên mẹ", parents.get(Caregiver.Relation.MOTHER, "")),
            ("Hoàn cảnh gia đình", _household(child)),
            ("Người chăm sóc trẻ em hiện nay", carers),
            (
                "Những hành động hỗ trợ, can thiệp đã thực hiện đối với trẻ em trước"
                " khi nhận thông tin",
                report.actions_taken if report else "",
            ),
        ],
        # NĐ 56 Điều 24: an informant who asked to stay anonymous is not named.
        "informant_anonymous": informant is None or informant.anonymous,
        "informant": []
        if informant is None or informant.anonymous
        else [
            ("Họ và tên", informant.name),
            ("Số điện thoại", informant.phone),
            ("Địa chỉ", informant.address),
        ],
    }


def _household(child) -> str:
    household = child.household
    if household is None:
        return ""
    parts = [household.get_poverty_display(), household.address]
    return "; ".join(p for p in parts if p)


def approval_context(document: GeneratedDocument) -> dict:
    """Mẫu 05: the chairman approves one revision of the plan (Đ28.2.c)."""
    plan = (
        SupportPlan.objects.filter(commune_id=document.commune_id)
        .prefetch_related("items")
        .get(pk=document.subject_id)
    )
    case = _case_for(document, plan.case_id)
    items = list(plan.items.all())
    commune = document.commune
    doc = docformat.OfficialDocument(
        header=_header(document, "QĐ-UBND", dated=False),
        type_name="QUYẾT ĐỊNH",
        summary="Về việc phê duyệt kế hoạch hỗ trợ, can thiệp đối với trẻ em"
        f" {case.child.full_name}",
        signature=_chairman_signature(commune),
        recipients=("- Như Điều 3;", "- Lưu: VT, VHXH, hồ sơ."),
    )
    return {
        "doc": doc,
        "issuer": _issuer(commune),
        "legal_bases": LEGAL_BASES,
        "proposed_by": PROPOSED_BY,
        "reference": case.reference,
        "child_line": _child_line(case),
        "plan": plan,
        "rows": [
            {
                "service": item.get_service_display(),
                "task": item.description,
                "start": _date(item.start_on),
                "end": _date(item.expected_end_on),
                "organisation": item.get_organisation_display(),
                "person": item.person,
                "provider": item.provider,
                "budget": _vnd(item.budget_vnd),
            }
            for item in items
        ],
        "total": _vnd(sum(item.budget_vnd for item in items)),
        "caseworker": case.caseworker.full_name,
    }


def _duration(start: datetime.datetime, end: datetime.datetime) -> str:
    delta = end - start
    hours = delta.seconds // 3600
    text = f"{delta.days} ngày" if delta.days else ""
    if hours:
        text = f"{text} {hours} giờ".strip()
    return text


def separation_context(document: GeneratedDocument) -> dict:
    """Mẫu 07: at most 15 days apart from the parents or carer (Đ32)."""
    separation = Separation.objects.get(
        pk=document.subject_id, commune_id=document.commune_id
    )
    case = _case_for(document, separation.case_id)
    commune = document.commune
    doc = docformat.OfficialDocument(
        header=_header(document, "QĐ-UBND", dated=False),
        type_name="QUYẾT ĐỊNH",
        summary="Về việc tạm thời cách ly trẻ em khỏi cha, mẹ, người chăm sóc trẻ em",
        signature=_chairman_signature(commune),
        recipients=("- Như Điều 3;", "- Lưu: VT, VHXH, hồ sơ."),
    )
    return {
        "doc": doc,
        "issuer": _issuer(commune),
        "legal_bases": LEGAL_BASES,
        "proposed_by": PROPOSED_BY,
        "reference": case.reference,
        "child_line": _child_line(case),
        "separation": separation,
        "starts": _moment(separation.starts_at),
        "ends": _moment(separation.ends_at),
        "duration": _duration(separation.starts_at, separation.ends_at),
    }
