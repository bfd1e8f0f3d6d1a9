"""Forms of the annual plan: input shape only (services.py holds the rules)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from batochild.lib.forms import DateInput
from reports.models import AnnualPlan, PlanContentArea, PlanTarget, PlanTask
from reports.models.plans import target_codes

TEXTAREA = {"rows": 4}


class PlanYearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2020, max_value=2100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year + 1


class PlanTextForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = AnnualPlan
        fields = [
            "title",
            "legal_bases",
            "objectives",
            "requirements",
            "closing",
            "recipients",
        ]
        widgets = {
            name: forms.Textarea(attrs=TEXTAREA)
            for name in ("legal_bases", "objectives", "requirements", "closing")
        } | {"recipients": forms.Textarea(attrs={"rows": 6})}


class PlanTargetForm(forms.ModelForm):
    indicator = forms.ChoiceField(label=_("measured by"))

    class Meta:
        model = PlanTarget
        fields = ["lead", "target", "indicator", "comparison", "label"]
        widgets = {"label": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [("", "---------"), *target_codes().items()]


class PlanAreaForm(forms.ModelForm):
    class Meta:
        model = PlanContentArea
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs=TEXTAREA)}


class PlanTaskForm(forms.ModelForm):
    class Meta:
        model = PlanTask
        fields = ["organisation", "heading", "body"]
        widgets = {"body": forms.Textarea(attrs=TEXTAREA)}


class _TaskFormSet(forms.BaseFormSet):
    def clean(self):
        seen = set()
        for form in self.forms:
            if not form.has_changed() or form.cleaned_data.get("DELETE"):
                continue
            organisation = form.cleaned_data.get("organisation")
            if organisation in seen:
                raise forms.ValidationError(
                    _("Give each organisation's tasks in one block.")
                )
            seen.add(organisation)


def _formset(form, **kwargs):
    return forms.formset_factory(
        form, extra=1, can_delete=True, max_num=30, validate_max=True, **kwargs
    )


PlanTargetFormSet = _formset(PlanTargetForm)
PlanAreaFormSet = _formset(PlanAreaForm)
PlanTaskFormSet = _formset(PlanTaskForm, formset=_TaskFormSet)


class PlanAdoptForm(forms.Form):
    adopted_on = forms.DateField(label=_("Adoption date"), widget=DateInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adopted_on"].initial = timezone.localdate()
