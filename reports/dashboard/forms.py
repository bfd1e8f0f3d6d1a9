"""The dashboard's query string, bound to a form: every parameter has a shape
and a default, so a damaged link shows the default page, never an error."""

from django import forms

from reports.dashboard.drilldown import INCIDENT_FILTERS


class DashboardQuery(forms.Form):
    commune = forms.CharField(required=False, max_length=64)
    group = forms.CharField(required=False, max_length=64)
    what = forms.ChoiceField(
        required=False, choices=[("", "")] + [(k, k) for k in INCIDENT_FILTERS]
    )
    province = forms.CharField(required=False, max_length=16)
    sort = forms.CharField(required=False, max_length=64)
    order = forms.ChoiceField(
        required=False, choices=[("", ""), ("asc", ""), ("desc", "")]
    )


def dashboard_query(request) -> dict:
    """The cleaned parameters; a field that does not fit falls back to empty."""
    form = DashboardQuery(request.GET)
    form.is_valid()
    values = dict.fromkeys(form.fields, "")
    values.update(
        {k: v for k, v in form.cleaned_data.items() if k not in form.errors and v}
    )
    return values
