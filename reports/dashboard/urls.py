from django.urls import path

from reports.views import dashboard

app_name = "dashboard"
urlpatterns = [
    path("", dashboard.dashboard, name="home"),
    path("list/<slug:list_name>/", dashboard.dashboard_list, name="list"),
    path("province/", dashboard.province, name="province"),
    path("province.xlsx", dashboard.province_xlsx, name="province_xlsx"),
]
