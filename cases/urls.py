from django.urls import path

from cases.views import caselist, cases, incidents

app_name = "cases"
urlpatterns = [
    path("", incidents.inbox, name="inbox"),
    path("all/", incidents.incident_list, name="incident_list"),
    path("report/", incidents.report_new, name="report_new"),
    path("mine/", incidents.my_reports, name="my_reports"),
    path("<uuid:code>/", incidents.incident_detail, name="incident_detail"),
    path("<uuid:code>/triage/", incidents.incident_triage, name="incident_triage"),
    path(
        "<uuid:code>/child/",
        incidents.incident_link_child,
        name="incident_link_child",
    ),
    path("<uuid:code>/open-case/", cases.case_open, name="case_open"),
    path("cases/", caselist.case_list, name="case_list"),
    path("cases/<uuid:code>/", cases.case_detail, name="case_detail"),
    path("cases/<uuid:code>/move/", cases.case_move, name="case_move"),
]
