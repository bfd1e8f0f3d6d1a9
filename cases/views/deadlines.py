"""What is late or nearly so, for the officer and the chairman."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from cases import permissions, selectors


@require_safe
def deadlines(request):
    # The same people as the case list; a 403 like it, since the page is a role's,
    # not a record's.
    if not permissions.can_use_inbox(request.user):
        raise PermissionDenied
    now = timezone.now()
    board = selectors.deadline_board(request.user, now)
    return render(request, "cases/deadlines.html", {"board": board, "now": now})
