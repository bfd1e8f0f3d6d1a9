from django.urls import path

from cases.views import (
    caselist,
    cases,
    deadlines,
    documents,
    incidents,
    plans,
    referrals,
    steps,
)

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
    path("deadlines/", deadlines.deadlines, name="deadlines"),
    path("cases/<uuid:code>/", cases.case_detail, name="case_detail"),
    path("cases/<uuid:code>/move/", cases.case_move, name="case_move"),
    path(
        "cases/<uuid:code>/documents/",
        documents.case_document_request,
        name="case_document_request",
    ),
    path(
        "cases/<uuid:code>/assessment/<str:form_code>/",
        steps.risk_assessment,
        name="risk_assessment",
    ),
    path("cases/<uuid:code>/detailed/", steps.detailed_assessment, name="detailed"),
    path("cases/<uuid:code>/meeting/", steps.needs_meeting, name="needs_meeting"),
    path("cases/<uuid:code>/visit/", steps.followup, name="followup"),
    path("cases/<uuid:code>/separation/", steps.separation, name="separation"),
    path("cases/<uuid:code>/plan/", plans.plan_edit, name="plan_edit"),
    path("cases/<uuid:code>/plan/submit/", plans.plan_submit, name="plan_submit"),
    path("cases/<uuid:code>/plan/approve/", plans.plan_approve, name="plan_approve"),
    path("cases/<uuid:code>/plan/return/", plans.plan_return, name="plan_return"),
    path("cases/<uuid:code>/plan/adjust/", plans.plan_adjust, name="plan_adjust"),
    path("referrals/", referrals.referral_list, name="referral_list"),
    path("referrals/<uuid:code>/", referrals.referral_detail, name="referral_detail"),
    path(
        "referrals/<uuid:code>/acknowledge/",
        referrals.referral_acknowledge,
        name="referral_acknowledge",
    ),
    path(
        "referrals/<uuid:code>/complete/",
        referrals.referral_complete,
        name="referral_complete",
    ),
    path(
        "referrals/<uuid:code>/cancel/",
        referrals.referral_cancel,
        name="referral_cancel",
    ),
    path("cases/<uuid:code>/referrals/", referrals.referral_send, name="referral_send"),
]
