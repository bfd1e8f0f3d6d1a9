"""The upload form: input shape only (an .xlsx workbook of sane size)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from registry.importing.reader import (
    MAX_UPLOAD_BYTES,
    UnreadableFileError,
    check_readable,
)


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Excel file (.xlsx)"),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument"
                ".spreadsheetml.sheet"
            }
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(
                _(
                    "Only Excel workbooks (.xlsx) can be imported. In Excel, choose "
                    "“Save as” and the type “Excel Workbook (.xlsx)”."
                ),
                code="extension",
            )
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB. Split it into smaller files.")
                % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)},
                code="size",
            )
        try:
            check_readable(upload)
        except UnreadableFileError as exc:
            raise forms.ValidationError(exc.message, code="unreadable") from None
        return upload
