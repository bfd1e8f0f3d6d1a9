"""Forms of the periodic reports: input shape only (reports/periodic/ holds the rules)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from batochild.lib.forms import DateInput
from reports.models import NARRATIVE_SECTIONS, ReportKind


class ReportCreateForm(forms.Form):
    kind = forms.ChoiceField(label=_("Report"), choices=ReportKind.choices)
    year = forms.IntegerField(label=_("Year"), min_value=2020, max_value=2100)
    event_on = forms.DateField(
        label=_("Date of the forum"), required=False, widget=DateInput
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year

    def clean(self):
        data = super().clean()
        if data.get("kind") == ReportKind.FORUM and not data.get("event_on"):
            self.add_error("event_on", _("Give the date of the forum."))
        return data


class NarrativeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, title in NARRATIVE_SECTIONS:
            self.fields[key] = forms.CharField(
                label=title,
                required=False,
                max_length=20_000,
                widget=forms.Textarea(attrs={"rows": 6}),
            )


class IssueForm(forms.Form):
    issued_on = forms.DateField(label=_("Issue date"), widget=DateInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issued_on"].initial = timezone.localdate()
