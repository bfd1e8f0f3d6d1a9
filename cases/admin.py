"""Admin: only the reference data of case work. Cases themselves are never edited
in the admin (no scope, no timeline there)."""

from django.contrib import admin

from accounts.admin import AuditedAdminMixin
from cases.models import RiskCriterion


@admin.register(RiskCriterion)
class RiskCriterionAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """The questions of Mẫu 02 and Mẫu 06 (DOMAIN.md §5.4 ❓): retire a question by
    unticking "in use", so past assessments keep their answers."""

    list_display = (
        "question",
        "form",
        "section",
        "order",
        "suggests_emergency",
        "active",
    )
    list_filter = ("form", "section", "active")
    list_editable = ("order", "active")
    search_fields = ("question",)

    def has_delete_permission(self, request, obj=None):
        return False  # answers refer to it; untick "in use" instead
