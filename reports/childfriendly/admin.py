"""Admin of the child-friendly criteria: the administrator keeps the sets, their
criteria and indicators (QĐ 06/QĐ-TTg's annex, or its replacement) as data.

A set an approved assessment rests on is read-only: its points made that
result. "Copy as a new version" starts the next set from it.
"""

import datetime

from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from accounts.admin import AuditedAdminMixin
from reports.models import Assessment, CriteriaSet, Criterion, Indicator


def _locked(criteria_set: CriteriaSet | None) -> bool:
    return (
        criteria_set is not None
        and Assessment.objects.filter(
            criteria_set=criteria_set, status=Assessment.Status.APPROVED
        ).exists()
    )


class LockedWhenUsed:
    """Read-only once an approved assessment uses the set."""

    def _set_of(self, obj):
        return obj

    def has_add_permission(self, request, obj=None):
        if obj is not None and _locked(self._set_of(obj)):
            return False
        if isinstance(self, admin.options.InlineModelAdmin):
            return super().has_add_permission(request, obj)
        return super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        if obj is not None and _locked(self._set_of(obj)):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and _locked(self._set_of(obj)):
            return False
        return super().has_delete_permission(request, obj)


class CriterionInline(LockedWhenUsed, admin.TabularInline):
    model = Criterion
    extra = 0
    fields = ("number", "code", "title", "max_points", "min_points", "legal_basis")
    show_change_link = True


@admin.register(CriteriaSet)
class CriteriaSetAdmin(AuditedAdminMixin, LockedWhenUsed, admin.ModelAdmin):
    list_display = (
        "name",
        "valid_from",
        "threshold_phuong_tp_tw",
        "threshold_con_lai",
        "threshold_mien_nui",
    )
    inlines = [CriterionInline]
    actions = ["copy_as_new_version"]

    @admin.action(description=_("Copy as a new version"))
    def copy_as_new_version(self, request, queryset):
        for criteria_set in queryset:
            copy = criteria_set_copy(criteria_set)
            self.log_addition(request, copy, [{"added": {}}])
        messages.success(request, _("Copied: set the new version's date."))


class IndicatorInline(LockedWhenUsed, admin.StackedInline):
    model = Indicator
    extra = 0
    fields = (
        ("number", "code", "points"),
        "text",
        ("method", "source_code"),
        ("comparison", "threshold", "unit"),
    )

    def _set_of(self, obj):
        return obj.criteria_set


@admin.register(Criterion)
class CriterionAdmin(AuditedAdminMixin, LockedWhenUsed, admin.ModelAdmin):
    list_display = ("number", "title", "max_points", "min_points", "criteria_set")
    list_filter = ("criteria_set",)
    list_select_related = ("criteria_set",)
    inlines = [IndicatorInline]

    def _set_of(self, obj):
        return obj.criteria_set


@transaction.atomic
def criteria_set_copy(criteria_set: CriteriaSet) -> CriteriaSet:
    """The set, its criteria and indicators copied under a new date (one day
    after the latest set, to be set by the administrator)."""
    latest = CriteriaSet.objects.order_by("-valid_from").first()
    criteria = list(criteria_set.criteria.prefetch_related("indicators"))
    copy = CriteriaSet.objects.get(pk=criteria_set.pk)
    copy.pk = None
    copy.name = f"{criteria_set.name} (bản sao)"
    copy.valid_from = latest.valid_from + datetime.timedelta(days=1)
    copy.save()
    for criterion in criteria:
        indicators = list(criterion.indicators.all())
        criterion.pk, criterion.criteria_set = None, copy
        criterion.save()
        for indicator in indicators:
            indicator.pk, indicator.criterion = None, criterion
            indicator.save()
    return copy
