from django.urls import path

from campaigns.views import activities, campaigns, forum, support, trainings

app_name = "campaigns"
urlpatterns = [
    path("", campaigns.campaign_list, name="campaign_list"),
    path("new/", campaigns.campaign_create, name="campaign_create"),
    path("figures/", campaigns.figures, name="figures"),
    path("<uuid:code>/", campaigns.campaign_detail, name="campaign_detail"),
    path("<uuid:code>/edit/", campaigns.campaign_edit, name="campaign_edit"),
    path("<uuid:code>/status/", campaigns.campaign_status, name="campaign_status"),
    path("<uuid:code>/summary/", campaigns.campaign_summary, name="campaign_summary"),
    path(
        "<uuid:code>/activities/new/",
        activities.activity_create,
        name="campaign_activity_create",
    ),
    path("<uuid:code>/priority/", support.priority_list, name="priority_list"),
    path("<uuid:code>/support/", support.support_list, name="support_list"),
    path("<uuid:code>/support/new/", support.support_create, name="support_create"),
    path("<uuid:code>/forum/", forum.forum_detail, name="forum_detail"),
    path("<uuid:code>/forum/edit/", forum.forum_edit, name="forum_edit"),
    path(
        "<uuid:code>/forum/participants/new/",
        forum.participant_add,
        name="participant_add",
    ),
    path(
        "participants/<uuid:code>/remove/",
        forum.participant_remove,
        name="participant_remove",
    ),
    path("support/<uuid:code>/delete/", support.support_delete, name="support_delete"),
    path("activities/", activities.activity_list, name="activity_list"),
    path("activities/new/", activities.activity_create, name="activity_create"),
    path("activities/<uuid:code>/", activities.activity_detail, name="activity_detail"),
    path(
        "activities/<uuid:code>/edit/", activities.activity_edit, name="activity_edit"
    ),
    path(
        "activities/<uuid:code>/delete/",
        activities.activity_delete,
        name="activity_delete",
    ),
    path(
        "activities/<uuid:code>/consents/new/",
        activities.consent_add,
        name="consent_add",
    ),
    path("activities/<uuid:code>/photos/new/", activities.photo_add, name="photo_add"),
    path("photos/<uuid:code>/", activities.photo_file, name="photo_file"),
    path("photos/<uuid:code>/delete/", activities.photo_delete, name="photo_delete"),
    path("trainings/", trainings.training_list, name="training_list"),
    path("trainings/new/", trainings.training_create, name="training_create"),
    path("trainings/<uuid:code>/", trainings.training_detail, name="training_detail"),
    path("trainings/<uuid:code>/edit/", trainings.training_edit, name="training_edit"),
    path(
        "attendees/<uuid:code>/remove/",
        trainings.attendee_remove,
        name="attendee_remove",
    ),
]
