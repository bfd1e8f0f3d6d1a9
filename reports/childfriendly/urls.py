"""Self-assessment URLs, included by reports/urls.py in the "reports" namespace."""

from django.urls import path

from reports.childfriendly import views

urlpatterns = [
    path("", views.assessment_list, name="childfriendly_list"),
    path("new/", views.assessment_create, name="childfriendly_create"),
    path("<uuid:code>/", views.assessment_detail, name="childfriendly_detail"),
    path(
        "<uuid:code>/refresh/", views.assessment_refresh, name="childfriendly_refresh"
    ),
    path("<uuid:code>/meeting/", views.meeting_edit, name="childfriendly_meeting"),
    path(
        "<uuid:code>/scores/<uuid:score>/",
        views.score_edit,
        name="childfriendly_score",
    ),
    path(
        "<uuid:code>/scores/<uuid:score>/evidence/",
        views.score_evidence,
        name="childfriendly_evidence",
    ),
    path("<uuid:code>/submit/", views.assessment_submit, name="childfriendly_submit"),
    path(
        "<uuid:code>/approve/", views.assessment_approve, name="childfriendly_approve"
    ),
    path(
        "<uuid:code>/generate/",
        views.assessment_generate,
        name="childfriendly_generate",
    ),
]
