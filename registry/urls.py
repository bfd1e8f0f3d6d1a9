from django.urls import path

from registry.views import children, exports, imports

app_name = "registry"
urlpatterns = [
    path("", children.child_list, name="child_list"),
    path("new/", children.child_create, name="child_create"),
    path("households/new/", children.household_create, name="household_create"),
    path("export.xlsx", exports.child_export, name="child_export"),
    path("import/", imports.import_start, name="child_import"),
    path("import/template.xlsx", imports.import_template, name="child_import_template"),
    path("import/<uuid:code>/", imports.import_detail, name="child_import_detail"),
    path("<uuid:code>/", children.child_detail, name="child_detail"),
    path("<uuid:code>/edit/", children.child_edit, name="child_edit"),
    path("<uuid:code>/status/", children.child_status, name="child_status"),
    path("<uuid:code>/delete/", children.child_delete, name="child_delete"),
    path(
        "<uuid:code>/circumstances/new/",
        children.circumstance_add,
        name="circumstance_add",
    ),
    path("<uuid:code>/caregivers/new/", children.caregiver_add, name="caregiver_add"),
]
