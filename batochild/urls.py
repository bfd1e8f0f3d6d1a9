from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from batochild import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    # The language switch is offered on the login page too.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("children/", include("registry.urls")),
    path("incidents/", include("cases.urls")),
    path("campaigns/", include("campaigns.urls")),
    path("documents/", include("reports.urls")),
    path("dashboard/", include("reports.dashboard.urls")),
    path("", include("accounts.home_urls")),
]
