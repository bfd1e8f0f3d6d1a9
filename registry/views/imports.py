"""Import of the commune's Excel lists: upload, check (dry run), commit."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.models import Role
from registry import exporting, permissions, selectors, tasks
from registry.importing import selectors as import_selectors
from registry.importing import services
from registry.importing.forms import ImportUploadForm
from registry.views.exports import XLSX


def _officer_commune(user):
    """The commune the officer imports into; 403 for everyone else."""
    commune = selectors.commune_acting_for(user, Role.OFFICER)
    if commune is None or not permissions.can_edit_children(user, commune.pk):
        raise PermissionDenied
    return commune


@require_http_methods(["GET", "POST"])
def import_start(request):
    commune = _officer_commune(request.user)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        batch = services.import_upload(
            actor=request.user,
            commune=commune,
            upload=form.cleaned_data["file"],
            language=request.LANGUAGE_CODE,
        )
        # After commit: the worker must find the row it is asked to check.
        transaction.on_commit(lambda: tasks.check_import.delay(batch.pk))
        return redirect("registry:child_import_detail", code=batch.code)
    context = {
        "form": form,
        "commune": commune,
        "batches": import_selectors.import_batches_for(request.user, commune),
    }
    return render(request, "registry/import_start.html", context)


@require_safe
def import_template(request):
    commune = _officer_commune(request.user)
    return FileResponse(
        exporting.template_workbook(commune=commune),
        as_attachment=True,
        filename="mau-danh-sach-tre-em.xlsx",
        content_type=XLSX,
    )


@require_http_methods(["GET", "POST"])
def import_detail(request, code):
    _officer_commune(request.user)
    batch = import_selectors.import_batch_get_for_user(request.user, code)
    if request.method == "POST":
        if services.import_request_commit(actor=request.user, batch=batch):
            transaction.on_commit(lambda: tasks.commit_import.delay(batch.pk))
        else:
            messages.error(
                request, _("This file cannot be added in its present state.")
            )
        return redirect("registry:child_import_detail", code=batch.code)
    template = "registry/import_detail.html"
    if request.htmx:
        template += "#import-result"
    return render(request, template, import_selectors.import_page(batch))
