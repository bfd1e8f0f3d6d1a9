"""The child list, the child page and the officer's forms (in progress)."""

from django.http import Http404


def child_list(request):
    raise Http404


child_create = child_detail = child_edit = child_status = child_delete = child_list
circumstance_add = caregiver_add = child_list
