"""Report and triage forms: input shape only (cases/services.py holds the rules)."""

import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from accounts.scope import COMMUNE_WIDE_ROLES, user_scope
from cases.models import ABUSE_KINDS, Case, CaseStatus, IncidentReport, Kind, Source
from registry.models import Child, ResidentialGroup


def _kind_choices():
    abuse = [(k.value, k.label) for k in Kind if k in ABUSE_KINDS]
    injury = [(k.value, k.label) for k in Kind if k not in ABUSE_KINDS]
    return [("", "---------"), (_("Abuse"), abuse), (_("Injury"), injury)]


class DateTimeLocalInput(forms.DateTimeInput):
    """A phone's native date-time picker; it submits 2026-06-03T14:30."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class ReportForm(forms.ModelForm):
    """The fewest questions that are enough (Mẫu 01: every field is optional to
    the officer, so only what is needed to act is required here)."""

    kind = forms.ChoiceField(label=_("What happened?"), choices=_kind_choices)
    occurred_at = forms.DateTimeField(
        label=_("When?"),
        widget=DateTimeLocalInput,
        input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"],
    )
    anonymous = forms.BooleanField(
        label=_("The informant wants to stay anonymous"), required=False
    )
    informant_name = forms.CharField(
        label=_("Informant's name"), max_length=150, required=False
    )
    informant_phone = forms.CharField(
        label=_("Informant's phone"), max_length=20, required=False
    )
    informant_address = forms.CharField(
        label=_("Informant's address"), max_length=250, required=False
    )
    received_at = forms.DateTimeField(
        label=_("When the information came in"),
        widget=DateTimeLocalInput,
        input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"],
        required=False,
    )
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)

    class Meta:
        model = IncidentReport
        fields = [
            "kind",
            "occurred_at",
            "residential_group",
            "place",
            "child",
            "child_name",
            "child_age",
            "child_sex",
            "severity",
            "child_state",
            "actions_taken",
            "source",
            "hotline_reference",
        ]
        widgets = {
            "child_state": forms.Textarea(attrs={"rows": 2}),
            "actions_taken": forms.Textarea(attrs={"rows": 2}),
            "severity": forms.RadioSelect,
        }

    def __init__(self, *args, user, intake: bool, **kwargs):
        super().__init__(*args, **kwargs)
        groups = ResidentialGroup.objects.visible_to(user).order_by("name")
        self.fields["residential_group"].queryset = groups
        if groups.count() == 1:
            self.fields["residential_group"].initial = groups.first()
        self.fields["child"].queryset = (
            Child.objects.visible_to(user).active().order_by("full_name")
        )
        self.fields["child"].required = False
        self.fields["child"].label = _("The child, if in the list")
        self.fields["idempotency_key"].initial = uuid.uuid4()
        self.fields["occurred_at"].initial = timezone.localtime().strftime(
            "%Y-%m-%dT%H:%M"
        )
        if intake:
            # The officer records a call or a visit (Mẫu 01 "Nguồn nhận thông tin").
            self.fields["source"].choices = [("", "---------"), *Source.choices]
            self.fields["source"].required = True
            self.fields["received_at"].initial = self.fields["occurred_at"].initial
        else:
            del self.fields["received_at"]  # a report from the field arrives now
            del self.fields["source"]
            del self.fields["hotline_reference"]

    def report_fields(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k in self._meta.fields}
        data.setdefault("source", "")
        if self.cleaned_data.get("received_at"):
            data["received_at"] = self.cleaned_data["received_at"]
        return data

    def informant(self) -> dict:
        data = self.cleaned_data
        return {
            "anonymous": data["anonymous"],
            "name": data["informant_name"],
            "phone": data["informant_phone"],
            "address": data["informant_address"],
        }


class TriageForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (IncidentReport.Status.IN_REVIEW, _("Check it (being checked)")),
            (IncidentReport.Status.REFERRED, _("Refer for handling (open a case)")),
            (IncidentReport.Status.DUPLICATE, _("Duplicate of another report")),
            (IncidentReport.Status.DISMISSED, _("Dismiss")),
        ],
    )
    duplicate_of = forms.ModelChoiceField(
        label=_("Duplicate of"), queryset=IncidentReport.objects.none(), required=False
    )
    note = forms.CharField(
        label=_("Note (the reason when dismissing)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=5000,
    )

    def __init__(self, *args, others=None, **kwargs):
        super().__init__(*args, **kwargs)
        if others is not None:
            self.fields["duplicate_of"].queryset = others


class LinkChildForm(forms.Form):
    child = forms.ModelChoiceField(
        label=_("The child in the registry"), queryset=Child.objects.none()
    )

    def __init__(self, *args, children=None, **kwargs):
        super().__init__(*args, **kwargs)
        if children is not None:
            self.fields["child"].queryset = children


class ReportListForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All")), *IncidentReport.Status.choices],
        required=False,
    )
    after = forms.CharField(required=False, widget=forms.HiddenInput)


class CaseListForm(forms.Form):
    """The case list's filters. Groups and caseworkers are those of the user's
    communes only: another commune's id is an invalid choice, not a filter."""

    status = forms.ChoiceField(
        label=_("Step"), choices=[("", _("All")), *CaseStatus.choices], required=False
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    level = forms.ChoiceField(
        label=_("Protection level"),
        choices=[("", _("All")), *Case.Level.choices],
        required=False,
    )
    group = forms.ModelChoiceField(
        label=_("Residential group"),
        queryset=ResidentialGroup.objects.none(),
        required=False,
        empty_label=_("All"),
    )
    caseworker = forms.ModelChoiceField(
        label=_("Caseworker"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("All"),
    )
    after = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        communes = user_scope(user).communes_for(*COMMUNE_WIDE_ROLES)
        self.fields["group"].queryset = ResidentialGroup.objects.filter(
            commune_id__in=communes
        ).order_by("name", "pk")
        self.fields["caseworker"].queryset = (
            User.objects.filter(
                is_active=True,
                assignments__commune_id__in=communes,
                assignments__role=Role.OFFICER,
            )
            .distinct()
            .order_by("full_name", "pk")
        )
        for name in ("status", "level", "group", "caseworker"):
            self.fields[name].widget.attrs["class"] = "form-select form-select-sm"
        self.fields["overdue"].widget.attrs["class"] = "form-check-input"

    def filters(self) -> dict:
        """The valid filters; an invalid one is left out (and shown as an error)."""
        self.is_valid()
        return self.cleaned_data


class CaseOpenForm(forms.Form):
    level = forms.ChoiceField(label=_("Protection level"), choices=Case.Level.choices)


class CaseMoveForm(forms.Form):
    to = forms.ChoiceField(choices=CaseStatus.choices)
    version = forms.IntegerField()
    note = forms.CharField(required=False, max_length=5000)
