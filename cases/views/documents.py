"""The case's documents: asking for the PDF of Mẫu 01, 05 or 07."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from cases import selectors
from cases.casework import documents as case_documents


class CaseDocumentForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[(kind.value, kind.label) for kind in case_documents.CASE_KINDS]
    )


@require_POST
def case_document_request(request, code):
    case = selectors.case_get_for_user(request.user, code)
    form = CaseDocumentForm(request.POST)
    if not form.is_valid():
        for message in form.errors.get("kind", []):
            messages.error(request, message)
        return redirect("cases:case_detail", code=case.code)
    kind = form.cleaned_data["kind"]
    try:
        document = case_documents.case_document_request(
            actor=request.user,
            case=case,
            kind=kind,
            subject=case_documents.document_subject(case, kind),
            request=request,
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("cases:case_detail", code=case.code)
    return redirect("reports:document_detail", code=document.code)
