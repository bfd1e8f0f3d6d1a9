from django.contrib import admin

from registry.models import Commune, Province, ResidentialGroup


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    search_fields = ("name", "code")


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "province", "admin_code", "terrain")
    list_filter = ("province", "kind", "terrain")
    search_fields = ("name", "admin_code")


@admin.register(ResidentialGroup)
class ResidentialGroupAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "commune", "active_to")
    list_filter = ("kind",)
    search_fields = ("name", "commune__name")
    list_select_related = ("commune",)
