from django.contrib import admin

from accounts.admin import AuditedAdminMixin
from registry.models import (
    Commune,
    EthnicGroup,
    Province,
    PublicHoliday,
    ResidentialGroup,
    RiskCategory,
)


@admin.register(Province)
class ProvinceAdmin(AuditedAdminMixin, admin.ModelAdmin):
    search_fields = ("name", "code")


@admin.register(Commune)
class CommuneAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("name", "kind", "province", "admin_code", "terrain")
    list_filter = ("province", "kind", "terrain")
    search_fields = ("name", "admin_code")


@admin.register(ResidentialGroup)
class ResidentialGroupAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("name", "kind", "commune", "active_to")
    list_filter = ("kind",)
    search_fields = ("name", "commune__name")
    list_select_related = ("commune",)


@admin.register(EthnicGroup)
class EthnicGroupAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("code", "name", "spelling_variants")
    search_fields = ("name", "other_names", "spelling_variants")


@admin.register(RiskCategory)
class RiskCategoryAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """The "at risk" and "other circumstances" sub-lists (not fixed by law)."""

    list_display = ("name", "kind", "is_active", "position")
    list_filter = ("kind", "is_active")
    list_editable = ("is_active", "position")


@admin.register(PublicHoliday)
class PublicHolidayAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """The calendar behind working-day deadlines: add each year's official schedule."""

    list_display = ("date", "name", "kind", "day_off")
    list_filter = ("kind", "day_off")
    date_hierarchy = "date"
