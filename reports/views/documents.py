from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from accounts.models import Role
from accounts.services import audit_record
from registry.selectors import commune_acting_for
from reports import permissions, selectors, services, tasks


@require_safe
def document_list(request):
    if not permissions.can_see_documents(request.user):
        raise PermissionDenied
    commune = commune_acting_for(request.user, Role.OFFICER, Role.CHAIRMAN)
    context = {
        "documents": selectors.documents_for(request.user),
        "can_request": commune is not None
        and permissions.can_request_document(request.user, commune),
    }
    return render(request, "reports/document_list.html", context)


@require_POST
def document_create(request):
    commune = commune_acting_for(request.user, Role.OFFICER, Role.CHAIRMAN)
    if commune is None or not permissions.can_request_document(request.user, commune):
        raise PermissionDenied
    document = services.document_request_test_page(
        requester=request.user, commune=commune, request=request
    )
    # After commit: the worker must find the row it is asked to render.
    transaction.on_commit(lambda: tasks.render_document.delay(document.pk))
    return redirect("reports:document_detail", code=document.code)


@require_safe
def document_detail(request, code):
    document = selectors.document_get_for_user(request.user, code)
    template = "reports/document_detail.html"
    if request.htmx:
        template += "#status"
    return render(request, template, {"document": document})


@require_safe
def document_download(request, code):
    document = selectors.document_get_for_user(request.user, code)
    if document.status != document.Status.READY:
        raise Http404
    audit_record(
        actor=request.user, action="document.downloaded", obj=document, request=request
    )
    return FileResponse(
        document.file.open("rb"),
        content_type="application/pdf",
        filename=f"{document.kind}-{document.created_at:%Y%m%d}.pdf",
    )
