"""Export of the child list to .xlsx (in progress)."""

from django.http import Http404


def child_export(request):
    raise Http404
