"""Writes owned by reports: requesting and rendering generated documents."""

import datetime

from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils import timezone, translation

from accounts.models import Assignment, Role, User
from accounts.services import audit_record
from reports import docformat, kinds
from reports.models import GeneratedDocument
from reports.pdf import render_pdf

# A worker that died mid-render leaves RENDERING behind; after this long another
# delivery of the task may take the document over.
STALE_RENDER = datetime.timedelta(minutes=5)


@transaction.atomic
def document_request(
    *,
    requester: User,
    commune,
    kind: str,
    title: str,
    subject_id: int | None = None,
    request=None,
) -> GeneratedDocument:
    """Create the pending row of a document of `kind` for `commune`.

    The caller checks who may ask and queues `reports.tasks.render_document`
    (STYLE.md §3.7: tasks call services, never the other way round).
    """
    document = GeneratedDocument(
        commune=commune,
        requested_by=requester,
        kind=kind,
        title=title,
        subject_id=subject_id,
    )
    document.full_clean()
    document.save()
    audit_record(
        actor=requester,
        action="document.requested",
        obj=document,
        request=request,
        detail={"kind": kind, "subject_id": subject_id},
    )
    return document


def document_request_test_page(
    *, requester: User, commune, request=None
) -> GeneratedDocument:
    """The one-page format test document for `commune`."""
    return document_request(
        requester=requester,
        commune=commune,
        kind=GeneratedDocument.Kind.TEST_PAGE,
        title="Văn bản thử nghiệm thể thức",
        request=request,
    )


def _claim(document_id: int) -> bool:
    """Take the document for rendering; False if someone else has it or it is done."""
    now = timezone.now()
    claimable = Q(status=GeneratedDocument.Status.PENDING) | Q(
        status=GeneratedDocument.Status.RENDERING, started_at__lt=now - STALE_RENDER
    )
    updated = GeneratedDocument.objects.filter(claimable, pk=document_id).update(
        status=GeneratedDocument.Status.RENDERING, started_at=now
    )
    return updated == 1


def chairman_name(commune) -> str:
    """Who signs the commune's decisions: its chairman, if one is assigned."""
    assignment = (
        Assignment.objects.filter(commune=commune, role=Role.CHAIRMAN)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return assignment.user.full_name if assignment else ""


def test_page_context(document: GeneratedDocument) -> dict:
    commune = document.commune
    today = timezone.localdate()
    doc = docformat.OfficialDocument(
        header=docformat.DocumentHeader(
            issuing_body=docformat.commune_issuing_body(commune),
            number=docformat.number_line(None, "TB-UBND"),
            place_date=docformat.place_date_line(commune.document_place, today),
        ),
        type_name="THÔNG BÁO",
        summary="Thử nghiệm thể thức văn bản hành chính",
        signature=docformat.SignatureBlock(
            authority=("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
            signer_name=chairman_name(commune),
        ),
        recipients=("- Văn phòng HĐND và UBND xã;", "- Lưu: VT, VHXH."),
    )
    return {
        "doc": doc,
        "commune_label": str(commune),
        "requester_name": document.requested_by.full_name,
        "requested_at": timezone.localtime(document.created_at),
    }


def _store(document: GeneratedDocument, pdf: bytes) -> None:
    name = document.file.storage.save(
        GeneratedDocument.file.field.generate_filename(
            document, f"{document.code}.pdf"
        ),
        ContentFile(pdf),
    )
    try:
        with transaction.atomic():
            document.file.name = name
            document.status = GeneratedDocument.Status.READY
            document.finished_at = timezone.now()
            document.save(update_fields=["file", "status", "finished_at"])
            audit_record(actor=None, action="document.rendered", obj=document)
    except DatabaseError:
        document.file.storage.delete(name)  # no orphan file when the row is not saved
        raise


def requeue_stale_documents() -> list[int]:
    """Ids of documents waiting longer than STALE_RENDER (a lost task, a dead
    worker): the beat task queues them again; the claim keeps it idempotent."""
    cutoff = timezone.now() - STALE_RENDER
    return list(
        GeneratedDocument.objects.filter(
            Q(status=GeneratedDocument.Status.PENDING, created_at__lt=cutoff)
            | Q(status=GeneratedDocument.Status.RENDERING, started_at__lt=cutoff)
        ).values_list("pk", flat=True)
    )


def document_render(*, document_id: int) -> GeneratedDocument:
    """Render the PDF of one requested document, at most once.

    Idempotent: a repeated or concurrent delivery of the same task finds the
    document claimed or finished and leaves it alone.
    """
    if not _claim(document_id):
        return GeneratedDocument.objects.get(pk=document_id)
    document = GeneratedDocument.objects.select_related("commune", "requested_by").get(
        pk=document_id
    )
    try:
        # The builder runs under the same override: labels read from the models'
        # choices come out in Vietnamese too.
        with translation.override("vi"):
            template, context = kinds.template_and_context(document)
            pdf = render_pdf(template, context)
        _store(document, pdf)
    except DatabaseError:
        # Transient: hand the document back so the task's retry can claim it again.
        GeneratedDocument.objects.filter(pk=document_id).update(
            status=GeneratedDocument.Status.PENDING, started_at=None
        )
        raise
    except Exception as exc:
        GeneratedDocument.objects.filter(pk=document_id).update(
            status=GeneratedDocument.Status.FAILED,
            error=f"{type(exc).__name__}: {exc}"[:2000],
            finished_at=timezone.now(),
        )
        raise
    return document
