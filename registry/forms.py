"""Registry forms: input shape only; the rules live in registry/services.py."""

import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from batochild.lib.forms import DateInput
from registry.circumstances import SUBGROUP_CHOICES, CircumstanceGroup
from registry.models import (
    Caregiver,
    Child,
    Household,
    ResidentialGroup,
    SpecialCircumstance,
)
from registry.models.lookups import RiskCategory
from registry.selectors import AGE_BANDS


class ChildFilterForm(forms.Form):
    """The list's filters, bound to the query string."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    after = forms.CharField(required=False, widget=forms.HiddenInput)  # keyset cursor
    group = forms.ModelChoiceField(
        label=_("Residential group"),
        queryset=ResidentialGroup.objects.none(),
        required=False,
        empty_label=_("All"),
    )
    classification = forms.ChoiceField(
        label=_("Classification"),
        choices=[("", _("All")), *Child.Classification.choices],
        required=False,
    )
    circumstance = forms.ChoiceField(
        label=_("Special circumstance"),
        choices=[("", _("All")), *CircumstanceGroup.choices],
        required=False,
    )
    age_band = forms.ChoiceField(
        label=_("Age"),
        choices=[("", _("All"))] + [(k, k) for k in AGE_BANDS],
        required=False,
    )
    sex = forms.ChoiceField(
        label=_("Sex"),
        choices=[("", _("All")), *Child._meta.get_field("sex").choices],
        required=False,
    )
    disability = forms.ChoiceField(
        label=_("Disability"),
        choices=[("", _("All")), ("yes", _("With a disability")), ("no", _("Without"))],
        required=False,
    )
    insurance = forms.ChoiceField(
        label=_("Health insurance"),
        choices=[
            ("", _("All")),
            ("missing", _("No valid card")),
            ("expiring", _("Expiring within 30 days")),
        ],
        required=False,
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[*Child.Status.choices, ("all", _("All statuses"))],
        required=False,
    )

    def __init__(self, *args, groups=None, **kwargs):
        super().__init__(*args, **kwargs)
        if groups is not None:
            self.fields["group"].queryset = groups


class ChildForm(forms.ModelForm):
    estimated_age = forms.IntegerField(
        label=_("Estimated age (if the date of birth is unknown)"),
        required=False,
        min_value=0,
        max_value=15,
    )
    disabilities = forms.MultipleChoiceField(
        label=_("Disability types"),
        choices=Child.Disability.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Child
        fields = [
            "full_name",
            "birth_date",
            "estimated_age",
            "sex",
            "ethnic_group",
            "personal_id",
            "residential_group",
            "household",
            "birth_registered",
            "birth_registration_date",
            "birth_registration_place",
            "insurance_card_number",
            "insurance_expiry",
            "insurance_source",
            "disabilities",
            "disability_level",
            "disability_certificate_number",
            "disability_certificate_date",
            "school",
            "classification",
            "risk_categories",
            "notes",
        ]
        widgets = {
            "birth_date": DateInput,
            "birth_registration_date": DateInput,
            "insurance_expiry": DateInput,
            "disability_certificate_date": DateInput,
            "sex": forms.RadioSelect,
            "risk_categories": forms.CheckboxSelectMultiple,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, commune, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["birth_date"].required = False
        self.fields["residential_group"].queryset = ResidentialGroup.objects.filter(
            commune=commune, active_to__isnull=True
        )
        self.fields["household"].queryset = Household.objects.filter(commune=commune)
        self.fields["risk_categories"].queryset = RiskCategory.objects.filter(
            is_active=True
        )
        self.fields["insurance_expiry"].help_text = _(
            "Left empty for a child under 6, it is computed from the date of birth."
        )
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            if self.instance.birth_date_is_estimated:
                # The inverse of child_fields(): the same age gives the same date back.
                born = self.instance.birth_date.year
                self.fields["estimated_age"].initial = timezone.localdate().year - born
                self.initial["birth_date"] = None
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save")))

    def clean(self):
        data = super().clean()
        if not data.get("birth_date") and data.get("estimated_age") is None:
            self.add_error(
                "birth_date",
                _("Enter the date of birth, or an estimated age if it is unknown."),
            )
        return data

    def child_fields(self) -> dict:
        """The cleaned values as model fields for the services."""
        data = dict(self.cleaned_data)
        data.pop("risk_categories", None)
        data.pop("version", None)
        age = data.pop("estimated_age")
        data["birth_date_is_estimated"] = not data.get("birth_date")
        if data["birth_date_is_estimated"]:
            # Mẫu 01 allows an estimated age: mid-year of the estimated birth year,
            # never later than today (a baby estimated at 0 in the spring).
            today = timezone.localdate()
            data["birth_date"] = min(datetime.date(today.year - age, 7, 1), today)
        return data


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Child.Status.choices)
    on = forms.DateField(label=_("Since"), widget=DateInput, initial=timezone.localdate)
    reason = forms.CharField(label=_("Reason"), max_length=250)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Change status")))


class DeleteForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is this record being deleted?"),
        max_length=250,
        help_text=_(
            "Only for a record entered by mistake or twice. Otherwise change the status."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(
            Submit("delete", _("Delete the record"), css_class="btn-danger")
        )


class CircumstanceForm(forms.ModelForm):
    subgroup = forms.ChoiceField(
        label=_("Sub-group"),
        choices=[("", "---------"), *SUBGROUP_CHOICES],
        required=False,
    )

    class Meta:
        model = SpecialCircumstance
        fields = [
            "group",
            "subgroup",
            "identified_on",
            "resolved_on",
            "support_received",
            "expert_conclusion",
        ]
        widgets = {
            "identified_on": DateInput,
            "resolved_on": DateInput,
            "support_received": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save")))


class CaregiverForm(forms.ModelForm):
    class Meta:
        model = Caregiver
        fields = ["full_name", "relation", "phone", "personal_id"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save")))


class HouseholdForm(forms.ModelForm):
    class Meta:
        model = Household
        fields = [
            "residential_group",
            "head_name",
            "address",
            "poverty",
            "poverty_year",
        ]

    def __init__(self, *args, commune, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["residential_group"].queryset = ResidentialGroup.objects.filter(
            commune=commune, active_to__isnull=True
        )
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save")))
