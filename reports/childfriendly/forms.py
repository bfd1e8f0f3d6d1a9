"""Forms of the self-assessment: input shape only (services.py holds the rules)."""

from django import forms
from django.core.validators import FileExtensionValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from batochild.lib.forms import DateInput

EVIDENCE_EXTENSIONS = ["pdf", "jpg", "jpeg", "png", "doc", "docx", "xls", "xlsx"]
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024


class AssessmentCreateForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2019, max_value=2100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year


class VersionForm(forms.Form):
    """Actions on a page the user read at a given version (submit, approve,
    refresh): a change made meanwhile is not overridden blindly."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class ScoreForm(VersionForm):
    value = forms.DecimalField(
        label=_("Value"), required=False, max_digits=12, decimal_places=2
    )
    points = forms.IntegerField(label=_("Points"), required=False, min_value=0)
    evidence = forms.CharField(
        label=_("Evidence"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the score rests on: documents, records, dates."),
    )
    attachment = forms.FileField(
        label=_("Attach a file"),
        required=False,
        validators=[FileExtensionValidator(EVIDENCE_EXTENSIONS)],
        help_text=_("PDF, image, Word or Excel; at most 10 MB."),
    )

    def clean_attachment(self):
        attachment = self.cleaned_data.get("attachment")
        if attachment and attachment.size > EVIDENCE_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return attachment


class MeetingForm(VersionForm):
    meeting_on = forms.DateField(label=_("Meeting date"), widget=DateInput)
    meeting_place = forms.CharField(label=_("Place"), max_length=200, required=False)
    meeting_chair = forms.CharField(label=_("Chaired by"), max_length=150)
    meeting_secretary = forms.CharField(label=_("Secretary"), max_length=150)
    meeting_attendees = forms.CharField(
        label=_("Attendees"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line."),
    )
    meeting_discussion = forms.CharField(
        label=_("Opinions and discussion"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
