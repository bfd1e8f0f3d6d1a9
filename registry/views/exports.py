"""Export of the child list to .xlsx, with the list's current filters."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from accounts.models import Role
from registry import exporting, permissions, selectors
from registry.forms import ChildFilterForm
from registry.models import ResidentialGroup

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_safe
def child_export(request):
    commune = selectors.commune_acting_for(request.user, Role.OFFICER, Role.CHAIRMAN)
    if commune is None or not permissions.can_export_children(request.user, commune.pk):
        raise PermissionDenied
    groups = ResidentialGroup.objects.visible_to(request.user).filter(commune=commune)
    form = ChildFilterForm(request.GET or None, groups=groups)
    # As on the list page: filters that do not validate are left out.
    filters = form.cleaned_data if form.is_valid() else {}
    children = selectors.children_for(request.user, filters).filter(commune=commune)
    file, _count = exporting.children_export(
        actor=request.user, commune=commune, children=children, request=request
    )
    filename = exporting.export_filename(commune, timezone.localdate())
    return FileResponse(file, as_attachment=True, filename=filename, content_type=XLSX)
