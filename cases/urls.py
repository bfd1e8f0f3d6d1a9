from django.urls import path

from cases import views

app_name = "cases"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("all/", views.incident_list, name="incident_list"),
    path("report/", views.report_new, name="report_new"),
    path("mine/", views.my_reports, name="my_reports"),
    path("<uuid:code>/", views.incident_detail, name="incident_detail"),
    path("<uuid:code>/triage/", views.incident_triage, name="incident_triage"),
    path("<uuid:code>/child/", views.incident_link_child, name="incident_link_child"),
    path("<uuid:code>/open-case/", views.case_open, name="case_open"),
    path("cases/", views.case_list, name="case_list"),
    path("cases/<uuid:code>/", views.case_detail, name="case_detail"),
    path("cases/<uuid:code>/move/", views.case_move, name="case_move"),
]
