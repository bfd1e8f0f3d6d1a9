"""Import of the commune's Excel lists (in progress)."""

from django.http import Http404


def import_start(request):
    raise Http404


def import_template(request):
    raise Http404


def import_detail(request, code):
    raise Http404
