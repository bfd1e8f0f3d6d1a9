from django.urls import path

from reports import views

app_name = "reports"
urlpatterns = [
    path("", views.document_list, name="document_list"),
    path("new/", views.document_create, name="document_create"),
    path("<uuid:code>/", views.document_detail, name="document_detail"),
    path("<uuid:code>/pdf/", views.document_download, name="document_download"),
]
