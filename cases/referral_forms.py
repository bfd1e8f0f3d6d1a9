"""Forms of referrals: they check the input's shape; the rules are the services'."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from batochild.lib.forms import DateInput
from cases.models import Referral


class ReferralForm(forms.Form):
    """The officer's referral of a service to a partner, from the case page."""

    organisation = forms.ChoiceField(label=_("Send to"), choices=Organisation.choices)
    request = forms.CharField(
        label=_("What is asked"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Write only what the partner needs to act, not the case's story."),
    )
    due_on = forms.DateField(label=_("Due date"), widget=DateInput)
    plan_item = forms.ModelChoiceField(
        label=_("Plan row"),
        queryset=None,
        required=False,
        empty_label="—",
    )

    def __init__(self, data=None, *, plan_items, **kwargs):
        super().__init__(data, **kwargs)
        # Rows of this case's plans only (see referral_selectors.current_plan_items).
        self.fields["plan_item"].queryset = plan_items


class OutcomeForm(forms.Form):
    outcome = forms.CharField(
        label=_("Outcome"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What was done for the child, and what still needs doing."),
    )


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the referral is withdrawn"),
        max_length=500,
    )


class ReferralListForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All")), *Referral.Status.choices],
        required=False,
    )
    after = forms.CharField(required=False, widget=forms.HiddenInput)
