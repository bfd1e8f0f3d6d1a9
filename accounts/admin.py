from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import Assignment, AuditEntry, User
from accounts.services import audit_record


class AuditedAdminMixin:
    """Changes made in the admin site (users, roles, places) reach the audit log too."""

    def log_addition(self, request, obj, message):
        audit_record(actor=request.user, action="admin.added", obj=obj, request=request)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        audit_record(
            actor=request.user, action="admin.changed", obj=obj, request=request
        )
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        for obj in queryset:
            audit_record(
                actor=request.user, action="admin.deleted", obj=obj, request=request
            )
        return super().log_deletions(request, queryset)


class AssignmentInline(admin.TabularInline):
    model = Assignment
    extra = 0
    autocomplete_fields = ["commune", "residential_group", "province"]


@admin.register(User)
class UserAdmin(AuditedAdminMixin, DjangoUserAdmin):
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("full_name", "email")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "full_name", "password1", "password2"),
            },
        ),
    )
    list_display = ("username", "full_name", "is_active", "is_staff")
    search_fields = ("username", "full_name")
    ordering = ("username",)
    inlines = [AssignmentInline]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the table is append-only in the database as well."""

    list_display = ("at", "user", "roles", "action", "object_type", "object_id", "ip")
    list_filter = ("action",)
    search_fields = ("object_id", "user__username")
    list_select_related = ("user",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
