"""The list of cases of the user's communes."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from cases import permissions, selectors
from cases.forms import CaseListForm


@require_safe
def case_list(request):
    if not permissions.can_use_inbox(request.user):
        raise PermissionDenied
    now = timezone.now()
    form = CaseListForm(request.GET, user=request.user)
    filters = form.filters()
    cases, cursor = selectors.cases_for(
        request.user,
        status=filters.get("status", ""),
        overdue=filters.get("overdue", False),
        level=filters.get("level", ""),
        group=filters.get("group"),
        caseworker=filters.get("caseworker"),
        after=filters.get("after", ""),
        now=now,
    )
    context = {"form": form, "cases": cases, "cursor": cursor, "now": now}
    return render(request, "cases/case_list.html", context)
