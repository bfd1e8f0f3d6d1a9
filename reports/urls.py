from django.urls import include, path

from reports.views import documents, periodic, plans

app_name = "reports"
urlpatterns = [
    path("", documents.document_list, name="document_list"),
    path("new/", documents.document_create, name="document_create"),
    path("<uuid:code>/", documents.document_detail, name="document_detail"),
    path("<uuid:code>/pdf/", documents.document_download, name="document_download"),
    path("reports/", periodic.report_list, name="report_list"),
    path("reports/new/", periodic.report_create, name="report_create"),
    path("reports/<uuid:code>/", periodic.report_detail, name="report_detail"),
    path(
        "reports/<uuid:code>/text/", periodic.report_narrative, name="report_narrative"
    ),
    path(
        "reports/<uuid:code>/generate/",
        periodic.report_generate,
        name="report_generate",
    ),
    path("reports/<uuid:code>/issue/", periodic.report_issue, name="report_issue"),
    path(
        "reports/<uuid:code>/new-version/",
        periodic.report_new_version,
        name="report_new_version",
    ),
    path("reports/<uuid:code>/annex.xlsx", periodic.report_xlsx, name="report_xlsx"),
    path("verify/<str:verification>/", periodic.report_verify, name="report_verify"),
    path(
        "verify/<str:verification>/pdf/",
        periodic.report_verify_pdf,
        name="report_verify_pdf",
    ),
    path("child-friendly/", include("reports.childfriendly.urls")),
    path("plans/", plans.plan_list, name="plan_list"),
    path("plans/new/", plans.plan_create, name="plan_create"),
    path("plans/copy/", plans.plan_copy, name="plan_copy"),
    path("plans/<uuid:code>/", plans.plan_detail, name="plan_detail"),
    path("plans/<uuid:code>/edit/", plans.plan_edit, name="plan_edit"),
    path("plans/<uuid:code>/generate/", plans.plan_generate, name="plan_generate"),
    path("plans/<uuid:code>/adopt/", plans.plan_adopt, name="plan_adopt"),
    path(
        "plans/<uuid:code>/new-version/",
        plans.plan_new_version,
        name="plan_new_version",
    ),
]
