"""Forms of the case steps: input shape only (cases/casework/ holds the rules)."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from batochild.lib.forms import DateInput
from cases.forms import DateTimeLocalInput
from cases.models import (
    DETAILED_SECTIONS,
    DetailedAssessment,
    FollowUp,
    NeedsMeeting,
    PlanItem,
    RiskAssessment,
    RiskForm,
    RiskLevel,
    Separation,
)

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"]


def _helper(label) -> FormHelper:
    helper = FormHelper()
    helper.add_input(Submit("save", label))
    return helper


class RiskAssessmentForm(forms.Form):
    """Mẫu 02 / 06: each question rated High / Medium / Low, then the conclusion."""

    def __init__(self, *args, form_code: str, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"q{criterion.pk}"] = forms.ChoiceField(
                label=criterion.question,
                choices=[
                    (level, f"{label} — {criterion.description(level)}")
                    for level, label in RiskLevel.choices
                ],
                widget=forms.RadioSelect,
            )
        allowed = (
            ("emergency", "no_emergency")
            if form_code == RiskForm.INITIAL
            else ("close", "continue")
        )
        self.fields["conclusion"] = forms.ChoiceField(
            label=_("Conclusion"),
            choices=[c for c in RiskAssessment.Conclusion.choices if c[0] in allowed],
            widget=forms.RadioSelect,
        )
        self.fields["notes"] = forms.CharField(
            label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
        )
        self.helper = _helper(_("Save the assessment"))

    def answers(self) -> dict[int, str]:
        return {c.pk: self.cleaned_data[f"q{c.pk}"] for c in self.criteria}


class DetailedAssessmentForm(forms.ModelForm):
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = DetailedAssessment
        fields = [
            "caregiver_is_perpetrator",
            *(name for name, _letter in DETAILED_SECTIONS),
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name, _letter in DETAILED_SECTIONS
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["physical"].required = True
        self.fields["needs"].required = True
        # Đ27.1.h: the JS hides (h) when the box is ticked; the service clears it.
        self.fields["caregiver_views"].widget.attrs["data-hide-when"] = (
            "id_caregiver_is_perpetrator"
        )
        self.helper = _helper(_("Save"))


class NeedsMeetingForm(forms.ModelForm):
    held_at = forms.DateTimeField(
        label=_("held at"), widget=DateTimeLocalInput, input_formats=DATETIME_FORMATS
    )

    class Meta:
        model = NeedsMeeting
        fields = [
            "held_at",
            "place",
            "chaired_by",
            "participants",
            "opinions",
            "decisions",
        ]
        widgets = {
            "participants": forms.Textarea(attrs={"rows": 3}),
            "opinions": forms.Textarea(attrs={"rows": 3}),
            "decisions": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Save the minutes"))


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["visited_on", "child_state", "notes"]
        widgets = {
            "visited_on": DateInput,
            "child_state": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Save the visit"))


class SeparationForm(forms.ModelForm):
    starts_at = forms.DateTimeField(
        label=_("from"), widget=DateTimeLocalInput, input_formats=DATETIME_FORMATS
    )
    ends_at = forms.DateTimeField(
        label=_("until"), widget=DateTimeLocalInput, input_formats=DATETIME_FORMATS
    )

    class Meta:
        model = Separation
        fields = [
            "reason",
            "separated_from",
            "shelter",
            "carer",
            "starts_at",
            "ends_at",
        ]
        widgets = {"reason": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Decide the separation"))


class PlanForm(forms.Form):
    goal = forms.CharField(
        label=_("goal of the plan"), widget=forms.Textarea(attrs={"rows": 2})
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class PlanItemForm(forms.ModelForm):
    class Meta:
        model = PlanItem
        fields = [
            "service",
            "description",
            "start_on",
            "expected_end_on",
            "organisation",
            "person",
            "provider",
            "budget_vnd",
        ]
        widgets = {"start_on": DateInput, "expected_end_on": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No pre-filled 0: a blank extra row must stay "unchanged" and be skipped.
        self.fields["budget_vnd"].initial = None
        self.fields["budget_vnd"].required = False

    def clean_budget_vnd(self):
        return self.cleaned_data["budget_vnd"] or 0


PlanItemFormSet = forms.formset_factory(
    PlanItemForm, extra=2, can_delete=True, max_num=30, validate_max=True
)


class ReasonForm(forms.Form):
    """A required reason: adjusting a plan, returning it to the caseworker."""

    reason = forms.CharField(
        label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
