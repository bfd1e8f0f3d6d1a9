"""Campaign forms: they shape the input; the rules live in campaigns/services."""

import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from batochild.lib.forms import DateInput
from campaigns.models import (
    Activity,
    Campaign,
    Category,
    Forum,
    FundingSource,
    Support,
    Training,
    TrainingAttendee,
)
from campaigns.priority import TIER_AT_RISK, TIER_OTHER, TIER_SPECIAL
from campaigns.services import activities as activity_services
from campaigns.services import campaigns as campaign_services
from registry.models import Child, ResidentialGroup

TIER_CHOICES = [
    ("", _("All")),
    (str(TIER_SPECIAL), _("In special circumstances")),
    (str(TIER_AT_RISK), _("At risk of special circumstances")),
    (str(TIER_OTHER), _("Other circumstances")),
]


def _helper(label, css_class="btn-primary") -> FormHelper:
    helper = FormHelper()
    helper.add_input(Submit("save", label, css_class=css_class))
    return helper


def _date_widgets(*names) -> dict:
    return dict.fromkeys(names, DateInput)


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = list(campaign_services.EDITABLE)  # what the service accepts
        widgets = _date_widgets("starts_on", "ends_on", "launch_on", "report_sent_on")
        widgets["plan"] = forms.Textarea(attrs={"rows": 5})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Left empty: the kind and the year.")
        if self.instance.pk is None:
            del self.fields["report_sent_on"]
            # The usual case: this year's Action Month, 1 to 30 June.
            year = timezone.localdate().year
            self.initial.setdefault("kind", Campaign.Kind.ACTION_MONTH)
            self.initial.setdefault("year", year)
            self.initial.setdefault("starts_on", datetime.date(year, 6, 1))
            self.initial.setdefault("ends_on", datetime.date(year, 6, 30))
        self.helper = _helper(_("Save"))


class CampaignFilterForm(forms.Form):
    year = forms.IntegerField(
        label=_("Year"), required=False, min_value=2000, max_value=2100
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("All")), *Campaign.Kind.choices],
        required=False,
    )
    after = forms.CharField(required=False, widget=forms.HiddenInput)


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Campaign.Status.choices)


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = list(activity_services.EDITABLE)  # what the service accepts
        widgets = _date_widgets("held_on")
        widgets["notes"] = forms.Textarea(attrs={"rows": 3})

    def __init__(self, *args, groups, campaigns=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["residential_group"].queryset = groups
        if campaigns is None:
            # Recorded from the campaign page: the campaign is given.
            del self.fields["campaign"]
        else:
            self.fields["campaign"].queryset = campaigns
            self.fields["campaign"].empty_label = _("None (standing alone)")
        self.initial.setdefault("held_on", timezone.localdate())
        self.helper = _helper(_("Save"))


class ActivityFilterForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Category"),
        choices=[("", _("All")), *Category.choices],
        required=False,
    )
    standalone = forms.BooleanField(label=_("Outside any campaign"), required=False)
    after = forms.CharField(required=False, widget=forms.HiddenInput)


class ChildSearchForm(forms.Form):
    """Finds a registered child by name, to record consent or a participant."""

    q = forms.CharField(label=_("Find a child by name"), max_length=100, required=False)


class ConsentForm(forms.Form):
    parent_name = forms.CharField(
        label=_("Parent or legal representative"), max_length=150
    )
    parent_consent_on = forms.DateField(
        label=_("Parent's consent given on"), widget=DateInput
    )
    child_consent_on = forms.DateField(
        label=_("Child's own consent given on"),
        widget=DateInput,
        required=False,
        help_text=_("Required from the age of 7."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Record the consent"))


class PhotoForm(forms.Form):
    file = forms.ImageField(label=_("Photo"))
    caption = forms.CharField(label=_("Caption"), max_length=250, required=False)
    shows_children = forms.BooleanField(
        label=_("Children can be recognised in this photo"), required=False
    )
    children = forms.ModelMultipleChoiceField(
        label=_("Children in the photo"),
        queryset=Child.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only children whose consent is recorded for this activity."),
    )

    def __init__(self, *args, children, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["children"].queryset = children
        self.helper = _helper(_("Add the photo"))


class SupportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Support.Kind.choices)
    description = forms.CharField(
        label=_("What was given"), max_length=250, required=False
    )
    value = forms.IntegerField(label=_("Value (VND)"), min_value=0)
    source = forms.ChoiceField(label=_("Funding source"), choices=FundingSource.choices)
    sponsor_name = forms.CharField(
        label=_("Given by (sponsor)"), max_length=200, required=False
    )
    given_on = forms.DateField(label=_("Given on"), widget=DateInput)
    confirm_repeat = forms.BooleanField(
        label=_("Give again on purpose: this child already received support"),
        required=False,
    )

    def __init__(self, *args, already_given: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not already_given:
            self.fields["confirm_repeat"].widget = forms.HiddenInput()
        self.initial.setdefault("given_on", timezone.localdate())
        self.helper = _helper(_("Record the support"))


class PriorityFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    tier = forms.ChoiceField(
        label=_("Circumstances"), choices=TIER_CHOICES, required=False
    )
    group = forms.ModelChoiceField(
        label=_("Residential group"),
        queryset=ResidentialGroup.objects.none(),
        required=False,
        empty_label=_("All"),
    )
    waiting = forms.BooleanField(label=_("Not yet supported"), required=False)
    after = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups


class PageForm(forms.Form):
    after = forms.CharField(required=False)


class ForumForm(forms.ModelForm):
    class Meta:
        model = Forum
        fields = [
            "supervisors",
            "volunteers",
            "guests",
            "opinions",
            "recommendations",
            "answers",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in ("opinions", "recommendations", "answers")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Save"))


class ParticipantForm(forms.Form):
    consent_by = forms.CharField(
        label=_("Written consent given by (parent or legal representative)"),
        max_length=150,
    )
    consent_on = forms.DateField(label=_("Consent dated"), widget=DateInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Add to the forum"))


class TrainingForm(forms.ModelForm):
    class Meta:
        model = Training
        fields = [
            "campaign",
            "title",
            "organiser",
            "held_on",
            "hours",
            "place",
            "notes",
        ]
        widgets = _date_widgets("held_on")
        widgets["notes"] = forms.Textarea(attrs={"rows": 3})

    def __init__(self, *args, campaigns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = campaigns
        self.fields["campaign"].empty_label = _("None")
        self.helper = _helper(_("Save"))


class AttendeeForm(forms.ModelForm):
    class Meta:
        model = TrainingAttendee
        fields = ["full_name", "kind", "position", "sex"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Add the attendee"))


class FiguresForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=DateInput)
    end = forms.DateField(label=_("To"), widget=DateInput)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("The range ends before it starts."))
        return data


class ConfirmForm(forms.Form):
    """An empty form: the POST itself is the confirmation."""
